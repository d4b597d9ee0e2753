package se.benefitledger.api.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One read of the event store from a start position, shared by the projection streams replaying from there
 * ({@link SharedReplaySource}). A reader thread reads the store in order into chunks of {@value #CHUNK} events;
 * each rider ({@link ConvoyStream}) walks the same chunks, the same message objects, at its own pace.
 * <ul>
 * <li>The reader stays at most {@code max-ahead} events ahead of the slowest rider: memory is bounded.</li>
 * <li>It takes riders while it still holds its first chunk: until it has read {@code max-ahead} events and no
 * rider joined for {@code join-window}. A rider that has taken all of them meanwhile waits: sharing the read is
 * worth more than the seconds of a rebuild's start (letting it go on closed the door before four of six reports
 * had joined).</li>
 * <li>A rider that has not moved for {@code detach-after} while the reader waits for it is left behind; it reads on
 * alone from its own position, so one stuck projection does not stop the others.</li>
 * <li>When the reader finds nothing more to read (or fails), the convoy ends and each rider continues on a stream
 * of its own from the token of the last event it took, as if it had read alone all along.</li>
 * </ul>
 */
final class ReplayConvoy {

    static final int CHUNK = 500;

    private static final Logger log = LoggerFactory.getLogger(ReplayConvoy.class);

    private final long number;
    private final TrackingToken start;
    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final SharedReplayProperties limits;
    private final SharedReplaySource.Counters counters;

    private final Map<Long, Chunk> chunks = new ConcurrentHashMap<>();
    private final List<ConvoyStream> riders = new CopyOnWriteArrayList<>();
    /** Chunks 0 to published - 1 have been read; written under this object's lock. */
    private volatile long published;
    private volatile boolean ended;
    private boolean joinable = true;
    private long lastJoined;
    private int joined;
    private long removedBelow;

    ReplayConvoy(long number, TrackingToken start, StreamableMessageSource<TrackedEventMessage<?>> store, SharedReplayProperties limits,
                 SharedReplaySource.Counters counters) {
        this.number = number;
        this.start = start;
        this.store = store;
        this.limits = limits;
        this.counters = counters;
    }

    TrackingToken start() {
        return start;
    }

    /** Whether the reader is still at work. */
    boolean isReading() {
        return !ended;
    }

    /** A new rider from the first event, or null once the convoy no longer takes riders. */
    synchronized ConvoyStream join() {
        if (!joinable) {
            return null;
        }
        var rider = new ConvoyStream(this, store);
        riders.add(rider);
        lastJoined = System.nanoTime();
        joined++;
        counters.riders().increment();
        return rider;
    }

    void startReading() {
        var reader = new Thread(this::read, "replay-convoy-" + number);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        long started = System.nanoTime();
        long events = 0;
        String outcome = "it reached the head of the store";
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(start)) {
            while (true) {
                List<TrackedEventMessage<?>> chunk = new ArrayList<>(CHUNK);
                while (chunk.size() < CHUNK && stream.hasNextAvailable()) {
                    chunk.add(stream.nextAvailable());
                }
                // messages upcast from one stored event share its token: a chunk never splits them
                while (!chunk.isEmpty() && sameToken(stream, chunk.get(chunk.size() - 1))) {
                    chunk.add(stream.nextAvailable());
                }
                if (chunk.isEmpty()) {
                    break;
                }
                if (!awaitRoom()) {
                    outcome = "every projection left it";
                    break;
                }
                publish(chunk);
                events += chunk.size();
                counters.events().increment(chunk.size());
                if (chunk.size() < CHUNK) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            outcome = "it was interrupted";
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            outcome = "reading failed (" + e + "); each projection reads on alone";
            log.warn("Shared replay {} failed reading the event store", number, e);
        } finally {
            end();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("Shared replay {}: {} events read once for {} projection streams in {} s ({} events/s); it ended because {}", number, events,
                joinedCount(), String.format("%.1f", seconds), String.format("%.0f", events / Math.max(seconds, 1e-3)), outcome);
    }

    private static boolean sameToken(BlockingStream<TrackedEventMessage<?>> stream, TrackedEventMessage<?> last) {
        return stream.peek().map(next -> Objects.equals(next.trackingToken(), last.trackingToken())).orElse(false);
    }

    /**
     * Waits until the reader may publish another chunk: the retained start is not full yet, or no rider can still
     * join and the slowest rider is within the limit. Leaves behind a rider that does not move. False when no rider
     * is left.
     */
    private synchronized boolean awaitRoom() throws InterruptedException {
        long limit = limits.chunksAhead();
        while (true) {
            if (riders.isEmpty()) {
                joinable = false;
                return false;
            }
            if (joinable) {
                long window = limits.joinWindow().toNanos() - (System.nanoTime() - lastJoined);
                if (published < limit) {
                    return true;
                }
                if (window > 0) {
                    TimeUnit.NANOSECONDS.timedWait(this, window);
                    continue;
                }
                joinable = false;
            }
            ConvoyStream slowest = riders.stream().min(Comparator.comparingLong(ConvoyStream::position)).orElseThrow();
            forgetChunksBelow(slowest.position());
            if (published - 1 - slowest.position() < limit) {
                return true;
            }
            // since it could have moved: a rider that waited for the reader has not been holding it up
            long stalled = System.nanoTime() - Math.max(slowest.movedAt(), chunks.get(slowest.position() + 1).publishedAt());
            if (stalled >= limits.detachAfter().toNanos()) {
                leaveBehind(slowest, stalled);
                continue;
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(limits.detachAfter().toNanos() - stalled, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    private void leaveBehind(ConvoyStream rider, long stalledNanos) {
        rider.detach();
        riders.remove(rider);
        counters.leftBehind().increment();
        log.warn("Shared replay {}: a projection stream took no event for {} s, at chunk {} of {}; it reads on alone", number,
                String.format("%.1f", stalledNanos / 1e9), rider.position(), published);
        notifyAll();
    }

    private void forgetChunksBelow(long position) {
        for (; removedBelow < position; removedBelow++) {
            chunks.remove(removedBelow);
        }
    }

    private synchronized void publish(List<TrackedEventMessage<?>> chunk) {
        chunks.put(published, new Chunk(chunk.toArray(new TrackedEventMessage<?>[0]), System.nanoTime()));
        published++;
        notifyAll();
    }

    private synchronized void end() {
        ended = true;
        joinable = false;
        if (riders.isEmpty()) {
            chunks.clear();
        }
        notifyAll();
    }

    private synchronized int joinedCount() {
        return joined;
    }

    /** The chunk, or null when it is not read yet or no longer held. */
    TrackedEventMessage<?>[] chunk(long index) {
        Chunk chunk = chunks.get(index);
        return chunk == null ? null : chunk.events();
    }

    /** Whether a rider wanting this chunk should read on alone: the convoy ended before it. */
    boolean endsBefore(long index) {
        return ended && published <= index;
    }

    /**
     * Waits until the chunk is read, the convoy ends or the rider is left behind; false when the time ran out
     * first.
     */
    synchronized boolean awaitChunk(long index, ConvoyStream rider, long nanos) throws InterruptedException {
        long since = System.nanoTime();
        while (published <= index && !ended && !rider.isDetached()) {
            long left = nanos - (System.nanoTime() - since);
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** A rider moved to its next chunk: the reader may be waiting for it. */
    synchronized void moved() {
        notifyAll();
    }

    /** A rider handed off or closed. */
    synchronized void leave(ConvoyStream rider) {
        riders.remove(rider);
        if (riders.isEmpty() && ended) {
            chunks.clear();
        }
        notifyAll();
    }

    private record Chunk(TrackedEventMessage<?>[] events, long publishedAt) {
    }
}
