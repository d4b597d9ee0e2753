package se.benefitledger.api.decision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RevokeDecisionRequest(@NotBlank @Size(max = 500) String reason) {
}
