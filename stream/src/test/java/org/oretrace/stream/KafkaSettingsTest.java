package org.oretrace.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

  @Test
  void topicNamesStartWithTheDeploymentsPrefix() {
    KafkaSettings defaults = KafkaSettings.of("localhost:9092");
    assertThat(defaults.eventsTopic()).isEqualTo("oretrace.events");
    assertThat(defaults.alertsTopic()).isEqualTo("oretrace.alerts");

    KafkaSettings district = defaults.withTopicPrefix("cd-nord-kivu.");
    assertThat(district.eventsTopic()).isEqualTo("cd-nord-kivu.events");
    assertThat(district.sitesTopic()).isEqualTo("cd-nord-kivu.sites");
    assertThat(district.actorsTopic()).isEqualTo("cd-nord-kivu.actors");
    assertThat(district.alertsTopic()).isEqualTo("cd-nord-kivu.alerts");
    assertThat(district.bootstrapServers()).isEqualTo("localhost:9092");
  }

  @Test
  void refusesWhatKafkaWouldRefuseAsATopicName() {
    KafkaSettings settings = KafkaSettings.of("localhost:9092");
    assertThatThrownBy(() -> settings.withTopicPrefix("oretrace/events"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("oretrace/events");
    assertThatThrownBy(() -> settings.withTopicPrefix(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.withTopicPrefix("x".repeat(241)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesBootstrapServersWithoutAPort() {
    assertThatThrownBy(() -> KafkaSettings.of("localhost"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HOST:PORT");
  }
}
