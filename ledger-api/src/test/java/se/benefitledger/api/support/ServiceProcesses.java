package se.benefitledger.api.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** For tests that start the service in a JVM of its own: a free port, waiting for a condition, the end of its log. */
public final class ServiceProcesses {

    private ServiceProcesses() {
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code atMost}. */
    public static void await(String what, Duration atMost, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": not within " + atMost.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    /** The last 40 lines of a service's log, for a failure message. */
    public static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
