package se.benefitledger.api.support;

import se.benefitledger.core.shared.MunicipalityCode;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tests share one database; a payout batch takes every SCHEDULED payment of its municipality, so
 * tests that batch use a municipality of their own.
 */
public final class Municipalities {

    /** Configured in {@code application-test.yml} with no account to pay from, unlike every other municipality. */
    public static final String WITHOUT_DEBTOR_ACCOUNT = "2584";
    private static final Set<String> SHARED = Set.of("0488", "0180", "1280", WITHOUT_DEBTOR_ACCOUNT);
    private static final List<String> UNUSED = MunicipalityCode.all().keySet().stream().filter(code -> !SHARED.contains(code)).toList();
    private static final AtomicInteger next = new AtomicInteger();

    private Municipalities() {
    }

    public static String fresh() {
        return UNUSED.get(next.getAndIncrement() % UNUSED.size());
    }
}
