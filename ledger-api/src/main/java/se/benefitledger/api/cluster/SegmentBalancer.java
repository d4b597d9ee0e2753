package se.benefitledger.api.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spreads the reports' segments over the nodes. Axon's coordinator claims every segment no other
 * node holds, so the first node to start holds them all; without Axon Server nothing moves them.
 * Every {@code ledger.cluster.balance-interval} each node counts the live nodes (the sessions
 * PostgreSQL has for {@value #APPLICATION} processes: a node that dies loses them at once) and
 * gives up the segments above its fair share, ceil(segments / nodes), for
 * {@code ledger.cluster.release-for}; another node's coordinator claims them. Taking over a dead
 * node's segments needs nothing of this: its claims expire after
 * {@code axon.eventhandling.tokenstore.claim-timeout} and the survivors claim them.
 */
final class SegmentBalancer {

    /** The start of every node's PostgreSQL application_name (spring.datasource.hikari.data-source-properties.ApplicationName). */
    static final String APPLICATION = "benefit-ledger node";
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final ClusterProperties properties;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "segment-balancer");
        thread.setDaemon(true);
        return thread;
    });

    SegmentBalancer(EventProcessingConfiguration processing, JdbcClient jdbc, ClusterProperties properties) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    void start() {
        long interval = properties.balanceInterval().toMillis();
        schedule.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                // the database away, a processor stopping: the next round tries again
                log.warn("Segment balancing failed: {}", e.toString());
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop() {
        schedule.shutdownNow();
    }

    void balance() {
        long nodes = Math.max(1, jdbc.sql("""
                                          SELECT count(DISTINCT application_name) FROM pg_stat_activity
                                          WHERE datname = current_database() AND application_name LIKE ?""")
                                     .param(APPLICATION + " %").query(Long.class).single());
        for (var processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning() && !streaming.isError()) {
                balance(streaming, nodes);
            }
        }
    }

    private void balance(StreamingEventProcessor processor, long nodes) {
        long segments = jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name = ?").param(processor.getName()).query(Long.class).single();
        long fairShare = (segments + nodes - 1) / nodes;
        processor.processingStatus().keySet().stream().sorted().skip(fairShare).forEach(segment -> {
            log.info("Releasing segment {} of {} to another node ({} segments, {} nodes)", segment, processor.getName(), segments, nodes);
            processor.releaseSegment(segment, properties.releaseFor().toMillis(), TimeUnit.MILLISECONDS);
        });
    }
}
