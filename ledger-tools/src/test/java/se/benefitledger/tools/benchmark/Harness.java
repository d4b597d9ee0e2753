package se.benefitledger.tools.benchmark;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What every benchmark main needs: its options, elapsed seconds, a query timed, the service's users, and its temporary
 * data directory gone afterwards.
 */
final class Harness {

    private Harness() {
    }

    /**
     * The embedded run's demo configuration (users with the password "demo", payout accounts), but with
     * {@code {bcrypt}} hashes at Spring Security's default cost of 10, as production configures them,
     * followed by {@code args}. Configured users replace the whole demo configuration, hence all of it.
     */
    static String[] withBcryptDemoUsers(String... args) throws IOException {
        var demo = PropertiesLoaderUtils.loadProperties(new ClassPathResource("demo.properties"));
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(10).encode("demo");
        Stream<String> users = demo.stringPropertyNames().stream().sorted()
                                   .map(name -> "--" + name + "=" + (name.endsWith(".password") ? hash : demo.getProperty(name)));
        return Stream.concat(users, Stream.of(args)).toArray(String[]::new);
    }

    /** The value of {@code --name=value} among the arguments, else {@code otherwise}. */
    static String option(String[] args, String name, String otherwise) {
        return Arrays.stream(args).filter(arg -> arg.startsWith("--" + name + "=")).map(arg -> arg.substring(name.length() + 3)).findFirst()
                     .orElse(otherwise);
    }

    /** {@code runs} calls timed one after the other, after a fifth as many (at least 3) untimed to warm up. */
    static Latencies time(int runs, Supplier<?> query) {
        for (int i = 0; i < Math.max(3, runs / 5); i++) {
            query.get();
        }
        var nanos = new ArrayList<Long>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.get();
            nanos.add(System.nanoTime() - start);
        }
        return Latencies.of(nanos);
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
