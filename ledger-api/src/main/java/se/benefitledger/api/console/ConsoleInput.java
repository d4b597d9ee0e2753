package se.benefitledger.api.console;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import se.benefitledger.api.input.BusinessRule;
import se.benefitledger.api.input.InputBounds;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.api.problem.Problems;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.Comparator;
import java.util.function.Function;

/**
 * Form fields read with the API's own bounds ({@link InputBounds}) and requests checked with the same bean validation
 * the API's JSON bodies get, so that the console accepts exactly what the API accepts; a refusal is a 400 naming the
 * field, or a 422 for a business rule (as the API answers).
 */
@Component
class ConsoleInput {

    private final Validator validator;

    ConsoleInput(Validator validator) {
        this.validator = validator;
    }

    static <T> T parse(String field, String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required");
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }

    static MunicipalityCode municipality(String value) {
        return parse("municipality", value, code -> {
            if (!MunicipalityCode.isValid(code)) {
                throw new IllegalArgumentException("must be a Swedish municipality code, e.g. 0488");
            }
            return MunicipalityCode.of(code);
        });
    }

    <T> T valid(T request) {
        var violations = validator.validate(request);
        violations.stream().filter(violation -> violation.getConstraintDescriptor().getAnnotation().annotationType().isAnnotationPresent(BusinessRule.class))
                  .findFirst().ifPresent(rule -> {
                      throw new BusinessRuleViolation(rule.getPropertyPath() + " " + rule.getMessage());
                  });
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.stream().sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                                                        .map(ConsoleInput::error).toList());
        }
        return request;
    }

    private static Problems.FieldError error(ConstraintViolation<?> violation) {
        return new Problems.FieldError(violation.getPropertyPath().toString(), violation.getMessage());
    }
}
