package se.benefitledger.api.config;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Ends the wait of a pooled processor's coordinator for room in its work packages (see
 * {@link PooledProcessorQueues}). When a work package's buffer is full, Axon 4.13's coordinator
 * stops reading and runs again 100 ms later, and nothing shortens that wait when the work package
 * takes its next batch. So a processor that replays or catches up reads at most one buffer (1,024
 * events) per 100 ms, however fast it handles them. Run when a full buffer has drained to half,
 * this takes the coordinator's runs that are due within that wait out of its executor and runs them
 * now: the same task Axon scheduled, only earlier. Longer waits (an error's back-off, a token claim
 * interval) stay as they are.
 */
final class CoordinatorWake implements Runnable {

    /** How long Axon's coordinator waits when a work package has no room ({@code Coordinator.CoordinationTask#run}). */
    static final long AXON_WAIT_FOR_ROOM_MILLIS = 100;

    private final ScheduledThreadPoolExecutor coordinator;
    private final long dueWithinMillis;
    private final LongAdder woken = new LongAdder();

    CoordinatorWake(ScheduledThreadPoolExecutor coordinator) {
        this(coordinator, AXON_WAIT_FOR_ROOM_MILLIS);
    }

    CoordinatorWake(ScheduledThreadPoolExecutor coordinator, long dueWithinMillis) {
        this.coordinator = coordinator;
        this.dueWithinMillis = dueWithinMillis;
    }

    @Override
    public void run() {
        for (Runnable queued : coordinator.getQueue().toArray(Runnable[]::new)) {
            if (queued instanceof RunnableScheduledFuture<?> task && !task.isPeriodic() && task.getDelay(TimeUnit.MILLISECONDS) <= dueWithinMillis
                && coordinator.remove(task)) {
                try {
                    coordinator.execute(task);
                    woken.increment();
                } catch (RejectedExecutionException stopping) {
                    // the processor is shutting down: the run it no longer wants is dropped with its executor
                }
            }
        }
    }

    /** How many of the coordinator's runs this started early. */
    long woken() {
        return woken.sum();
    }
}
