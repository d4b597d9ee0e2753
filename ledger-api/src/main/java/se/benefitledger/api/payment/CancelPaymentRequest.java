package se.benefitledger.api.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record CancelPaymentRequest(@NotBlank @Size(max = 500) String reason) {
}
