package se.benefitledger.projections.kpi;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class KpiQueriesTest {

    @Test
    void longTermShareIsAPercentWithOneDecimalAndNoneWithoutAdults() {
        assertThat(KpiQueries.share(1, 3)).isEqualByComparingTo(new BigDecimal("33.3"));
        assertThat(KpiQueries.share(2, 3)).isEqualByComparingTo(new BigDecimal("66.7"));
        assertThat(KpiQueries.share(0, 0)).isNull();
    }
}
