package org.oretrace.core.registry;

import java.util.Optional;

/** Read access to the sites and actors that custody events refer to. */
public interface Registry {

  Optional<Site> site(String id);

  Optional<Actor> actor(String id);
}
