package se.benefitledger.tools.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The payout dates of a benefit month, on weekdays: the household's own payment around the 25th
 * of the month before, rent to the landlord on the last weekday before the month starts, and
 * one-off items and reissued payments mid-month. A payment rejected by the bank is reissued for
 * the next payout date.
 */
final class PayoutCalendar {

    private PayoutCalendar() {
    }

    static LocalDate household(YearMonth month) {
        return weekdayOnOrBefore(month.minusMonths(1).atDay(25));
    }

    static LocalDate landlord(YearMonth month) {
        return weekdayOnOrBefore(month.minusMonths(1).atEndOfMonth());
    }

    static LocalDate extra(YearMonth month) {
        return weekdayOnOrBefore(month.atDay(15));
    }

    /** The payout dates of the month, in order. */
    static List<LocalDate> dates(YearMonth month) {
        return List.of(household(month), landlord(month), extra(month));
    }

    /** The first payout date after this one. */
    static LocalDate next(LocalDate payoutDate) {
        YearMonth month = YearMonth.from(payoutDate).plusMonths(1);
        for (int back = 2; back >= 0; back--) {
            for (LocalDate date : dates(month.minusMonths(back))) {
                if (date.isAfter(payoutDate)) {
                    return date;
                }
            }
        }
        throw new IllegalStateException("no payout date after " + payoutDate);
    }

    private static LocalDate weekdayOnOrBefore(LocalDate date) {
        while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            date = date.minusDays(1);
        }
        return date;
    }
}
