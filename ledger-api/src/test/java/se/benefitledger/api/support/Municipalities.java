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

    private static final Set<String> SHARED = Set.of("0488", "0180", "1280");
    private static final List<String> UNUSED = MunicipalityCode.all().keySet().stream().filter(code -> !SHARED.contains(code)).toList();
    private static final AtomicInteger next = new AtomicInteger();

    private Municipalities() {
    }

    public static String fresh() {
        return UNUSED.get(next.getAndIncrement() % UNUSED.size());
    }
}
