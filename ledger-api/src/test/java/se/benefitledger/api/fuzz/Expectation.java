package se.benefitledger.api.fuzz;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the contract says the answer to a request must be, beyond the properties every answer has.
 *
 * @param statuses the statuses allowed; empty means any status below 500 that {@code success} allows
 * @param success  whether a 2xx is allowed at all
 */
record Expectation(String name, Set<Integer> statuses, boolean success) {

    /** A valid request whose outcome depends on state the model does not predict: any 2xx or 4xx. */
    static final Expectation ANY = new Expectation("any answer below 500", Set.of(), true);
    /** A valid request the model knows the ledger accepts. */
    static final Expectation SUCCESS = new Expectation("2xx", Set.of(200, 201, 202), true);
    /** An invalid request: refused, and nothing stored. */
    static final Expectation REFUSED = new Expectation("4xx", Set.of(), false);

    static Expectation exactly(int... statuses) {
        return new Expectation(Arrays.stream(statuses).mapToObj(Integer::toString).collect(Collectors.joining(" or ")),
                Arrays.stream(statuses).boxed().collect(Collectors.toSet()), Arrays.stream(statuses).anyMatch(status -> status < 300));
    }

    boolean allows(int status) {
        if (status >= 500) {
            return false;
        }
        if (!statuses.isEmpty()) {
            return statuses.contains(status);
        }
        return success || status >= 400;
    }
}
