package se.benefitledger.api.problem;

import java.util.List;

/** Input that is well-formed JSON but breaks the contract; answered with 400 and the fields at fault. */
public class InvalidRequestException extends RuntimeException {

    private final List<Problems.FieldError> errors;

    public InvalidRequestException(List<Problems.FieldError> errors) {
        super("invalid request");
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new Problems.FieldError(field, message)));
    }

    public List<Problems.FieldError> errors() {
        return errors;
    }
}
