package se.benefitledger.api.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import se.benefitledger.api.input.AtMostAWeekAhead;

import java.time.LocalDate;

record ReturnPaymentRequest(@NotNull @AtMostAWeekAhead LocalDate returnedOn, @NotBlank String reason) {
}
