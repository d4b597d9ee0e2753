package se.benefitledger.api.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/** The problem types this API answers with (RFC 9457). */
public final class Problems {

    public static final String BASE = "https://benefit-ledger.se/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalidRequest(String detail, List<FieldError> errors) {
        var problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** One wrong field of a request; {@code field} is a path such as {@code members[0].role}. */
    public record FieldError(String field, String message) {
    }
}
