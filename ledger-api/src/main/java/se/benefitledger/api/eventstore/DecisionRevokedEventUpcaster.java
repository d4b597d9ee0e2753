package se.benefitledger.api.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import se.benefitledger.core.decision.DecisionRevokedEvent;

/**
 * The pattern for evolving an event (docs/evolving-events.md): revision {@code null} of
 * {@link DecisionRevokedEvent}, written before events carried a revision, becomes revision
 * {@code 1}, where a revocation always states its reason. A stored revocation without one reads
 * as {@value #REASON_NOT_RECORDED}.
 */
final class DecisionRevokedEventUpcaster extends SingleEventUpcaster {

    static final String REASON_NOT_RECORDED = "not recorded";
    private static final SimpleSerializedType OLD = new SimpleSerializedType(DecisionRevokedEvent.class.getName(), null);
    private static final SimpleSerializedType NEW = new SimpleSerializedType(DecisionRevokedEvent.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(OLD);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(NEW, JsonNode.class, payload -> {
            if (!payload.hasNonNull("reason")) {
                ((ObjectNode) payload).put("reason", REASON_NOT_RECORDED);
            }
            return payload;
        });
    }
}
