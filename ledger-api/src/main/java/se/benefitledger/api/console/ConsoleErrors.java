package se.benefitledger.api.console;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.api.security.ForbiddenException;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.StateConflict;

import java.util.List;

/**
 * The API's refusals as a page: the same statuses and messages as its problem+json (docs/api.md), with a Swedish
 * title. Ahead of the API's advice, and only for the console's controllers.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = {ConsoleController.class, PayoutBatchPages.class, TrendPages.class, TimelinePages.class,
        ProjectionPages.class})
class ConsoleErrors {

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_NOT_FOUND, "Hittades inte", List.of(e.getMessage()));
    }

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException e, HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_FORBIDDEN, "Inte tillåtet", List.of(e.getMessage()));
    }

    @ExceptionHandler(InvalidRequestException.class)
    String invalid(InvalidRequestException e, HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_BAD_REQUEST, "Ogiltiga uppgifter",
                e.errors().stream().map(error -> error.field() + ": " + error.message()).toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String typeMismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_BAD_REQUEST, "Ogiltiga uppgifter",
                List.of(e.getName() + ": is not a valid " + e.getRequiredType().getSimpleName()));
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    String rule(BusinessRuleViolation e, HttpServletResponse response, Model model) {
        return page(response, model, 422, "En regel hindrade åtgärden", List.of(e.getMessage()));
    }

    @ExceptionHandler(StateConflict.class)
    String conflict(StateConflict e, HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_CONFLICT, "Åtgärden strider mot nuvarande läge", List.of(e.getMessage()));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    String stale(ConflictingAggregateVersionException e, HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_PRECONDITION_FAILED, "Uppgifterna har ändrats",
                List.of("Someone changed this object after the page was shown; open the page again and retry."));
    }

    private static String page(HttpServletResponse response, Model model, int status, String title, List<String> details) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("title", title);
        model.addAttribute("details", details);
        return "console/error";
    }
}
