package se.benefitledger.core.shared;

/**
 * The command does not fit the current state of its object (for instance cancelling an executed
 * payment). The message names the rule and the state.
 */
public class StateConflict extends RuntimeException {

    public StateConflict(String message) {
        super(message);
    }
}
