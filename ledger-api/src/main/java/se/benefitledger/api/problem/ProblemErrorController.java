package se.benefitledger.api.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (a request the servlet container or the firewall refuses
 * before any mapping) leave as problem+json like every other error, instead of Spring Boot's
 * default JSON. Only the status is used: the error's message could echo the request.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && HttpStatus.resolve(code) != null
                ? HttpStatus.resolve(code) : HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(status));
    }

    static ProblemDetail problem(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> Problems.invalidRequest("The request cannot be read", java.util.List.of());
            case NOT_FOUND -> Problems.of(status, "not-found", "Not found", "No such resource");
            case INTERNAL_SERVER_ERROR -> Problems.of(status, "internal-error", "Internal error",
                    "The ledger could not complete the request; nothing was changed");
            default -> Problems.of(status, "http-" + status.value(), status.getReasonPhrase(), status.getReasonPhrase());
        };
    }
}
