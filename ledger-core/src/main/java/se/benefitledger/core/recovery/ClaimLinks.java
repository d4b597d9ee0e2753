package se.benefitledger.core.recovery;

import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a claim owes per linked payment. Whatever reduced the claim (repayments, waivers,
 * write-offs) is taken from the payments with the earliest deadlines first, so the money still
 * outstanding is that of the latest deadlines.
 */
public final class ClaimLinks {

    private ClaimLinks() {
    }

    /** The earliest deadline of a linked payment with money still outstanding; empty when nothing is. */
    public static Optional<LocalDate> actionDeadline(List<ClaimedPayment> links, Money principal, Money outstanding) {
        long reduced = principal.ore() - outstanding.ore();
        for (var link : links.stream().sorted(Comparator.comparing(ClaimedPayment::actionDeadline)).toList()) {
            if (reduced < link.amount().ore()) {
                return Optional.of(link.actionDeadline());
            }
            reduced -= link.amount().ore();
        }
        return Optional.empty();
    }

    public static LawRegime lawRegime(List<ClaimedPayment> links) {
        return LawRegime.ofAll(links.stream().map(ClaimedPayment::lawRegime).toList());
    }
}
