package se.benefitledger.projections.duration;

import java.time.YearMonth;
import java.util.NavigableSet;

/**
 * The consecutive-months counter of domain.md §9.4, pure: the length of the unbroken run of
 * assistance months ending with a month (job stimulus: 6, activity requirement: 3). A month
 * without assistance ends a run.
 */
public final class ConsecutiveRuns {

    private ConsecutiveRuns() {
    }

    /** The run of {@code months} ending with {@code end}; 0 when {@code end} is not an assistance month. */
    public static int endingAt(NavigableSet<YearMonth> months, YearMonth end) {
        int run = 0;
        for (YearMonth month = end; months.contains(month); month = month.minusMonths(1)) {
            run++;
        }
        return run;
    }
}
