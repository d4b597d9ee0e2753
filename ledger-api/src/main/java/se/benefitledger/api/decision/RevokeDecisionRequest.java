package se.benefitledger.api.decision;

import jakarta.validation.constraints.NotBlank;

record RevokeDecisionRequest(@NotBlank String reason) {
}
