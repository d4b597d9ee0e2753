package se.benefitledger.core.recovery;

import org.junit.jupiter.api.Test;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimLinksTest {

    private final ClaimedPayment june = link("1000.00", LawRegime.SOL_2001, LocalDate.of(2028, 6, 25));
    private final ClaimedPayment july = link("500.00", LawRegime.SOL_2025, LocalDate.of(2028, 7, 25));
    private final List<ClaimedPayment> links = List.of(july, june);

    @Test
    void whileEverythingIsOutstandingTheEarliestDeadlineCounts() {
        assertThat(ClaimLinks.actionDeadline(links, Money.parse("1500.00"), Money.parse("1500.00"))).contains(LocalDate.of(2028, 6, 25));
    }

    @Test
    void reductionsPayOffTheEarliestDeadlineFirst() {
        assertThat(ClaimLinks.actionDeadline(links, Money.parse("1500.00"), Money.parse("500.01"))).contains(LocalDate.of(2028, 6, 25));
        assertThat(ClaimLinks.actionDeadline(links, Money.parse("1500.00"), Money.parse("500.00"))).contains(LocalDate.of(2028, 7, 25));
    }

    @Test
    void nothingOutstandingHasNoDeadline() {
        assertThat(ClaimLinks.actionDeadline(links, Money.parse("1500.00"), Money.ZERO)).isEqualTo(Optional.empty());
    }

    @Test
    void paymentsUnderBothLawsMakeAMixedClaim() {
        assertThat(ClaimLinks.lawRegime(links)).isEqualTo(LawRegime.MIXED);
        assertThat(ClaimLinks.lawRegime(List.of(june))).isEqualTo(LawRegime.SOL_2001);
    }

    @Test
    void theNewLawAppliesToDecisionsFromTheFirstOfJuly2025() {
        assertThat(LawRegime.ofDecision(LocalDate.of(2025, 6, 30))).isEqualTo(LawRegime.SOL_2001);
        assertThat(LawRegime.ofDecision(LocalDate.of(2025, 7, 1))).isEqualTo(LawRegime.SOL_2025);
    }

    private static ClaimedPayment link(String amount, LawRegime regime, LocalDate deadline) {
        return new ClaimedPayment(UUID.randomUUID(), Money.parse(amount), BenefitMonth.of(2025, 7), deadline.minusYears(3), regime, deadline);
    }
}
