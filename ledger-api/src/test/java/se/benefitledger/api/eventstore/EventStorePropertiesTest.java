package se.benefitledger.api.eventstore;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStorePropertiesTest {

    @Test
    void holdsIndexesForAtMost45SecondsUnlessConfigured() {
        assertThat(new EventStoreProperties(null, null).maxIndexHold()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void refusesAHoldTheProjectionsWouldNotWaitFor() {
        assertThatThrownBy(() -> new EventStoreProperties(Duration.ofSeconds(60), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below the projections' gap timeout (60 s)");
        assertThatThrownBy(() -> new EventStoreProperties(Duration.ZERO, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
