package se.benefitledger.api.bulk;

import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bulk work running on this node now: a bulk command's parts, a large bank file. While any
 * runs, other writes pass {@link WritesBesideBulkFilter}, so that the work gets the CPU it needs
 * (see docs/bulk-commands.md, "Payday").
 */
@Component
public class BulkWork {

    private final AtomicInteger running = new AtomicInteger();

    /** Marks bulk work as running until the answer is closed. */
    public Running begin() {
        running.incrementAndGet();
        return running::decrementAndGet;
    }

    boolean isRunning() {
        return running.get() > 0;
    }

    /** Bulk work that runs until closed. */
    @FunctionalInterface
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }
}
