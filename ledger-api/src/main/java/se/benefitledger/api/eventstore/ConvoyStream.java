package se.benefitledger.api.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One projection's stream in a {@link ReplayConvoy}: the convoy's chunks in order, then, once the convoy has ended
 * or left it behind, a stream of its own from the token of the last event it took. Used by one coordinator thread,
 * like any event stream; the convoy's reader sees only its position.
 */
final class ConvoyStream implements BlockingStream<TrackedEventMessage<?>> {

    /** How long {@link #hasNextAvailable()} waits for the reader's next chunk, as a stream of one's own waits for its query. */
    private static final long READER_WAIT = TimeUnit.MILLISECONDS.toNanos(250);
    private static final TrackedEventMessage<?>[] NONE = new TrackedEventMessage<?>[0];

    private final ReplayConvoy convoy;
    private final StreamableMessageSource<TrackedEventMessage<?>> store;

    /** The chunk being read; -1 before the first. */
    private volatile long position = -1;
    private volatile long movedAt = System.nanoTime();
    private volatile boolean detached;

    private TrackedEventMessage<?>[] chunk = NONE;
    private int index;
    private TrackingToken lastToken;
    private BlockingStream<TrackedEventMessage<?>> own;

    ConvoyStream(ReplayConvoy convoy, StreamableMessageSource<TrackedEventMessage<?>> store) {
        this.convoy = convoy;
        this.store = store;
        this.lastToken = convoy.start();
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        if (own == null) {
            TrackedEventMessage<?> next = next(0);
            if (own == null) {
                return Optional.ofNullable(next);
            }
        }
        return own.peek();
    }

    @Override
    public boolean hasNextAvailable() {
        if (own == null && next(READER_WAIT) != null) {
            return true;
        }
        return own != null && own.hasNextAvailable();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        if (own == null && nextInConvoy(unit.toNanos(timeout)) != null) {
            return true;
        }
        return own != null && own.hasNextAvailable(timeout, unit);
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        if (own == null) {
            TrackedEventMessage<?> next = nextInConvoy(Long.MAX_VALUE);
            if (next != null) {
                index++;
                lastToken = next.trackingToken();
                return next;
            }
        }
        return own.nextAvailable();
    }

    /** The stream of one's own has its own; the convoy's stream is shared and skips nothing for one projection. */
    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        if (own != null) {
            own.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }
    }

    @Override
    public void close() {
        if (own != null) {
            own.close();
        } else {
            convoy.leave(this);
        }
    }

    /** {@link #nextInConvoy}, for the methods that cannot say they were interrupted. */
    private TrackedEventMessage<?> next(long waitNanos) {
        try {
            return nextInConvoy(waitNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The next event without taking it, waiting up to {@code waitNanos} for the reader; null when none came in time
     * or when this stream has just gone on alone (then {@link #own} answers).
     */
    private TrackedEventMessage<?> nextInConvoy(long waitNanos) throws InterruptedException {
        if (index < chunk.length) {
            return chunk[index];
        }
        while (true) {
            if (detached || convoy.endsBefore(position + 1)) {
                goOnAlone();
                return null;
            }
            TrackedEventMessage<?>[] following = convoy.chunk(position + 1);
            if (following != null) {
                chunk = following;
                index = 0;
                movedAt = System.nanoTime();
                position++;
                convoy.moved();
                return chunk[0];
            }
            if (!convoy.awaitChunk(position + 1, this, waitNanos)) {
                return null;
            }
        }
    }

    /** Every event of the convoy taken so far was handled from here; the store carries on from the last one's token. */
    private void goOnAlone() {
        chunk = NONE;
        own = store.openStream(lastToken);
        convoy.leave(this);
    }

    long position() {
        return position;
    }

    long movedAt() {
        return movedAt;
    }

    boolean isDetached() {
        return detached;
    }

    void detach() {
        detached = true;
    }
}
