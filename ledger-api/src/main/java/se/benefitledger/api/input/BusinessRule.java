package se.benefitledger.api.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Bean Validation constraint whose violation is a business rule refusing well-formed input
 * (422), not malformed input (400). A request with both kinds of errors is answered 400.
 */
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface BusinessRule {
}
