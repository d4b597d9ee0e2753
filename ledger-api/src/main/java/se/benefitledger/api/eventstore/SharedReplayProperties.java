package se.benefitledger.api.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code ledger.projections.shared-replay.*}: how report projections replaying the store from its start share one
 * read of it ({@link SharedReplaySource}).
 *
 * @param maxAhead    how many events the shared reader reads beyond the slowest projection, and keeps from the start
 *                    for projections still joining (default 3,000; at least {@value ReplayConvoy#CHUNK})
 * @param joinWindow  how long after the last projection joined the reader waits, once it holds {@code maxAhead}
 *                    events, for more to join (default 2 s): a rebuild of all reports resets them one after another,
 *                    a fraction of a second apart
 * @param detachAfter how long the reader waits for a projection that takes nothing of what is there for it before it
 *                    leaves that one behind to read on alone (default 15 s)
 */
@ConfigurationProperties("ledger.projections.shared-replay")
public record SharedReplayProperties(Integer maxAhead, Duration joinWindow, Duration detachAfter) {

    public SharedReplayProperties {
        maxAhead = maxAhead == null ? 3_000 : maxAhead;
        joinWindow = joinWindow == null ? Duration.ofSeconds(2) : joinWindow;
        detachAfter = detachAfter == null ? Duration.ofSeconds(15) : detachAfter;
        if (maxAhead < ReplayConvoy.CHUNK) {
            throw new IllegalArgumentException("ledger.projections.shared-replay.max-ahead must be at least " + ReplayConvoy.CHUNK
                    + " events (one chunk), was " + maxAhead);
        }
        if (joinWindow.isNegative() || detachAfter.isNegative() || detachAfter.isZero()) {
            throw new IllegalArgumentException("ledger.projections.shared-replay: join-window must not be negative and detach-after must be"
                    + " above 0, were " + joinWindow + " and " + detachAfter);
        }
    }

    /** The reader's limit in chunks. */
    int chunksAhead() {
        return maxAhead / ReplayConvoy.CHUNK;
    }
}
