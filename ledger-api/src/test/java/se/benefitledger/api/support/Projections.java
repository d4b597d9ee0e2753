package se.benefitledger.api.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Waits until every report projection has handled every event in the store. */
public final class Projections {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Projections() {
    }

    public static void awaitCaughtUp(EventProcessingConfiguration processing, JdbcClient jdbc) {
        awaitCaughtUp(processing, jdbc, TIMEOUT);
    }

    public static void awaitCaughtUp(EventProcessingConfiguration processing, JdbcClient jdbc, Duration timeout) {
        long head = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
        Instant deadline = Instant.now().plus(timeout);
        while (!caughtUp(processing, jdbc, head)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("projections did not reach event " + head + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Every segment at or past the head, and none still waiting for an event below it. Concurrent
     * writers commit out of order: a segment that read event n + 1 before event n was committed
     * stands at n + 1 with n as a gap, and handles n on its next read. A gap with no event is a
     * rolled-back insert and waits for nothing.
     */
    private static boolean caughtUp(EventProcessingConfiguration processing, JdbcClient jdbc, long head) {
        var segments = processing.eventProcessors().values().stream()
                                 .filter(StreamingEventProcessor.class::isInstance)
                                 .map(StreamingEventProcessor.class::cast)
                                 .map(processor -> List.copyOf(processor.processingStatus().values()))
                                 .toList();
        if (segments.stream().anyMatch(List::isEmpty)) {
            return false;
        }
        var gaps = new TreeSet<Long>();
        for (var segment : segments.stream().flatMap(List::stream).toList()) {
            if (segment.isErrorState() || segment.getCurrentPosition().orElse(-1) < head) {
                return false;
            }
            gaps.addAll(gapsUpTo(segment, head));
        }
        return gaps.isEmpty() || jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE global_index = ANY(?)")
                                     .param(gaps.toArray(Long[]::new)).query(Long.class).single() == 0;
    }

    private static Set<Long> gapsUpTo(EventTrackerStatus segment, long head) {
        return WrappedToken.unwrap(segment.getTrackingToken(), GapAwareTrackingToken.class)
                           .map(token -> (Set<Long>) token.getGaps().headSet(head + 1))
                           .orElse(Set.of());
    }
}
