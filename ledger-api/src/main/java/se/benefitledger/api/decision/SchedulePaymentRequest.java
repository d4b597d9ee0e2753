package se.benefitledger.api.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.benefitledger.api.web.PositiveAmount;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;

public record SchedulePaymentRequest(@NotNull @PositiveAmount Money amount,
                              @NotNull LocalDate dueDate,
                              @NotNull @Valid Payee payee) {

    /**
     * @param account a Swedish bank account: clearing number and account number, digits with
     *                optional spaces and dashes (e.g. {@code 8327-9 123456789}), or an IBAN
     */
    public record Payee(@NotNull PayeeType type,
                 @NotBlank @Size(max = 140) @Pattern(regexp = "[^\\n\\r]*", message = "must be one line") String name,
                 @NotBlank @Pattern(regexp = "(\\d[\\d -]{5,30}\\d)|([A-Z]{2}\\d{2}[A-Z0-9]{10,30})",
                         message = "must be a Swedish bank account (clearing and account number) or an IBAN") String account) {
    }
}
