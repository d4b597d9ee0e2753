package se.benefitledger.api.pii;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A payee's name as a bank file can carry it: at most {@value #MAX_LENGTH} characters (code points), letters of any
 * script (with their combining marks), digits, space and {@code . , - / ' & ( ) +}. No control or bidirectional
 * formatting character gets in, so the pain.001 file stays well-formed and shows the name the way it was meant.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PayeeName.Validator.class)
public @interface PayeeName {

    int MAX_LENGTH = 70;

    String message() default "must be at most 70 characters: letters, digits, spaces and . , - / ' & ( ) + only";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PayeeName, String> {

        // Java's regex reads code points, so the bound counts characters, not UTF-16 units
        private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{Nd} .,\\-/'&()+]{1," + MAX_LENGTH + "}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValidName(value);
        }

        /** Whether {@code name} follows this rule; a UTF-16 length beyond two units a character is refused unread. */
        public static boolean isValidName(String name) {
            return name.length() <= 2 * MAX_LENGTH && NAME.matcher(name).matches();
        }
    }
}
