package se.benefitledger.api.console;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartTest {

    private static Chart.Value count(long value) {
        return new Chart.Value(value, Long.toString(value));
    }

    @Test
    void aLineRunsFromTheLeftEdgeToTheRightWithTheHighestValueNearestTheTop() {
        var chart = Chart.line("t", Chart.Unit.COUNT, List.of("2021-01", "2021-02", "2021-03"),
                List.of(new Chart.Input("households", "Hushåll", List.of(count(203), count(150), count(132)))));

        var points = chart.series().get(0).values();
        assertThat(points).extracting(Chart.Point::x).containsExactly("90.0", "415.0", "740.0");
        assertThat(Double.parseDouble(points.get(0).y())).isLessThan(Double.parseDouble(points.get(1).y()));
        assertThat(Double.parseDouble(points.get(1).y())).isLessThan(Double.parseDouble(points.get(2).y()));
        assertThat(points).extracting(Chart.Point::category, Chart.Point::value)
                          .containsExactly(org.assertj.core.groups.Tuple.tuple("2021-01", "203"), org.assertj.core.groups.Tuple.tuple("2021-02", "150"),
                                  org.assertj.core.groups.Tuple.tuple("2021-03", "132"));
        assertThat(chart.series().get(0).points()).isEqualTo(points.get(0).x() + "," + points.get(0).y() + " " + points.get(1).x() + ","
                + points.get(1).y() + " " + points.get(2).x() + "," + points.get(2).y());
    }

    @Test
    void theScaleStartsAtZeroAndEndsOnARoundTickAboveTheHighestValue() {
        var chart = Chart.line("t", Chart.Unit.COUNT, List.of("a", "b"), List.of(new Chart.Input("k", "l", List.of(count(203), count(132)))));

        assertThat(chart.ticks()).extracting(Chart.Tick::text).containsExactly("0", "100", "200", "300");
        assertThat(chart.ticks().get(0).y()).isEqualTo("260.0");
        assertThat(chart.ticks().get(3).y()).isEqualTo("20.0");
        assertThat(chart.zero()).isEqualTo("260.0");
    }

    @Test
    void moneyTicksAreWholeKronorAndANegativeMonthGoesBelowTheZeroLine() {
        var chart = Chart.line("t", Chart.Unit.ORE, List.of("a", "b"), List.of(new Chart.Input("k", "l",
                List.of(new Chart.Value(-150_000, "-1500.00"), new Chart.Value(1_000_000, "10000.00")))));

        assertThat(chart.ticks()).extracting(Chart.Tick::text).contains("0 kr", "10\u00a0000 kr");
        assertThat(chart.ticks().get(0).text()).startsWith("−").endsWith(" kr");
        assertThat(Double.parseDouble(chart.series().get(0).values().get(0).y())).isGreaterThan(Double.parseDouble(chart.zero()));
    }

    @Test
    void barsOfACategoryStandSideBySideFromTheZeroLine() {
        var chart = Chart.bars("t", Chart.Unit.COUNT, List.of("2020", "2021"), List.of(
                new Chart.Input("repaid", "Återbetalt", List.of(count(10), count(20))),
                new Chart.Input("waived", "Eftergivet", List.of(count(5), count(0)))));

        var repaid2020 = chart.series().get(0).values().get(0);
        var waived2020 = chart.series().get(1).values().get(0);
        assertThat(Double.parseDouble(waived2020.x())).isEqualTo(Double.parseDouble(repaid2020.x()) + Double.parseDouble(repaid2020.width()));
        assertThat(Double.parseDouble(repaid2020.y()) + Double.parseDouble(repaid2020.height())).isEqualTo(Double.parseDouble(chart.zero()));
        assertThat(chart.series().get(1).values().get(1).height()).isEqualTo("0.0");
        assertThat(Double.parseDouble(repaid2020.height())).isEqualTo(2 * Double.parseDouble(waived2020.height()));
    }

    @Test
    void onlyZerosStillDrawAScale() {
        var chart = Chart.line("t", Chart.Unit.COUNT, List.of("a"), List.of(new Chart.Input("k", "l", List.of(count(0)))));

        assertThat(chart.ticks()).extracting(Chart.Tick::text).containsExactly("0", "1");
        assertThat(chart.series().get(0).values().get(0).x()).isEqualTo("415.0");
        var money = Chart.bars("t", Chart.Unit.ORE, List.of("2021"), List.of(new Chart.Input("k", "l", List.of(new Chart.Value(0, "0.00")))));
        assertThat(money.ticks()).extracting(Chart.Tick::text).containsExactly("0 kr", "1 kr");
    }

    @Test
    void everySeriesNeedsAValueForEachCategory() {
        assertThatThrownBy(() -> Chart.line("t", Chart.Unit.COUNT, List.of("a", "b"), List.of(new Chart.Input("k", "l", List.of(count(1))))))
                .hasMessageContaining("has 1 values for 2 categories");
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(Chart.step(0)).isEqualTo(1);
        assertThat(Chart.step(3)).isEqualTo(1);
        assertThat(Chart.step(203)).isEqualTo(100);
        assertThat(Chart.step(700)).isEqualTo(200);
        assertThat(Chart.step(1_150_000)).isEqualTo(500_000);
    }
}
