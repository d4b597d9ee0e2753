package se.benefitledger.api.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BiFunction;

/**
 * Works around Axon 4.13's O(n) queue count in pooled streaming processors (draft upstream report:
 * {@code docs/upstream/axon-workpackage-queue-size.md}). For every event it schedules, the
 * coordinator asks each work package {@code hasRemainingCapacity()}, which is
 * {@code ConcurrentLinkedQueue.size()}: a walk of up to 1,024 queued events, 15 % of the JVM's
 * samples in a rebuild. Each work package gets a {@link CountedQueue} instead, right after the
 * coordinator creates it and before it holds an event.
 * <p>
 * Why this and not the alternatives: the buffer size is a constant and neither batch size nor any
 * coordination setting changes how often or how expensively the queue is counted; a patched copy
 * of {@code WorkPackage} would shadow Axon's class and silently go stale with any upgrade. This
 * needs three private fields ({@code PooledStreamingEventProcessor.coordinator},
 * {@code Coordinator.workPackageFactory}, {@code WorkPackage.processingQueue}); each is looked up
 * and type-checked before the processors start. When one is gone after an upgrade, the processor
 * runs as Axon built it (slower, still correct), the failure is logged as an error and
 * {@code ledger.projection.queue.counted} reads 0 for that processor; {@code PooledProcessorQueuesTest}
 * fails, including when Axon's capacity check stops asking the queue its size.
 * <p>
 * The same queue ends the coordinator's 100 ms wait for room (draft upstream report:
 * {@code docs/upstream/axon-coordinator-waits-for-room.md}): when it has drained from full to half,
 * {@link CoordinatorWake} runs the coordinator's waiting task now. Without it every pooled processor
 * reads at most 1,024 events per 100 ms when it replays or catches up. This needs two more private
 * fields ({@code Coordinator.executorService}, a {@code ScheduledThreadPoolExecutor}, and the static
 * {@code WorkPackage.BUFFER_SIZE}); {@code ledger.projection.coordinator.woken} counts the early runs.
 */
@Configuration(proxyBeanMethods = false)
class PooledProcessorQueues {

    private static final Logger log = LoggerFactory.getLogger(PooledProcessorQueues.class);
    private static final String POOLED = "org.axonframework.eventhandling.pooled.";

    /** Per pooled processor: whether every work package it created so far counts its queue in O(1). */
    private final Map<String, Boolean> counted = new ConcurrentHashMap<>();
    /** Per pooled processor: what ends its coordinator's wait for room. */
    private final Map<String, CoordinatorWake> wakes = new ConcurrentHashMap<>();

    /** Runs after Axon has built its processors and before any of them starts. */
    @Bean
    ConfigurerModule countedWorkPackageQueues(MeterRegistry registry) {
        return configurer -> configurer.onInitialize(axon -> axon.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () -> {
            for (EventProcessor processor : axon.eventProcessingConfiguration().eventProcessors().values()) {
                if (processor instanceof PooledStreamingEventProcessor pooled) {
                    install(pooled);
                    Gauge.builder("ledger.projection.queue.counted", counted, it -> it.getOrDefault(pooled.getName(), false) ? 1 : 0)
                         .description("1 while the processor's work packages count their queues in O(1) (Axon 4.13 workaround), 0 if it no longer applies")
                         .tag("processor", pooled.getName())
                         .register(registry);
                    FunctionCounter.builder("ledger.projection.coordinator.woken", this, it -> it.woken(pooled.getName()))
                                   .description("Coordinator runs started early because a full work package had drained to half (Axon 4.13 workaround)")
                                   .tag("processor", pooled.getName())
                                   .register(registry);
                }
            }
        }));
    }

    /** Whether the workaround is in effect for the named processor; empty for a processor it was never tried on. */
    Optional<Boolean> isCounted(String processor) {
        return Optional.ofNullable(counted.get(processor));
    }

    /** How many of the named processor's coordinator runs were started early so far; 0 for one the workaround is not installed on. */
    long woken(String processor) {
        CoordinatorWake wake = wakes.get(processor);
        return wake == null ? 0 : wake.woken();
    }

    /** The queues of the processor's current work packages, as Axon's coordinator holds them. */
    static Collection<Queue<?>> workPackageQueues(PooledStreamingEventProcessor processor) {
        Object coordinator = read(Fields.COORDINATOR, processor);
        return ((Map<?, ?>) read(Fields.WORK_PACKAGES, coordinator)).values().stream()
                                                                    .<Queue<?>>map(workPackage -> (Queue<?>) read(Fields.QUEUE, workPackage))
                                                                    .toList();
    }

    private void install(PooledStreamingEventProcessor processor) {
        String name = processor.getName();
        try {
            Fields.check();
            Object coordinator = read(Fields.COORDINATOR, processor);
            if (!(read(Fields.EXECUTOR, coordinator) instanceof ScheduledThreadPoolExecutor executor)) {
                throw new IllegalStateException("the coordinator's executor is no ScheduledThreadPoolExecutor; its wait for room cannot be ended");
            }
            var wake = new CoordinatorWake(executor);
            int capacity = (Integer) read(Fields.BUFFER_SIZE, null);
            @SuppressWarnings("unchecked")
            var axonFactory = (BiFunction<Segment, TrackingToken, Object>) read(Fields.FACTORY, coordinator);
            BiFunction<Segment, TrackingToken, Object> factory = (segment, token) -> {
                Object workPackage = axonFactory.apply(segment, token);
                swapQueue(name, workPackage, capacity, wake);
                return workPackage;
            };
            Fields.FACTORY.field().set(coordinator, factory);
            wakes.put(name, wake);
            counted.put(name, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            fail(name, e);
        }
    }

    private void swapQueue(String processor, Object workPackage, int capacity, Runnable onRoom) {
        try {
            if (!((Queue<?>) read(Fields.QUEUE, workPackage)).isEmpty()) {
                throw new IllegalStateException("a new work package already holds events; its queue cannot be replaced safely");
            }
            Fields.QUEUE.field().set(workPackage, new CountedQueue<>(capacity, onRoom));
        } catch (ReflectiveOperationException | RuntimeException e) {
            fail(processor, e);
        }
    }

    private void fail(String processor, Exception cause) {
        if (!Boolean.FALSE.equals(counted.put(processor, false))) {
            log.error("Processor {} counts its work packages' queues in O(n) and waits 100 ms for their room again (Axon's pooled processor changed?): "
                    + "rebuilds and catching up will be slower; see PooledProcessorQueues", processor, cause);
        }
    }

    private static Object read(Fields field, Object target) {
        try {
            return field.field().get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    /** Axon's private fields this depends on, each with the type it must still have. */
    enum Fields {
        COORDINATOR(POOLED + "PooledStreamingEventProcessor", "coordinator", POOLED + "Coordinator"),
        FACTORY(POOLED + "Coordinator", "workPackageFactory", BiFunction.class.getName()),
        WORK_PACKAGES(POOLED + "Coordinator", "workPackages", Map.class.getName()),
        EXECUTOR(POOLED + "Coordinator", "executorService", ScheduledExecutorService.class.getName()),
        QUEUE(POOLED + "WorkPackage", "processingQueue", Queue.class.getName()),
        BUFFER_SIZE(POOLED + "WorkPackage", "BUFFER_SIZE", int.class.getName());

        private final String owner;
        private final String name;
        private final String type;
        private volatile Field field;

        Fields(String owner, String name, String type) {
            this.owner = owner;
            this.name = name;
            this.type = type;
        }

        static void check() throws ReflectiveOperationException {
            for (Fields each : values()) {
                each.field();
            }
        }

        Field field() throws ReflectiveOperationException {
            if (field == null) {
                Field found = Class.forName(owner, false, PooledStreamingEventProcessor.class.getClassLoader()).getDeclaredField(name);
                if (!found.getType().getName().equals(type)) {
                    throw new NoSuchFieldException(this + " is a " + found.getType().getName() + " now, not a " + type);
                }
                found.setAccessible(true);
                field = found;
            }
            return field;
        }

        @Override
        public String toString() {
            return owner + "." + name;
        }
    }
}
