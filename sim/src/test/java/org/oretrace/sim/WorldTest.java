package org.oretrace.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oretrace.core.registry.Actor;
import org.oretrace.core.registry.Site;

class WorldTest {

  private final World generated = Worlds.small();

  @Test
  void copiesItsListsDefensively() {
    List<Site> sites = new ArrayList<>(generated.sites());
    List<Actor> actors = new ArrayList<>(generated.actors());

    World world = new World(sites, actors, List.of());
    sites.clear();
    actors.clear();

    assertThat(world.sites()).hasSameSizeAs(generated.sites());
    assertThat(world.actors()).hasSameSizeAs(generated.actors());
    assertThatThrownBy(() -> world.sites().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesNullsAndDuplicateIds() {
    Site site = generated.sites().getFirst();
    Actor actor = generated.actors().getFirst();

    assertThatThrownBy(() -> new World(null, List.of(), List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("sites is null");
    assertThatThrownBy(() -> new World(List.of(site, site), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("site id " + site.id() + " appears twice");
    assertThatThrownBy(() -> new World(List.of(), List.of(actor, actor), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actor id " + actor.id() + " appears twice");
  }

  @Test
  void itsRegistryKnowsEverySiteAndActorAndNothingElse() {
    var registry = generated.registry();

    assertThat(generated.sites())
        .allSatisfy(site -> assertThat(registry.site(site.id())).contains(site));
    assertThat(generated.actors())
        .allSatisfy(actor -> assertThat(registry.actor(actor.id())).contains(actor));
    assertThat(registry.site("site-nowhere")).isEmpty();
    assertThat(registry.actor("nobody")).isEmpty();
  }
}
