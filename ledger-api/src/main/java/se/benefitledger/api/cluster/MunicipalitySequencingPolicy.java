package se.benefitledger.api.cluster;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import se.benefitledger.core.shared.MunicipalityCode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The reports' sequencing: all events of one municipality in one segment, in the order they were
 * stored. A report row is a counter of one municipality (its month, its batch, its household), so
 * two segments never write the same row: no lost increment, no deadlock between segments, and no
 * event of a municipality overtakes another of the same municipality. Events that name no
 * municipality (no report handles one today) fall back to their aggregate.
 * <p>
 * The sequence is also the dead-letter queue's: a poisoned event parks the later events of its
 * municipality in that report, while other municipalities and reports go on.
 */
final class MunicipalitySequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private static final ClassValue<Optional<Method>> MUNICIPALITY = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            try {
                Method accessor = type.getMethod("municipality");
                return accessor.getReturnType() == MunicipalityCode.class ? Optional.of(accessor) : Optional.empty();
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }
    };

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        var accessor = MUNICIPALITY.get(payload.getClass());
        if (accessor.isPresent()) {
            try {
                if (accessor.get().invoke(payload) instanceof MunicipalityCode municipality) {
                    return municipality.code();
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read the municipality of " + payload.getClass().getName(), e);
            }
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
