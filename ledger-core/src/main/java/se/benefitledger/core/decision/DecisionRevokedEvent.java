package se.benefitledger.core.decision;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record DecisionRevokedEvent(UUID decisionId, UUID householdId, String reason) {
}
