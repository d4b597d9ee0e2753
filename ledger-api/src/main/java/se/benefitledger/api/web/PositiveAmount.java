package se.benefitledger.api.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import se.benefitledger.core.shared.Money;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An amount of a payment, finding, claim, repayment, waiver or write-off: more than 0.00 (0 → 400). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PositiveAmount.Validator.class)
public @interface PositiveAmount {

    String message() default "must be more than 0.00";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PositiveAmount, Money> {
        @Override
        public boolean isValid(Money value, ConstraintValidatorContext context) {
            return value == null || value.isPositive();
        }
    }
}
