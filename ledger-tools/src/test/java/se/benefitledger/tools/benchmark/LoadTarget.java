package se.benefitledger.tools.benchmark;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.benefitledger.api.LedgerApplication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static se.benefitledger.tools.benchmark.Harness.delete;
import static se.benefitledger.tools.benchmark.Harness.withBcryptDemoUsers;

/**
 * The service on a fresh embedded PostgreSQL, with the demo users hashed with bcrypt, for a load
 * generator in a process of its own (e.g. {@code wrk}, see BENCHMARKS.md), until the process is
 * stopped. Arguments are Spring properties ({@code --server.port=8080},
 * {@code --ledger.security.credential-cache.ttl=0s}).
 */
public final class LoadTarget {

    private LoadTarget() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Path home = Files.createTempDirectory("ledger-load-target");
        String[] defaults = {
                "--server.port=8080",
                "--management.server.port=0",
                "--ledger.embedded-postgres.data-directory=" + home.resolve("postgres"),
                "--ledger.embedded-postgres.synchronous-commit=on",
                "--ledger.pii.dev-key-file=" + home.resolve("dev-pii-keys.properties"),
                "--logging.level.root=WARN"};
        // a property given twice would be joined with a comma: the arguments replace the defaults
        var given = Arrays.stream(args).map(LoadTarget::name).collect(Collectors.toSet());
        ConfigurableApplicationContext service = new SpringApplicationBuilder(LedgerApplication.class).profiles("embedded")
                .run(withBcryptDemoUsers(Stream.concat(Arrays.stream(defaults).filter(arg -> !given.contains(name(arg))), Arrays.stream(args))
                                               .toArray(String[]::new)));
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            try {
                delete(home);
            } catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }));
        System.out.printf("load target ready on port %s%n", service.getEnvironment().getProperty("local.server.port"));
        stopped.await();
    }

    private static String name(String argument) {
        return argument.substring(0, argument.contains("=") ? argument.indexOf('=') : argument.length());
    }
}
