package se.benefitledger.projections.balances;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimAgeTest {

    @Test
    void countsWholeMonthsSinceTheDecision() {
        assertThat(ClaimAge.months(LocalDate.of(2021, 6, 10), LocalDate.of(2021, 6, 9))).isZero();
        assertThat(ClaimAge.months(LocalDate.of(2021, 6, 10), LocalDate.of(2021, 9, 9))).isEqualTo(2);
        assertThat(ClaimAge.months(LocalDate.of(2021, 6, 10), LocalDate.of(2021, 9, 10))).isEqualTo(3);
        assertThat(ClaimAge.months(LocalDate.of(2021, 6, 10), LocalDate.of(2024, 6, 10))).isEqualTo(36);
    }

    @Test
    void agesIntoBuckets() {
        assertThat(ClaimAge.bucket(0)).isEqualTo("0-3");
        assertThat(ClaimAge.bucket(3)).isEqualTo("0-3");
        assertThat(ClaimAge.bucket(4)).isEqualTo("4-12");
        assertThat(ClaimAge.bucket(13)).isEqualTo("13-24");
        assertThat(ClaimAge.bucket(36)).isEqualTo("25-36");
        assertThat(ClaimAge.bucket(37)).isEqualTo(">36");
    }
}
