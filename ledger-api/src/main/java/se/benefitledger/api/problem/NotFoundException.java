package se.benefitledger.api.problem;

/** An unknown id, or one the caller may not see: both answer 404, so ids outside the caller's scope stay unconfirmed. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
