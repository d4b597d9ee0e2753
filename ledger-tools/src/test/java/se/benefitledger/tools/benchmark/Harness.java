package se.benefitledger.tools.benchmark;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What every benchmark main needs: elapsed seconds, the service's users, and its temporary data directory gone afterwards. */
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
