package se.benefitledger.api.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountedQueueTest {

    private final CountedQueue<String> queue = new CountedQueue<>();

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
}
