package se.benefitledger.core.shared;

/**
 * A business rule refused the command (for instance payments exceeding the approved amount).
 * The message names the rule and the state that broke it.
 */
public class BusinessRuleViolation extends RuntimeException {

    public BusinessRuleViolation(String message) {
        super(message);
    }
}
