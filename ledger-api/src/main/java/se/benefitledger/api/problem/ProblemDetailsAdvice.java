package se.benefitledger.api.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import se.benefitledger.api.input.BusinessRule;
import se.benefitledger.api.pii.AccessLogUnavailable;
import se.benefitledger.api.security.ForbiddenException;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.StateConflict;
import se.benefitledger.projections.json.RejectedValueException;

import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error leaves as {@code application/problem+json}: the contract's status, a type, a title
 * and a detail that names the rule. Never a stack trace, SQL text or a submitted value (which could
 * be a personnummer).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return Problems.invalidRequest("The request has invalid fields", e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(StateConflict.class)
    ProblemDetail conflict(StateConflict e) {
        return Problems.of(HttpStatus.CONFLICT, "state-conflict", "The command conflicts with the current state", e.getMessage());
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ProblemDetail ruleViolation(BusinessRuleViolation e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "business-rule-violation", "A business rule refused the command", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail stale(ConflictingAggregateVersionException e) {
        return Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "The resource has changed",
                "If-Match names version " + e.getExpectedVersion() + " but the resource is at version " + e.getActualVersion()
                        + "; GET it again and retry");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownAggregate(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such object");
    }

    /**
     * Another request changed the same object at the same moment (the event store's unique key kept
     * one), or two requests waited for each other's rows and PostgreSQL chose this one to give way.
     */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class, ConcurrencyFailureException.class})
    ProblemDetail concurrentChange(Exception e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Changed concurrently",
                "The object was changed by another request at the same moment; retry");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.invalidRequest("The request has invalid parameters",
                List.of(new Problems.FieldError(e.getName(), "is not a valid " + e.getRequiredType().getSimpleName())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return badRequest(Problems.invalidRequest("The request has an unknown field",
                    List.of(new Problems.FieldError(path(unknown), "is not a field of this request"))));
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return badRequest(Problems.invalidRequest("The request has invalid fields",
                    List.of(new Problems.FieldError(path(mapping), reason(mapping)))));
        }
        if (e.getCause() instanceof CharacterCodingException) {
            return badRequest(Problems.invalidRequest("The request body is not valid UTF-8", List.of()));
        }
        return badRequest(Problems.invalidRequest("The request body is not valid JSON", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                      .map(error -> new Problems.FieldError(error.getField(), error.getDefaultMessage()))
                      .toList();
        if (e.getBindingResult().hasErrors() && e.getBindingResult().getAllErrors().stream().allMatch(ProblemDetailsAdvice::isBusinessRule)) {
            var problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "business-rule-violation", "A business rule refused the command",
                    "A business rule refused the request's fields");
            problem.setProperty("errors", errors);
            return ResponseEntity.unprocessableEntity().body(problem);
        }
        return badRequest(Problems.invalidRequest("The request has invalid fields", errors));
    }

    /** A constraint marked as a {@link BusinessRule}: its violation is answered 422, not 400. */
    private static boolean isBusinessRule(ObjectError error) {
        return error.contains(ConstraintViolation.class)
                && error.unwrap(ConstraintViolation.class).getConstraintDescriptor().getAnnotation().annotationType()
                        .isAnnotationPresent(BusinessRule.class);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        var errors = e.getParameterValidationResults().stream()
                      .flatMap(result -> result.getResolvableErrors().stream()
                              .map(error -> new Problems.FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                      .toList();
        return badRequest(Problems.invalidRequest("The request has invalid parameters", errors));
    }

    /** Personal data is shown only once its access-log entry is written; without the log the caller may retry later. */
    @ExceptionHandler(AccessLogUnavailable.class)
    ResponseEntity<ProblemDetail> accessLogUnavailable(AccessLogUnavailable e) {
        log.warn("Access log unavailable, nothing shown: {}", e.getCause().getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                             .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                             .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "access-log-unavailable", "Access log unavailable",
                                     "The access log cannot be written, so the personal data asked for is not shown and nothing was changed."
                                             + " Retry later."));
    }

    /**
     * An absent database and a commit too late are passed on to {@link DatabaseUnavailableFilter}, which answers them
     * wherever in the request they happen.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (DatabaseUnavailable.isCause(e) || CommitTooLate.isCause(e)) {
            throw e;
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "The ledger could not complete the request; nothing was changed"));
    }

    private static ResponseEntity<Object> badRequest(ProblemDetail problem) {
        return ResponseEntity.badRequest().body(problem);
    }

    private static String path(JsonMappingException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Why a value was refused, without echoing the value. */
    private static String reason(JsonMappingException e) {
        if (e instanceof RejectedValueException) {
            return e.getOriginalMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "is not valid";
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date of the form YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant, e.g. 2021-03-25T10:15:30Z";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a valid " + type.getSimpleName();
    }
}
