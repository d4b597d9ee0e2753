package se.benefitledger.projections.sql;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * Sums a projection's changes over one batch of events, by row, and writes each changed row once
 * when the batch's unit of work prepares to commit — in its transaction, before its token is
 * committed. A replay of 1,000 events into a few hundred counters thus costs a few hundred row
 * updates, not 1,000; rows are written in key order, so that concurrent writers never deadlock.
 */
public final class PerBatch<K extends Comparable<K>, V> {

    private final String resource;
    private final BinaryOperator<V> merge;
    private final Consumer<SortedMap<K, V>> write;

    /**
     * @param name  unique per projection and table
     * @param merge how two changes of one row add up
     * @param write writes the summed changes, in key order
     */
    public PerBatch(String name, BinaryOperator<V> merge, Consumer<SortedMap<K, V>> write) {
        this.resource = PerBatch.class.getName() + "." + name;
        this.merge = merge;
        this.write = write;
    }

    public void add(K key, V change) {
        if (!CurrentUnitOfWork.isStarted()) {
            write.accept(new TreeMap<>(Map.of(key, change)));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(resource, key1 -> {
            SortedMap<K, V> pending = new TreeMap<>();
            unitOfWork.onPrepareCommit(done -> {
                if (!pending.isEmpty()) {
                    write.accept(pending);
                }
            });
            return pending;
        }).merge(key, change, merge);
    }
}
