package se.benefitledger.api.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountedQueueTest {

    private final AtomicInteger roomCalls = new AtomicInteger();
    private final CountedQueue<String> queue = new CountedQueue<>(4, roomCalls::incrementAndGet);

    @Test
    void countsWhatWasAddedLessWhatWasTakenOrRemoved() {
        queue.addAll(List.of("a", "b", "c", "d"));
        assertThat(queue.poll()).isEqualTo("a");
        assertThat(queue.remove("c")).isTrue();
        assertThat(queue.remove("x")).isFalse();

        assertThat(queue).hasSize(2).containsExactly("b", "d");
        queue.clear();
        assertThat(queue.size()).isZero();
        assertThat(queue.poll()).isNull();
        assertThat(queue.size()).isZero();
    }

    @Test
    void refusesRemovalThroughItsIteratorWhichCouldNotKeepCount() {
        queue.add("a");
        var iterator = queue.iterator();
        iterator.next();

        assertThatThrownBy(iterator::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void saysOnceThatAFullQueueHasRoomWhenItHasDrainedToHalf() {
        queue.addAll(List.of("a", "b", "c", "d"));
        queue.poll();
        assertThat(roomCalls).as("three of four left").hasValue(0);

        queue.remove("b");
        assertThat(roomCalls).as("half left").hasValue(1);
        queue.poll();
        queue.poll();
        assertThat(roomCalls).as("once per time it filled up").hasValue(1);

        queue.addAll(List.of("e", "f", "g", "h"));
        queue.poll();
        queue.poll();
        assertThat(roomCalls).as("full again, then half").hasValue(2);
    }

    @Test
    void saysNothingWhenItNeverFilledUp() {
        queue.addAll(List.of("a", "b", "c"));
        queue.clear();

        assertThat(roomCalls).hasValue(0);
    }
}
