package se.benefitledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static se.benefitledger.api.security.Role.ADMIN;
import static se.benefitledger.api.security.Role.AUDITOR;
import static se.benefitledger.api.security.Role.CASEWORKER;
import static se.benefitledger.api.security.Role.FINANCE;
import static se.benefitledger.api.security.Role.INVESTIGATOR;
import static se.benefitledger.api.security.Role.REPORTING;
import static se.benefitledger.api.security.Role.STATISTICS;

/**
 * Which roles may call which endpoint, as the contract assigns them: the one table that both the
 * security filter chain and the event metadata ("acting as which role") read. The first role of a
 * user found in an entry is the role the user acts in. Endpoints under {@code /api} that are not
 * listed are refused.
 */
public final class EndpointPolicy {

    public record Entry(HttpMethod method, String pattern, List<Role> roles, RequestMatcher matcher) {
        public Optional<Role> actingRole(LedgerUser user) {
            return roles.stream().filter(user.roles()::contains).findFirst();
        }
    }

    private static final String V1 = "/api/v1";

    private static final List<Entry> ENTRIES = List.of(
            entry(HttpMethod.POST, "/households", CASEWORKER),
            entry(HttpMethod.GET, "/households", CASEWORKER, INVESTIGATOR, AUDITOR),
            entry(HttpMethod.GET, "/households/*/history", INVESTIGATOR, AUDITOR),
            entry(HttpMethod.GET, "/households/*", CASEWORKER, INVESTIGATOR, AUDITOR),
            entry(HttpMethod.POST, "/households/*/closure", CASEWORKER),
            entry(HttpMethod.POST, "/households/*/members", CASEWORKER),
            entry(HttpMethod.POST, "/households/*/members/*/departure", CASEWORKER),

            entry(HttpMethod.POST, "/decisions", CASEWORKER),
            entry(HttpMethod.GET, "/decisions/*", CASEWORKER, FINANCE, INVESTIGATOR, AUDITOR),
            entry(HttpMethod.POST, "/decisions/*/revocation", CASEWORKER),
            entry(HttpMethod.POST, "/decisions/*/payments", CASEWORKER),

            entry(HttpMethod.GET, "/payments", FINANCE, INVESTIGATOR, AUDITOR),
            entry(HttpMethod.GET, "/payments/*", CASEWORKER, FINANCE, INVESTIGATOR, AUDITOR),
            entry(HttpMethod.POST, "/payments/*/cancellation", CASEWORKER),
            entry(HttpMethod.POST, "/payments/*/return", FINANCE),
            entry(HttpMethod.POST, "/payments/*/erroneous", INVESTIGATOR),
            entry(HttpMethod.POST, "/payments/*/reissue", CASEWORKER),

            entry(HttpMethod.POST, "/payout-batches", FINANCE),
            entry(HttpMethod.GET, "/payout-batches/*", FINANCE, AUDITOR),
            entry(HttpMethod.GET, "/payout-batches/*/payments", FINANCE, AUDITOR),
            entry(HttpMethod.GET, "/payout-batches/*/file", FINANCE, AUDITOR),
            entry(HttpMethod.POST, "/payout-batches/*/settlement", FINANCE),
            entry(HttpMethod.POST, "/payout-batches/*/bank-reports", FINANCE),

            entry(HttpMethod.POST, "/recovery-claims", INVESTIGATOR),
            entry(HttpMethod.GET, "/recovery-claims/*", INVESTIGATOR, FINANCE, AUDITOR),
            entry(HttpMethod.POST, "/recovery-claims/*/repayments", FINANCE),
            entry(HttpMethod.POST, "/recovery-claims/*/waivers", INVESTIGATOR),
            entry(HttpMethod.POST, "/recovery-claims/*/write-offs", FINANCE),
            entry(HttpMethod.POST, "/recovery-claims/*/refunds", FINANCE),

            // the roles that see the items (household ids) come first, so that a user with several acts in one of them
            entry(HttpMethod.GET, "/reports/consecutive-months", CASEWORKER, INVESTIGATOR, AUDITOR, FINANCE, REPORTING),
            entry(HttpMethod.GET, "/reports/*", FINANCE, INVESTIGATOR, AUDITOR, REPORTING),
            entry(HttpMethod.GET, "/exports/socialstyrelsen", STATISTICS),

            entry(HttpMethod.GET, "/audit/access-log", AUDITOR),
            entry(HttpMethod.POST, "/admin/erasures", ADMIN),
            entry(HttpMethod.GET, "/admin/erasures/due", ADMIN),
            entry(HttpMethod.GET, "/admin/integrity", ADMIN, AUDITOR),
            entry(HttpMethod.POST, "/admin/pii-keys/rotation", ADMIN),

            entry(HttpMethod.GET, "/admin/projections", ADMIN),
            entry(HttpMethod.POST, "/admin/projections/*/rebuild", ADMIN),
            entry(HttpMethod.GET, "/admin/projections/*/dead-letters", ADMIN),
            entry(HttpMethod.POST, "/admin/projections/*/dead-letters/*/retry", ADMIN),
            entry(HttpMethod.POST, "/admin/projections/*/dead-letters/*/evict", ADMIN),
            entry(HttpMethod.GET, "/admin/bulk-commands", ADMIN),
            entry(HttpMethod.POST, "/admin/bulk-commands/*/resume", ADMIN));

    /**
     * The console's pages (docs/console.md), each presenting one API endpoint's data or command: it allows that
     * endpoint's roles or fewer, and a user acts in the same role as there, so that masking, the access log and the
     * events' metadata treat a page like its endpoint.
     */
    private static final List<Entry> CONSOLE_PAGES = List.of(
            page(HttpMethod.GET, "/console/payout-batches", HttpMethod.GET, "/reports/*", FINANCE, AUDITOR),
            page(HttpMethod.GET, "/console/payout-batches/*", HttpMethod.GET, "/payout-batches/*/payments", FINANCE, AUDITOR),
            page(HttpMethod.GET, "/console/payout-batches/*/file", HttpMethod.GET, "/payout-batches/*/file", FINANCE, AUDITOR),
            page(HttpMethod.POST, "/console/payout-batches/*/settlement", HttpMethod.POST, "/payout-batches/*/settlement", FINANCE),
            page(HttpMethod.POST, "/console/payout-batches/*/bank-reports", HttpMethod.POST, "/payout-batches/*/bank-reports", FINANCE),
            page(HttpMethod.GET, "/console/trends", HttpMethod.GET, "/reports/*", FINANCE, INVESTIGATOR, AUDITOR, REPORTING),
            page(HttpMethod.GET, "/console/households", HttpMethod.GET, "/households/*/history", INVESTIGATOR, AUDITOR),
            page(HttpMethod.GET, "/console/households/*/timeline", HttpMethod.GET, "/households/*/history", INVESTIGATOR, AUDITOR),
            page(HttpMethod.GET, "/console/projections", HttpMethod.GET, "/admin/projections", ADMIN));

    private EndpointPolicy() {
    }

    /** The API's endpoints. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static List<Entry> consolePages() {
        return CONSOLE_PAGES;
    }

    public static Optional<Entry> match(HttpServletRequest request) {
        return Stream.concat(ENTRIES.stream(), CONSOLE_PAGES.stream()).filter(entry -> entry.matcher().matches(request)).findFirst();
    }

    private static Entry page(HttpMethod method, String path, HttpMethod apiMethod, String apiPath, Role... roles) {
        var api = ENTRIES.stream().filter(entry -> entry.method().equals(apiMethod) && entry.pattern().equals(V1 + apiPath)).findFirst()
                         .orElseThrow(() -> new IllegalStateException("console page " + path + " presents no API endpoint " + apiMethod + " " + apiPath));
        if (!api.roles().containsAll(List.of(roles))) {
            throw new IllegalStateException("console page " + path + " allows a role that " + apiMethod + " " + apiPath + " does not");
        }
        return new Entry(method, path, List.of(roles), PathPatternRequestMatcher.withDefaults().matcher(method, path));
    }

    private static Entry entry(HttpMethod method, String path, Role... roles) {
        return new Entry(method, V1 + path, List.of(roles), PathPatternRequestMatcher.withDefaults().matcher(method, V1 + path));
    }
}
