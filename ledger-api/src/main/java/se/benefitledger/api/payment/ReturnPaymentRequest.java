package se.benefitledger.api.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

record ReturnPaymentRequest(@NotNull LocalDate returnedOn, @NotBlank @Size(max = 500) String reason) {
}
