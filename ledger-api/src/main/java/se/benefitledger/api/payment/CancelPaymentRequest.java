package se.benefitledger.api.payment;

import jakarta.validation.constraints.NotBlank;

record CancelPaymentRequest(@NotBlank String reason) {
}
