package se.benefitledger.projections.duration;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssistanceMonthsTest {

    @Test
    void bucketsByNumberOfAssistanceMonths() {
        assertThat(AssistanceMonths.bucket(1)).isEqualTo("1-3");
        assertThat(AssistanceMonths.bucket(3)).isEqualTo("1-3");
        assertThat(AssistanceMonths.bucket(4)).isEqualTo("4-6");
        assertThat(AssistanceMonths.bucket(9)).isEqualTo("7-9");
        assertThat(AssistanceMonths.bucket(10)).isEqualTo("10-12");
        assertThat(AssistanceMonths.bucket(12)).isEqualTo("10-12");
        assertThatThrownBy(() -> AssistanceMonths.bucket(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AssistanceMonths.bucket(13)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRollingWindowTakesTheLastTwelveMonthsAcrossTwoYears() {
        YearMonth march2021 = YearMonth.of(2021, 3);
        assertThat(AssistanceMonths.windowMask(2021, march2021)).isEqualTo(0b000000000111);
        assertThat(AssistanceMonths.windowMask(2020, march2021)).isEqualTo(0b111111111000);
        assertThat(AssistanceMonths.windowMask(2019, march2021)).isZero();
    }

    @Test
    void aWindowEndingInDecemberIsTheCalendarYear() {
        assertThat(AssistanceMonths.windowMask(2021, YearMonth.of(2021, 12))).isEqualTo(0xFFF);
        assertThat(AssistanceMonths.windowMask(2020, YearMonth.of(2021, 12))).isZero();
    }
}
