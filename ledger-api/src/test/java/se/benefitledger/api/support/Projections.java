package se.benefitledger.api.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;

/** Waits until every report projection has handled every event in the store. */
public final class Projections {

    private Projections() {
    }

    public static void awaitCaughtUp(EventProcessingConfiguration processing, JdbcClient jdbc) {
        long head = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!caughtUp(processing, head)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("projections did not reach event " + head + " within 60 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean caughtUp(EventProcessingConfiguration processing, long head) {
        return processing.eventProcessors().values().stream()
                         .filter(StreamingEventProcessor.class::isInstance)
                         .map(StreamingEventProcessor.class::cast)
                         .allMatch(processor -> {
                             var segments = processor.processingStatus().values();
                             return !segments.isEmpty() && segments.stream().allMatch(segment -> !segment.isErrorState()
                                     && segment.getCurrentPosition().orElse(-1) >= head);
                         });
    }
}
