package se.benefitledger.api.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import se.benefitledger.api.pii.PayeeAccountNumber;
import se.benefitledger.api.pii.PayeeName;
import se.benefitledger.api.web.PositiveAmount;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;

record SchedulePaymentRequest(@NotNull @PositiveAmount Money amount,
                              @NotNull LocalDate dueDate,
                              @NotNull @Valid Payee payee) {

    /**
     * @param account an IBAN, a Swedish bank account (clearing number and account number, e.g. {@code 8327-9 123456782}),
     *                a bankgiro ({@code BG 5050-1055}) or a plusgiro ({@code PG 12 34 56-6}) number
     */
    record Payee(@NotNull PayeeType type,
                 @NotBlank @PayeeName String name,
                 @NotBlank @PayeeAccountNumber String account) {
    }
}
