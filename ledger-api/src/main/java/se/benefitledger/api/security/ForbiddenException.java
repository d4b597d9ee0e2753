package se.benefitledger.api.security;

/** The caller may not act here: creating in a municipality outside its scope, or asking a report of one. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
