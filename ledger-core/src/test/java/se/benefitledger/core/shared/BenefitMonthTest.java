package se.benefitledger.core.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenefitMonthTest {

    @Test
    void readsAndPrintsYearAndMonth() {
        assertThat(BenefitMonth.parse("2021-03")).isEqualTo(BenefitMonth.of(2021, 3));
        assertThat(BenefitMonth.of(2021, 3)).hasToString("2021-03");
        assertThat(BenefitMonth.of(2025, 6).isBefore(BenefitMonth.of(2025, 7))).isTrue();
    }

    @Test
    void rejectsOtherShapes() {
        assertThatThrownBy(() -> BenefitMonth.parse("2021-13")).hasMessageContaining("YYYY-MM");
        assertThatThrownBy(() -> BenefitMonth.parse("2021-03-01")).isInstanceOf(IllegalArgumentException.class);
    }
}
