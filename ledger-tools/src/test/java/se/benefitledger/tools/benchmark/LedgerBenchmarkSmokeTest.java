package se.benefitledger.tools.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark of BENCHMARKS.md at a tiny size (S, two months, a few seconds of REST load), so
 * that it cannot rot: in a JVM of its own, as {@code -Pledger-benchmark} runs it, without writing
 * BENCHMARKS.md.
 */
class LedgerBenchmarkSmokeTest {

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(\\.\\d+)?");
    private static final Pattern LOAD_GENERATOR = Pattern.compile("the load generator is process (\\d+), the service's JVM (\\d+)");

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void printsEveryFigureOfTheTable(@TempDir Path directory) throws Exception {
        Path benchmarks = directory.resolve("BENCHMARKS.md");
        var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"), LedgerBenchmark.class.getName(),
                "--size", "S", "--months", "2025-01..2025-02", "--report-requests", "20", "--rest-seconds", "3",
                "--benchmarks-file", benchmarks.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();

        List<String> table = output.lines().filter(line -> line.startsWith("| ")).toList();
        assertThat(table).as(output).hasSize(1 + 8);
        assertThat(table.get(0)).isEqualTo("| measure | ours | limit, same run | ours / limit | target | met |");
        for (String row : table.subList(1, table.size())) {
            String[] cells = row.split(" \\| ");
            var ours = NUMBER.matcher(cells[1]);
            var ratio = cells[3].trim();
            assertThat(ours.find()).as(row).isTrue();
            assertThat(Double.parseDouble(ours.group().replace(",", ""))).as(row).isPositive();
            assertThat(Double.parseDouble(ratio)).as(row).isPositive();
        }
        assertThat(table).anyMatch(row -> row.startsWith("| load: S month"))
                         .anyMatch(row -> row.startsWith("| rebuild: 6 projections at once"))
                         .anyMatch(row -> row.startsWith("| report duration-buckets"))
                         .anyMatch(row -> row.startsWith("| REST commands, 16 clients in a process of their own"))
                         .anyMatch(row -> row.startsWith("| peak heap"));
        var processes = LOAD_GENERATOR.matcher(output);
        assertThat(processes.find()).as(output).isTrue();
        assertThat(processes.group(1)).as("the REST load comes from another process than the service's").isNotEqualTo(processes.group(2));
        assertThat(output).contains("  " + CommandLoad.Result.PREFIX);
        assertThat(output).as("the commit measured").containsPattern("ledger benchmark: commit (`[0-9a-f]+`( with uncommitted changes)?|unknown); ");
        assertThat(benchmarks).as("the smoke run writes no figures").doesNotExist();
    }
}
