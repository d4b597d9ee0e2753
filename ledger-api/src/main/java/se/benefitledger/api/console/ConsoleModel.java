package se.benefitledger.api.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import se.benefitledger.api.security.CurrentUser;
import se.benefitledger.api.security.EndpointPolicy;
import se.benefitledger.api.security.LedgerUser;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.Collections;
import java.util.List;

/** What every console page shows around its content: the user, and the pages the user's roles open. */
@ControllerAdvice(assignableTypes = {ConsoleController.class, PayoutBatchPages.class, TrendPages.class, TimelinePages.class,
        ProjectionPages.class})
class ConsoleModel {

    record Link(String href, String label, boolean current) {
    }

    private static final List<Link> PAGES = List.of(
            new Link("/console/payout-batches", "Utbetalningsomgångar", false),
            new Link("/console/trends", "Trender", false),
            new Link("/console/households", "Hushållshistorik", false),
            new Link("/console/projections", "Projektioner", false));

    /** Null on the login page. */
    @ModelAttribute("user")
    LedgerUser user() {
        return CurrentUser.get().orElse(null);
    }

    @ModelAttribute("navigation")
    List<Link> navigation(HttpServletRequest request) {
        var user = CurrentUser.get();
        if (user.isEmpty()) {
            return List.of();
        }
        return PAGES.stream().filter(link -> opens(user.get(), link.href()))
                    .map(link -> new Link(link.href(), link.label(), request.getRequestURI().startsWith(link.href())))
                    .toList();
    }

    /** The municipalities a user may choose from, or none when the user's scope is every municipality (then typed in). */
    static List<String> municipalities(LedgerUser user) {
        if (user.scope().all()) {
            return List.of();
        }
        return user.scope().municipalities().stream().map(MunicipalityCode::code).sorted().toList();
    }

    private static boolean opens(LedgerUser user, String href) {
        return EndpointPolicy.consolePages().stream()
                             .filter(page -> page.method().equals(HttpMethod.GET) && page.pattern().equals(href))
                             .anyMatch(page -> !Collections.disjoint(page.roles(), user.roles()));
    }
}
