package se.benefitledger.tools.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class CpuSecondsTest {

    @Test
    void countsTheCpuOfAPostgresBackendThatHasExited() throws Exception {
        assumeThat(Files.isDirectory(Path.of("/proc/self/task"))).as("Linux's /proc").isTrue();
        try (var postgres = EmbeddedPostgres.builder().start()) {
            CpuSeconds before = CpuSeconds.now();
            try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
                statement.execute("select count(*) from generate_series(1, 5000000)");
            }
            double used = 0;
            for (int poll = 0; poll < 50 && used < 0.2; poll++) {
                Thread.sleep(100);
                used = CpuSeconds.now().minus(before).postgres();
            }
            assertThat(used).as("PostgreSQL's CPU seconds after its backend exited").isGreaterThanOrEqualTo(0.2);
        }
    }
}
