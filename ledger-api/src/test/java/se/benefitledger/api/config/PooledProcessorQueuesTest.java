package se.benefitledger.api.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.eventstore.ClassCachingJacksonSerializer;
import se.benefitledger.api.report.RandomHistoryForTests;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Projections;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Axon 4.13 workaround of {@link PooledProcessorQueues} is in effect on the running processors.
 * When this fails after an Axon upgrade, read the upstream issue
 * ({@code docs/upstream/axon-workpackage-queue-size.md}): if Axon counts its queue in O(1) now,
 * remove the workaround; otherwise adapt it to the new fields.
 */
@LedgerApiTest
class PooledProcessorQueuesTest {

    private static final List<String> REPORTS = List.of("monthly-spend", "duration-buckets", "recovery-balances", "reconciliation",
            "household-history", "recovered-cash");

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    PooledProcessorQueues queues;
    @Autowired
    MeterRegistry metrics;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void everyPooledProcessorsWorkPackagesCountTheirQueueInConstantTimeAndAxonsCapacityCheckAsksThatCount() {
        var history = new RandomHistoryForTests(17L, Municipalities.fresh()).events();
        eventStore.publish(history.subList(0, Math.min(history.size(), 500)));
        Projections.awaitCaughtUp(processing, jdbc);

        List<PooledStreamingEventProcessor> pooled = pooledProcessors();
        assertThat(pooled).extracting(PooledStreamingEventProcessor::getName).containsAll(REPORTS);
        for (var processor : pooled) {
            String name = processor.getName();
            assertThat(queues.isCounted(name)).as(name).contains(true);
            assertThat(metrics.get("ledger.projection.queue.counted").tag("processor", name).gauge().value()).as(name).isEqualTo(1.0);
            Collection<Queue<?>> live = PooledProcessorQueues.workPackageQueues(processor);
            assertThat(live).as(name + "'s work packages").isNotEmpty().allSatisfy(queue -> assertThat(queue).isInstanceOf(CountedQueue.class));
            assertThat(live.stream().mapToLong(queue -> ((CountedQueue<?>) queue).sizeQueries()).sum())
                    .as(name + ": the coordinator's hasRemainingCapacity() reaches CountedQueue.size()").isPositive();
        }
    }

    @Test
    void aRestartedProcessorsNewWorkPackagesCountTheirQueueToo() throws InterruptedException {
        var processor = processing.eventProcessor("monthly-spend", PooledStreamingEventProcessor.class).orElseThrow();
        Collection<Queue<?>> before = PooledProcessorQueues.workPackageQueues(processor);

        processor.shutDown();
        processor.start();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Collection<Queue<?>> after = PooledProcessorQueues.workPackageQueues(processor);
        while (after.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            after = PooledProcessorQueues.workPackageQueues(processor);
        }
        assertThat(after).isNotEmpty().doesNotContainAnyElementsOf(before).allSatisfy(queue -> assertThat(queue).isInstanceOf(CountedQueue.class));
    }

    @Test
    void aReplayingCoordinatorReadsOnAsSoonAsItsFullWorkPackagesHaveRoom() throws Exception {
        var history = new ArrayList<DomainEventMessage<?>>();
        for (long seed = 1; history.size() < 5_000; seed++) {
            history.addAll(new RandomHistoryForTests(seed, Municipalities.fresh()).events());
        }
        eventStore.publish(history);
        Projections.awaitCaughtUp(processing, jdbc);
        var processor = processing.eventProcessor("household-history", PooledStreamingEventProcessor.class).orElseThrow();
        long before = queues.woken("household-history");

        processor.shutDown();
        processor.resetTokens();
        // its table locked against the projection's writes, so that the worker waits on its first batch while the
        // coordinator fills the work package, however fast this machine handles a batch
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("LOCK TABLE history_aggregate IN SHARE MODE");
            processor.start();
            awaitAFullWorkPackage(processor);
            connection.commit();
        }
        Projections.awaitCaughtUp(processing, jdbc);

        assertThat(queues.woken("household-history"))
                .as("replaying %d events or more, the coordinator filled a work package's 1,024 and was woken when it had drained", history.size())
                .isGreaterThan(before);
        assertThat(metrics.get("ledger.projection.coordinator.woken").tag("processor", "household-history").functionCounter().count())
                .isEqualTo((double) queues.woken("household-history"));
    }

    @Test
    void eventsAreReadByTheSerializerThatRemembersClasses() {
        assertThat(eventSerializer).isInstanceOf(ClassCachingJacksonSerializer.class);
    }

    private static void awaitAFullWorkPackage(PooledStreamingEventProcessor processor) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (PooledProcessorQueues.workPackageQueues(processor).stream().noneMatch(queue -> queue.size() >= 1_024)) {
            assertThat(System.nanoTime()).as("a work package of %s holding 1,024 events", processor.getName()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private List<PooledStreamingEventProcessor> pooledProcessors() {
        return processing.eventProcessors().values().stream()
                         .filter(PooledStreamingEventProcessor.class::isInstance)
                         .map(PooledStreamingEventProcessor.class::cast)
                         .toList();
    }
}
