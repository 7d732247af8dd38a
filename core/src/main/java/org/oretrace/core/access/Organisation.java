package org.oretrace.core.access;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.oretrace.core.Country;
import org.oretrace.core.registry.Identifiers;

/**
 * A body whose users and tokens use Oretrace: an agency, an auditor, a company or a community
 * organisation. A company names the registry actors it acts as (its trading and processing arms),
 * which is what "its own supply chain" starts from; other types name none.
 *
 * @param id a short stable id, e.g. "cd-customs"; tokens, users and cases refer to it
 * @param actorIds for a company, the ids of the registry actors it acts as; empty otherwise
 */
public record Organisation(
    String id, String name, OrganisationType type, Country country, List<String> actorIds) {

  public Organisation {
    Identifiers.requireId(id, "id");
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(country, "country is null");
    actorIds = List.copyOf(requireNonNull(actorIds, "actorIds is null"));
    if (name.isBlank()) {
      throw new IllegalArgumentException("organisation name is blank");
    }
    actorIds.forEach(actorId -> Identifiers.requireId(actorId, "actor"));
    if (type != OrganisationType.COMPANY && !actorIds.isEmpty()) {
      throw new IllegalArgumentException(
          "only a company acts as registry actors; a " + type.wireName() + " names none");
    }
  }
}
