package se.benefitledger.api.config;

import java.util.AbstractQueue;
import java.util.Collections;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link ConcurrentLinkedQueue} whose {@link #size()} is a counter instead of a walk of every
 * node, for Axon's work packages (see {@link PooledProcessorQueues}). The count may lag an offer or
 * a poll in flight by one each, which is all a soft capacity limit needs. Once it has held
 * {@code capacity} elements and drained to half of them, it runs {@code onRoom} (once per time it
 * filled up): the coordinator that stopped feeding it can go on. Removal through the iterator is
 * refused: it could not tell whether it removed anything, so it could not keep count.
 */
final class CountedQueue<E> extends AbstractQueue<E> {

    private final Queue<E> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final LongAdder sizeQueries = new LongAdder();
    private final int capacity;
    private final Runnable onRoom;
    private final AtomicBoolean full = new AtomicBoolean();

    CountedQueue(int capacity, Runnable onRoom) {
        this.capacity = capacity;
        this.onRoom = onRoom;
    }

    @Override
    public boolean offer(E element) {
        queue.offer(element);
        if (size.incrementAndGet() >= capacity && !full.get()) {
            full.set(true);
        }
        return true;
    }

    @Override
    public E poll() {
        E element = queue.poll();
        if (element != null) {
            taken();
        }
        return element;
    }

    @Override
    public E peek() {
        return queue.peek();
    }

    @Override
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    @Override
    public boolean remove(Object element) {
        if (queue.remove(element)) {
            taken();
            return true;
        }
        return false;
    }

    @Override
    public int size() {
        sizeQueries.increment();
        return Math.max(0, size.get());
    }

    @Override
    public Iterator<E> iterator() {
        return Collections.unmodifiableCollection(queue).iterator();
    }

    private void taken() {
        if (size.decrementAndGet() <= capacity / 2 && full.get() && full.compareAndSet(true, false)) {
            onRoom.run();
        }
    }

    /** How often {@link #size()} was asked: shows that Axon's capacity check really reaches this queue. */
    long sizeQueries() {
        return sizeQueries.sum();
    }
}
