package se.benefitledger.tools.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** The writers' way of running one step's work on their pool. */
final class Parallel {

    private Parallel() {
    }

    /** Runs the work on the pool and waits for all of it; the first failure is thrown and the rest cancelled. */
    static <T> void run(ExecutorService pool, List<T> items, Consumer<T> work) {
        if (items.size() <= 1) {
            items.forEach(work);
            return;
        }
        var done = new ArrayList<Future<?>>(items.size());
        for (T item : items) {
            done.add(pool.submit(() -> work.accept(item)));
        }
        try {
            for (var future : done) {
                future.get();
            }
        } catch (ExecutionException e) {
            done.forEach(future -> future.cancel(true));
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
