package se.benefitledger.api.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The geometry of a server-rendered SVG chart: one value per category (a month, a year) for each series, scaled onto
 * a fixed canvas with round ticks. Lines draw a polyline through their points; bars stand side by side in each
 * category. Every point keeps the value as the report states it ({@link Value#text()}), which the page writes into
 * the point's {@code data-value}.
 */
record Chart(String title, Kind kind, Unit unit, List<String> categories, List<Tick> ticks, List<Label> labels, List<Line> series,
             double zeroY) {

    static final int WIDTH = 760;
    static final int HEIGHT = 300;
    static final int LEFT = 90;
    static final int RIGHT = 20;
    static final int TOP = 20;
    static final int BOTTOM = 40;
    private static final int TICKS = 4;
    private static final int MAX_LABELS = 12;

    enum Kind { LINE, BAR }

    /** How values count: money in öre (ticks in kronor) or plain numbers. */
    enum Unit {
        ORE(100), COUNT(1);

        /** The smallest step the ticks show: a krona, or one. */
        private final long least;

        Unit(long least) {
            this.least = least;
        }

        String tick(long value) {
            var format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("sv-SE")));
            return this == ORE ? format.format(BigDecimal.valueOf(value).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)) + " kr"
                               : format.format(value);
        }
    }

    /** A value as a number for the scale ({@code units}: öre or a count) and as the report writes it. */
    record Value(long units, String text) {
    }

    record Input(String key, String label, List<Value> values) {
    }

    record Tick(String y, String text) {
    }

    record Label(String x, String text) {
    }

    /** {@code points}: the polyline's coordinates. */
    record Line(String key, String label, int index, String points, List<Point> values) {
    }

    /** A point of a line (its centre) or a bar (its rectangle: x, y, width, height). */
    record Point(String category, String value, String x, String y, String width, String height) {
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public String zero() {
        return coordinate(zeroY);
    }

    static Chart line(String title, Unit unit, List<String> categories, List<Input> inputs) {
        return of(title, Kind.LINE, unit, categories, inputs);
    }

    static Chart bars(String title, Unit unit, List<String> categories, List<Input> inputs) {
        return of(title, Kind.BAR, unit, categories, inputs);
    }

    private static Chart of(String title, Kind kind, Unit unit, List<String> categories, List<Input> inputs) {
        for (var input : inputs) {
            if (input.values().size() != categories.size()) {
                throw new IllegalArgumentException("series " + input.key() + " has " + input.values().size() + " values for "
                        + categories.size() + " categories");
            }
        }
        long min = Math.min(0, inputs.stream().flatMap(input -> input.values().stream()).mapToLong(Value::units).min().orElse(0));
        long max = Math.max(0, inputs.stream().flatMap(input -> input.values().stream()).mapToLong(Value::units).max().orElse(0));
        long step = Math.max(unit.least, step(max - min));
        long bottom = Math.floorDiv(min, step) * step;
        long top = Math.max(bottom + step, -Math.floorDiv(-max, step) * step);
        var scale = new Scale(bottom, top);
        var ticks = new ArrayList<Tick>();
        for (long value = bottom; value <= top; value += step) {
            ticks.add(new Tick(coordinate(scale.y(value)), unit.tick(value)));
        }
        int n = categories.size();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double slot = kind == Kind.LINE ? (n > 1 ? plotWidth / (n - 1) : 0) : plotWidth / Math.max(1, n);
        double first = kind == Kind.LINE ? (n > 1 ? LEFT : LEFT + plotWidth / 2) : LEFT + slot / 2;
        int every = Math.max(1, (int) Math.ceil(n / (double) MAX_LABELS));
        var labels = IntStream.range(0, n).filter(i -> i % every == 0)
                              .mapToObj(i -> new Label(coordinate(first + i * slot), categories.get(i))).toList();
        var series = new ArrayList<Line>();
        double barWidth = slot * 0.8 / Math.max(1, inputs.size());
        for (int s = 0; s < inputs.size(); s++) {
            var input = inputs.get(s);
            var points = new ArrayList<Point>();
            for (int i = 0; i < n; i++) {
                var value = input.values().get(i);
                double y = scale.y(value.units());
                double centre = first + i * slot;
                if (kind == Kind.LINE) {
                    points.add(new Point(categories.get(i), value.text(), coordinate(centre), coordinate(y), "0", "0"));
                } else {
                    double x = centre - slot * 0.4 + s * barWidth;
                    double zero = scale.y(0);
                    points.add(new Point(categories.get(i), value.text(), coordinate(x), coordinate(Math.min(y, zero)), coordinate(barWidth),
                            coordinate(Math.abs(zero - y))));
                }
            }
            String polyline = String.join(" ", points.stream().map(point -> point.x() + "," + point.y()).toList());
            series.add(new Line(input.key(), input.label(), s, polyline, points));
        }
        return new Chart(title, kind, unit, categories, ticks, labels, series, scale.y(0));
    }

    /** 1, 2 or 5 times a power of ten, so that about {@value #TICKS} steps cover the range. */
    static long step(long range) {
        if (range <= 0) {
            return 1;
        }
        double raw = range / (double) TICKS;
        long power = 1;
        while (power * 10 <= raw) {
            power *= 10;
        }
        for (long factor : new long[]{1, 2, 5, 10}) {
            if (power * factor >= raw) {
                return power * factor;
            }
        }
        return power * 10;
    }

    private record Scale(long bottom, long top) {
        double y(long value) {
            double plot = HEIGHT - TOP - BOTTOM;
            return TOP + plot * (top - value) / (double) (top - bottom);
        }
    }

    private static String coordinate(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
