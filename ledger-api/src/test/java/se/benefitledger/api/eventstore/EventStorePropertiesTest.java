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

    @Test
    void waitsAtTheAppendGateForAtMostHalfASecondUnlessConfigured() {
        assertThat(new EventStoreProperties(null, null).appendGateWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(new EventStoreProperties(null, Duration.ZERO).appendGateWait()).isZero();
    }

    @Test
    void refusesANegativeWaitAtTheAppendGate() {
        assertThatThrownBy(() -> new EventStoreProperties(null, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ledger.event-store.append-gate-wait must not be negative");
    }
}
