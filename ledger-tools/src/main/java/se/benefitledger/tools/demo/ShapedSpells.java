package se.benefitledger.tools.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The spells of assistance of a shaped plan's households (issue 19), drawn from the seeded model
 * until the plan's own assistance months give the shape's figures:
 * <ol>
 * <li>long-term households: a stock, long-term before the plan starts, and a steady inflow of
 * households whose spell runs on; each month, where the rolling count of households with 10-12
 * assistance months in the last 12 (counted as the duration report counts them: a month with a
 * payment executed and not returned) would stand above the shape's path, drawn households end their
 * spell so that they leave the count that month; where it would stand below, more households start
 * a spell nine months earlier;</li>
 * <li>short spells (1-9 months, the national weights) start in each calendar year, drawn one by one,
 * until that year's net paid by benefit month reaches the shape's figure.</li>
 * </ol>
 * Long-term households miss at most one month a calendar year (11 or 12 months, the national
 * 10-12 without the gaps that would take a household in mid-spell out of a rolling count).
 */
final class ShapedSpells {

    private static final long STOCK = 21;
    private static final long GAP = 22;
    private static final long EXIT = 23;
    private static final long SHORT = 24;
    /** Of long-term households, the share that misses one month of a calendar year (national: 11 of 12 months 30 %, 10 months 25 %). */
    private static final double ONE_GAP = 0.40;

    private final SyntheticPlan plan;
    /** The plan's index of the first household: indices here count from it. */
    private final int first;
    private final Shape shape;
    private final int months;
    private final LocalDate lastPayout;
    private final BitSet[] active;
    /** A long-term household's spell start, a month index (below 0: before the plan); Integer.MIN_VALUE for the others. */
    private final int[] start;
    /** Net paid of an active month of a household, in öre; -1 until computed. */
    private final long[][] net;
    private final BitSet ended = new BitSet();
    private int used;

    private ShapedSpells(SyntheticPlan plan, Shape shape) {
        this.plan = plan;
        this.first = plan.shares().get(0).first();
        this.shape = shape;
        this.months = plan.months().size();
        List<LocalDate> dates = PayoutCalendar.dates(plan.to());
        this.lastPayout = dates.get(dates.size() - 1);
        this.active = new BitSet[shape.households()];
        this.start = new int[shape.households()];
        this.net = new long[shape.households()][];
    }

    static ShapedSpells calibrate(SyntheticPlan plan, Shape shape) {
        var spells = new ShapedSpells(plan, shape);
        if (shape.longTerm() != null) {
            spells.longTermPath();
        }
        spells.netPaid();
        return spells;
    }

    /** {@code h}: the plan's index. */
    boolean isActive(int h, YearMonth month) {
        h -= first;
        int i = index(month);
        return h >= 0 && h < used && i >= 0 && i < months && active[h].get(i);
    }

    /** {@code h}: the plan's index. */
    boolean isLongTerm(int h) {
        return isLongTermHere(h - first);
    }

    private boolean isLongTermHere(int h) {
        return h >= 0 && h < used && start[h] != Integer.MIN_VALUE;
    }

    private void longTermPath() {
        Shape.LongTermPath path = shape.longTerm();
        for (int k = 0; k < path.at(plan.from()); k++) {
            int h = next();
            longTerm(h, -12 - plan.random(first + h, 0, STOCK).nextInt(24));
        }
        for (int i = 0; i < months; i++) {
            for (int k = 0; k < shape.longTermEntries(); k++) {
                longTerm(next(), i);
            }
        }
        for (int r = 1; r < months; r++) {
            int target = path.at(month(r));
            int count = count(r);
            for (var h : exitCandidates(r)) {
                if (count <= target) {
                    break;
                }
                if (endSoThatItLeavesAt(h, r)) {
                    count--;
                }
            }
            while (count < target) {
                int h = next();
                longTerm(h, r - 9);
                count += counted(h, r) ? 1 : 0;
            }
            if (count != target) {
                throw new IllegalStateException("no household could leave the long-term count in " + month(r));
            }
        }
    }

    /** Long-term households still in their spell and counted in the months before and at {@code r}, in a seeded order. */
    private List<Integer> exitCandidates(int r) {
        var candidates = new ArrayList<Integer>();
        for (int h = 0; h < used; h++) {
            if (isLongTermHere(h) && !ended.get(h) && counted(h, r - 1) && counted(h, r)) {
                candidates.add(h);
            }
        }
        Map<Integer, Long> keys = new HashMap<>();
        candidates.forEach(h -> keys.put(h, plan.random(first + h, r, EXIT).nextLong()));
        candidates.sort(Comparator.comparing(keys::get));
        return candidates;
    }

    /**
     * Ends the household's spell in the latest month that takes it out of the count at {@code r}
     * and changes the count of no earlier month; answers whether there is one.
     */
    private boolean endSoThatItLeavesAt(int h, int r) {
        var before = new boolean[r];
        for (int q = Math.max(0, r - 3); q < r; q++) {
            before[q] = counted(h, q);
        }
        BitSet spell = (BitSet) active[h].clone();
        for (int end = r - 1; end >= Math.max(0, r - 3); end--) {
            active[h].clear(end + 1, months);
            boolean unchanged = true;
            for (int q = Math.max(0, end + 1); q < r; q++) {
                unchanged &= counted(h, q) == before[q];
            }
            if (unchanged && !counted(h, r)) {
                ended.set(h);
                return true;
            }
            active[h] = (BitSet) spell.clone();
        }
        return false;
    }

    private void netPaid() {
        for (var target : shape.netPaid().entrySet()) {
            int year = target.getKey();
            int first = index(YearMonth.of(year, 1));
            if (shape.longTerm() == null || first == 0 || year != shape.longTerm().first().getYear()) {
                shortSpells(year, target.getValue().ore(), 1.0);
                continue;
            }
            // the year of the long-term path: its spells grow shorter (more of them) until households with
            // 1-9 months in the rolling window end the year about where they began it
            int mark = used;
            double best = 1.0;
            int bestSpread = Integer.MAX_VALUE;
            for (double tilt = 1.0; tilt > 0.25; tilt -= 0.05) {
                shortSpells(year, target.getValue().ore(), tilt);
                int spread = 0;
                for (int r = first + 1; r < Math.min(months, first + 12); r++) {
                    spread = Math.max(spread, Math.abs(shortCount(r) - shortCount(first)));
                }
                if (spread < bestSpread) {
                    bestSpread = spread;
                    best = tilt;
                }
                used = mark;
            }
            shortSpells(year, target.getValue().ore(), best);
        }
    }

    /**
     * Short spells starting in the year (in the plan's first year also in the eight months before it), drawn
     * until the year's net paid reaches {@code goal}; {@code tilt} below 1 makes long spells rarer.
     */
    private void shortSpells(int year, long goal, double tilt) {
        long paid = paidIn(year);
        if (paid > goal) {
            throw new IllegalStateException("the households of earlier spells are paid " + paid / 100 + " kr in " + year
                    + ", more than the shape's " + goal / 100 + " kr");
        }
        int[] weights = new int[SyntheticPlan.SHORT_SPELL_WEIGHTS.length];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = (int) Math.max(1, Math.round(100 * SyntheticPlan.SHORT_SPELL_WEIGHTS[k] * Math.pow(tilt, k)));
        }
        int first = index(YearMonth.of(year, 1));
        int earliest = first == 0 ? -8 : first;
        while (paid < goal) {
            int h = next();
            SplittableRandom random = plan.random(first + h, year, SHORT);
            int length = 1 + SyntheticPlan.pick(random, weights);
            int from = earliest + random.nextInt(first + 12 - earliest);
            active[h].set(Math.max(0, from), Math.min(months, Math.max(0, from + length)));
            paid += paidIn(h, year);
        }
    }

    /** Households with 1-9 assistance months in the 12 ending with {@code r}. */
    private int shortCount(int r) {
        int count = 0;
        for (int h = 0; h < used; h++) {
            int assisted = 0;
            for (int i = Math.max(0, r - 11); i <= r; i++) {
                assisted += assistanceMonth(h, i) ? 1 : 0;
            }
            count += assisted > 0 && assisted < 10 ? 1 : 0;
        }
        return count;
    }

    private void longTerm(int h, int from) {
        start[h] = from;
        active[h].set(Math.max(0, from), months);
        for (int year = month(Math.max(0, from)).getYear(); year <= plan.to().getYear(); year++) {
            SplittableRandom random = plan.random(first + h, year, GAP);
            if (random.nextDouble() < ONE_GAP) {
                int gap = index(YearMonth.of(year, 1 + random.nextInt(12)));
                // a household new to assistance goes a year without a gap, so that it counts after ten months
                if (gap >= from + 12 && gap < months) {
                    active[h].clear(gap);
                }
            }
        }
    }

    private int next() {
        if (used == shape.households()) {
            throw new IllegalStateException("the shape " + shape.name() + " needs more than its " + shape.households() + " households");
        }
        int h = used++;
        active[h] = new BitSet(months);
        start[h] = Integer.MIN_VALUE;
        return h;
    }

    private int count(int r) {
        int count = 0;
        for (int h = 0; h < used; h++) {
            count += isLongTermHere(h) && counted(h, r) ? 1 : 0;
        }
        return count;
    }

    /** Whether the household has 10-12 assistance months in the 12 ending with {@code r}, its long-term spell before the plan included. */
    private boolean counted(int h, int r) {
        int assisted = 0;
        for (int i = r - 11; i <= r; i++) {
            assisted += i < 0 ? (start[h] != Integer.MIN_VALUE && i >= start[h] ? 1 : 0) : assistanceMonth(h, i) ? 1 : 0;
        }
        return assisted >= 10;
    }

    private boolean assistanceMonth(int h, int i) {
        return active[h].get(i) && net(h, i) > 0;
    }

    private long paidIn(int year) {
        long paid = 0;
        for (int h = 0; h < used; h++) {
            paid += paidIn(h, year);
        }
        return paid;
    }

    private long paidIn(int h, int year) {
        long paid = 0;
        for (int month = 1; month <= 12; month++) {
            int i = index(YearMonth.of(year, month));
            if (i >= 0 && i < months && active[h].get(i)) {
                paid += net(h, i);
            }
        }
        return paid;
    }

    /** Net paid for the month as monthly-spend counts it: executed, not returned; corrections and reissues paid within the plan included. */
    private long net(int h, int i) {
        if (net[h] == null) {
            net[h] = new long[months];
            Arrays.fill(net[h], -1);
        }
        if (net[h][i] < 0) {
            long paid = 0;
            for (PlannedPayment payment : plan.decision(plan.household(first + h), month(i)).payments()) {
                PlannedPayment paidOne = payment.fate() == PlannedPayment.Fate.CANCELLED || payment.fate() == PlannedPayment.Fate.REJECTED
                        ? payment.followUp() : payment;
                if (paidOne.fate() == PlannedPayment.Fate.EXECUTED && !paidOne.dueDate().isAfter(lastPayout)) {
                    paid += paidOne.amount().ore();
                }
            }
            net[h][i] = paid;
        }
        return net[h][i];
    }

    private YearMonth month(int i) {
        return plan.from().plusMonths(i);
    }

    private int index(YearMonth month) {
        return (int) plan.from().until(month, ChronoUnit.MONTHS);
    }
}
