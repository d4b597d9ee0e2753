package se.benefitledger.api.pii;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import se.benefitledger.core.payment.PayeeAccount;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An account {@link PayeeAccount#parse} reads: an IBAN, a Swedish bank account, or a bankgiro or plusgiro number.
 * The message names the rule the value breaks, never the value (a personkonto number is a personnummer).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PayeeAccountNumber.Validator.class)
public @interface PayeeAccountNumber {

    String message() default "must be an IBAN, a Swedish bank account (clearing number and account number), a bankgiro (BG) or a plusgiro (PG) number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PayeeAccountNumber, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                PayeeAccount.parse(value);
                return true;
            } catch (IllegalArgumentException e) {
                context.disableDefaultConstraintViolation();
                // the message is plain text of PayeeAccount's own, never the value: escape it from message interpolation
                context.buildConstraintViolationWithTemplate(e.getMessage().replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$"))
                       .addConstraintViolation();
                return false;
            }
        }
    }
}
