package se.benefitledger.projections.duration;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class ConsecutiveRunsTest {

    @Test
    void countsTheUnbrokenRunEndingWithTheMonthAcrossAYearEnd() {
        var months = new TreeSet<YearMonth>();
        months.add(YearMonth.of(2020, 6));
        for (int i = 0; i < 5; i++) {
            months.add(YearMonth.of(2020, 11).plusMonths(i));
        }

        assertThat(ConsecutiveRuns.endingAt(months, YearMonth.of(2021, 3))).isEqualTo(5);
        assertThat(ConsecutiveRuns.endingAt(months, YearMonth.of(2021, 1))).isEqualTo(3);
    }

    @Test
    void aGapEndsTheRunAndAMonthWithoutAssistanceHasNone() {
        var months = new TreeSet<YearMonth>();
        months.add(YearMonth.of(2021, 1));
        months.add(YearMonth.of(2021, 3));

        assertThat(ConsecutiveRuns.endingAt(months, YearMonth.of(2021, 3))).isEqualTo(1);
        assertThat(ConsecutiveRuns.endingAt(months, YearMonth.of(2021, 2))).isZero();
    }
}
