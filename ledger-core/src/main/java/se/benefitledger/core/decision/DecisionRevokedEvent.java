package se.benefitledger.core.decision;

import java.util.UUID;

public record DecisionRevokedEvent(UUID decisionId, UUID householdId, String reason) {
}
