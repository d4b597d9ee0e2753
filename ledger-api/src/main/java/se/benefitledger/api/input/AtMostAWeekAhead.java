package se.benefitledger.api.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The date of something that happened (money settled, returned, received; a decision made): it may
 * lie at most {@value #DAYS} days after today in Sweden, by the application's {@link Clock}.
 * A later date is refused as a business rule (422).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AtMostAWeekAhead.Validator.class)
@BusinessRule
public @interface AtMostAWeekAhead {

    int DAYS = 7;

    String message() default "must not be more than " + DAYS + " days after today";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AtMostAWeekAhead, LocalDate> {
        private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
        private final Clock clock;

        public Validator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isAfter(LocalDate.ofInstant(clock.instant(), SWEDEN).plusDays(DAYS));
        }
    }
}
