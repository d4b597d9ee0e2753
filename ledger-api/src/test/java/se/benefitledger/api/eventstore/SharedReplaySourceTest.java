package se.benefitledger.api.eventstore;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Report projections replaying the store from its start share one read of it, and each still gets every event
 * once, in order, whatever the others do. The store here is a list with Axon's stream contract, so that who
 * reads what, and when, can be counted and held up.
 */
class SharedReplaySourceTest {

    private final ListStore store = new ListStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** A thread per reader: the common pool has one thread on two cores, and the readers must read at the same time. */
    private final ExecutorService readers = Executors.newCachedThreadPool();

    @AfterEach
    void stopReaders() {
        readers.shutdownNow();
    }

    @Test
    void projectionsReplayingTogetherReadTheStoreOnceAndEachGetsEveryEvent() throws Exception {
        store.append(2_300);
        var source = source(1_000, Duration.ofSeconds(1), Duration.ofSeconds(10));

        var streams = List.of(source.openStream(null), source.openStream(null), source.openStream(null));
        var read = streams.stream().map(stream -> CompletableFuture.supplyAsync(() -> take(stream, 2_300), readers)).toList();

        for (var future : read) {
            assertThat(future.get(20, TimeUnit.SECONDS)).as("every event, in order, the very messages the store gave once")
                                                       .containsExactlyElementsOf(store.events);
        }
        assertThat(store.openedAt).as("one read from the start").containsOnlyOnce((TrackingToken) null);
        assertThat(store.handedOut.get()).as("each event read once").isEqualTo(2_300);
        assertThat(counter("ledger.projection.replay.convoys")).isEqualTo(1);
        assertThat(counter("ledger.projection.replay.riders")).isEqualTo(3);
        assertThat(counter("ledger.projection.replay.events")).isEqualTo(2_300);

        store.append(20);
        for (var stream : streams) {
            assertThat(take(stream, 20)).as("events appended after the replay, from a stream of its own")
                                        .containsExactlyElementsOf(store.events.subList(2_300, 2_320));
        }
        assertThat(store.openedAt).as("each goes on from the last event it took")
                                  .containsOnly(null, new GlobalSequenceTrackingToken(2_299));
    }

    @Test
    void theReaderStaysWithinItsLimitOfTheSlowestProjection() throws Exception {
        store.append(10_000);
        // a join window, so that the second stream joins even when the reader was quick to read its first 1,000
        var source = source(1_000, Duration.ofSeconds(1), Duration.ofSeconds(30));
        var idle = source.openStream(null);
        var busy = source.openStream(null);
        assertThat(busy).isInstanceOf(ConvoyStream.class);

        List<TrackedEventMessage<?>> ahead = new ArrayList<>();
        while (busy.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
            ahead.add(busy.nextAvailable());
        }

        assertThat(ahead).as("the limit, while the other projection took nothing").hasSize(1_000);
        assertThat(store.handedOut.get()).as("read from the store: the limit and the chunk waiting for room").isLessThanOrEqualTo(1_000 + ReplayConvoy.CHUNK);
        var both = List.of(CompletableFuture.supplyAsync(() -> take(idle, 10_000), readers),
                CompletableFuture.supplyAsync(() -> take(busy, 9_000), readers));
        assertThat(both.get(0).get(20, TimeUnit.SECONDS)).containsExactlyElementsOf(store.events);
        assertThat(both.get(1).get(20, TimeUnit.SECONDS)).containsExactlyElementsOf(store.events.subList(1_000, 10_000));
    }

    @Test
    void aProjectionThatTakesNothingIsLeftBehindAndLaterReadsOnAloneWithoutLosingOrRepeatingAnEvent() throws Exception {
        store.append(5_000);
        // a join window, so that the second stream joins even when the reader was quick to read its first 1,000
        var source = source(1_000, Duration.ofSeconds(1), Duration.ofSeconds(2));
        var stuck = source.openStream(null);
        var moving = source.openStream(null);
        assertThat(moving).isInstanceOf(ConvoyStream.class);
        var movingRead = CompletableFuture.supplyAsync(() -> take(moving, 5_000), readers);
        var first = take(stuck, 10);

        assertThat(movingRead.get(20, TimeUnit.SECONDS)).as("the others finish without it").containsExactlyElementsOf(store.events);
        assertThat(counter("ledger.projection.replay.left.behind")).isEqualTo(1);

        var rest = CompletableFuture.supplyAsync(() -> take(stuck, 4_990), readers).get(20, TimeUnit.SECONDS);
        var all = new ArrayList<>(first);
        all.addAll(rest);
        assertThat(all).containsExactlyElementsOf(store.events);
        assertThat(stuck.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void aProjectionOpeningAfterTheConvoyStoppedTakingRidersReadsAloneWhileItLasts() throws Exception {
        store.append(3_000);
        var source = source(500, Duration.ZERO, Duration.ofSeconds(30));
        var early = source.openStream(null);
        assertThat(take(early, 1_000)).hasSize(1_000);

        var late = source.openStream(null);

        assertThat(late).as("the store's own stream: one convoy's memory at a time").isInstanceOf(ListStore.Stream.class);
        assertThat(take(late, 3_000)).containsExactlyElementsOf(store.events);
        assertThat(take(early, 2_000)).containsExactlyElementsOf(store.events.subList(1_000, 3_000));
        assertThat(counter("ledger.projection.replay.convoys")).isEqualTo(1);
    }

    @Test
    void aReplayAfterTheLastOneEndedSharesANewRead() throws Exception {
        store.append(1_200);
        var source = source(500, Duration.ofSeconds(1), Duration.ofSeconds(30));
        var first = source.openStream(null);
        assertThat(take(first, 1_200)).hasSize(1_200);
        assertThat(first.hasNextAvailable(100, TimeUnit.MILLISECONDS)).as("the convoy has ended, the stream goes on alone").isFalse();

        var again = List.of(source.openStream(null), source.openStream(null));

        assertThat(again).allMatch(ConvoyStream.class::isInstance);
        for (var future : again.stream().map(stream -> CompletableFuture.supplyAsync(() -> take(stream, 1_200), readers)).toList()) {
            assertThat(future.get(20, TimeUnit.SECONDS)).containsExactlyElementsOf(store.events);
        }
        assertThat(counter("ledger.projection.replay.convoys")).isEqualTo(2);
    }

    @Test
    void aStreamOpenedAnywhereButTheStartIsTheStoresOwn() {
        store.append(10);

        var stream = source(1_000, Duration.ZERO, Duration.ofSeconds(30)).openStream(new GlobalSequenceTrackingToken(4));

        assertThat(stream).isInstanceOf(ListStore.Stream.class);
        assertThat(take(stream, 5)).containsExactlyElementsOf(store.events.subList(5, 10));
        assertThat(counter("ledger.projection.replay.convoys")).isZero();
    }

    @Test
    void whenEveryProjectionClosesItsStreamTheReaderStops() throws Exception {
        store.append(5_000);
        var source = source(500, Duration.ZERO, Duration.ofSeconds(30));
        var stream = source.openStream(null);
        take(stream, 10);

        stream.close();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!store.closed.contains(0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(store.closed).as("the convoy's own stream of the store is closed").contains(0);
        assertThat(store.handedOut.get()).isLessThanOrEqualTo(500 + 2 * ReplayConvoy.CHUNK);
    }

    @Test
    void whenTheSharedReadFailsEachProjectionReadsOnAloneFromWhereItWas() throws Exception {
        store.append(3_000);
        store.failFirstStreamAfter = 1_700;
        var source = source(1_000, Duration.ofMillis(200), Duration.ofSeconds(30));
        var streams = List.of(source.openStream(null), source.openStream(null));

        var read = streams.stream().map(stream -> CompletableFuture.supplyAsync(() -> take(stream, 3_000), readers)).toList();

        for (var future : read) {
            assertThat(future.get(20, TimeUnit.SECONDS)).containsExactlyElementsOf(store.events);
        }
        assertThat(store.openedAt).containsOnly(null, new GlobalSequenceTrackingToken(1_499));
    }

    @Test
    void messagesUpcastFromOneStoredEventStayInOneChunk() throws Exception {
        store.append(ReplayConvoy.CHUNK - 1);
        store.appendTwoWithOneToken(ReplayConvoy.CHUNK - 1);
        store.append(1_000);
        var source = source(ReplayConvoy.CHUNK, Duration.ofSeconds(30), Duration.ofSeconds(30));
        var stream = source.openStream(null);

        take(stream, ReplayConvoy.CHUNK);

        assertThat(stream.peek()).as("the second message of the stored event, while the reader waits for more projections to join")
                                 .contains(store.events.get(ReplayConvoy.CHUNK));
        stream.close();
    }

    private SharedReplaySource source(int maxAhead, Duration joinWindow, Duration detachAfter) {
        return new SharedReplaySource(store, new SharedReplayProperties(maxAhead, joinWindow, detachAfter), registry);
    }

    private double counter(String name) {
        return registry.counter(name).count();
    }

    private static List<TrackedEventMessage<?>> take(BlockingStream<TrackedEventMessage<?>> stream, int count) {
        var taken = new ArrayList<TrackedEventMessage<?>>(count);
        try {
            for (int i = 0; i < count; i++) {
                taken.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return taken;
    }

    /** Events in a list, streamed as Axon's event store streams them: blocking for the next, tokens by position. */
    static final class ListStore implements StreamableMessageSource<TrackedEventMessage<?>> {

        final List<TrackedEventMessage<?>> events = new CopyOnWriteArrayList<>();
        final List<TrackingToken> openedAt = new CopyOnWriteArrayList<>();
        final List<Integer> closed = new CopyOnWriteArrayList<>();
        final AtomicInteger handedOut = new AtomicInteger();
        volatile int failFirstStreamAfter = -1;

        void append(int count) {
            IntStream.range(0, count).forEach(i -> add(new GlobalSequenceTrackingToken(events.size())));
        }

        void appendTwoWithOneToken(long index) {
            add(new GlobalSequenceTrackingToken(index));
            add(new GlobalSequenceTrackingToken(index));
        }

        private void add(TrackingToken token) {
            events.add(new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("event " + events.size())));
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
            int number = openedAt.size();
            openedAt.add(token);
            int from = token == null ? 0 : (int) ((GlobalSequenceTrackingToken) token).getGlobalIndex() + 1;
            return new Stream(number, from, number == 0 ? failFirstStreamAfter : -1);
        }

        @Override
        public TrackingToken createTailToken() {
            return null;
        }

        final class Stream implements BlockingStream<TrackedEventMessage<?>> {
            private final int number;
            private final int failAt;
            private int next;

            Stream(int number, int from, int failAfter) {
                this.number = number;
                this.next = from;
                this.failAt = failAfter < 0 ? -1 : from + failAfter;
            }

            @Override
            public java.util.Optional<TrackedEventMessage<?>> peek() {
                return next < events.size() ? java.util.Optional.of(events.get(next)) : java.util.Optional.empty();
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                long deadline = System.nanoTime() + unit.toNanos(timeout);
                while (next >= events.size()) {
                    if (System.nanoTime() >= deadline) {
                        return false;
                    }
                    Thread.sleep(1);
                }
                return true;
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                    Thread.onSpinWait();
                }
                if (next == failAt) {
                    throw new IllegalStateException("connection lost");
                }
                handedOut.incrementAndGet();
                return events.get(next++);
            }

            @Override
            public void close() {
                closed.add(number);
            }
        }
    }
}
