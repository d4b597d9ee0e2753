package se.benefitledger.projections.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HouseholdHistoryQueriesTest {

    @Test
    void namesEventsWithoutPackageAndSuffix() {
        assertThat(HouseholdHistoryQueries.eventType("se.benefitledger.core.payment.PaymentScheduledEvent")).isEqualTo("PaymentScheduled");
        assertThat(HouseholdHistoryQueries.eventType("Something")).isEqualTo("Something");
    }
}
