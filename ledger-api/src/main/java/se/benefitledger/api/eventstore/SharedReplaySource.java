package se.benefitledger.api.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The report projections' event source: the event store, except that streams opened at the store's start share one
 * read of it. A rebuild of the six reports otherwise reads and decodes every event six times, once per processor
 * (JDBC fetch, row decoding and timestamp parsing were half the JVM's samples in a rebuild's profile), and the
 * payloads six times more. Streams opened at the start while a {@link ReplayConvoy} still takes riders get the
 * same messages from it, payloads decoded once; every other stream is the store's own, including one opened at the
 * start while a convoy that no longer takes riders is still reading.
 */
final class SharedReplaySource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final SharedReplayProperties limits;
    private final Counters counters;
    private long convoys;
    private ReplayConvoy current;

    SharedReplaySource(StreamableMessageSource<TrackedEventMessage<?>> store, SharedReplayProperties limits, MeterRegistry registry) {
        this.store = store;
        this.limits = limits;
        this.counters = new Counters(
                Counter.builder("ledger.projection.replay.convoys").description("shared reads of the event store from its start").register(registry),
                Counter.builder("ledger.projection.replay.riders").description("projection streams that joined a shared read").register(registry),
                Counter.builder("ledger.projection.replay.events").description("events read by shared reads, once for all their streams").register(registry),
                Counter.builder("ledger.projection.replay.left.behind").description("projection streams left to read alone after taking nothing")
                       .register(registry));
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        if (token != null && !token.equals(store.createTailToken())) {
            return store.openStream(token);
        }
        synchronized (this) {
            ConvoyStream rider = current != null && Objects.equals(current.start(), token) ? current.join() : null;
            if (rider != null) {
                return rider;
            }
            if (current != null && current.isReading()) {
                // one convoy at a time, so that its memory (max-ahead events) is all the replays hold
                return store.openStream(token);
            }
            current = new ReplayConvoy(++convoys, token, store, limits, counters);
            counters.convoys().increment();
            rider = current.join();
            current.startReading();
            return rider;
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    record Counters(Counter convoys, Counter riders, Counter events, Counter leftBehind) {
    }
}
