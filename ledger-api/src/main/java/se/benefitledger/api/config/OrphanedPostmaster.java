package se.benefitledger.api.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL runs beside the service, not as its child (zonky starts it through {@code pg_ctl}), and the
 * service stops it when it stops. A service killed with SIGKILL (or out of memory) cannot: the server keeps running on
 * the data directory, and the next start's server then refuses that directory. Before the next start, a server still
 * named in the directory's {@code postmaster.pid}, and running on that directory, is stopped, but only when no live
 * service holds the directory's lock file (zonky's {@value #LOCK_FILE}, which each embedded start holds until it
 * stops): a second service on the same directory is refused by zonky, not robbed of its database.
 */
final class OrphanedPostmaster {

    private static final String LOCK_FILE = "epg-lock";
    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private OrphanedPostmaster() {
    }

    /** Stops the server left running in {@code dataDirectory} by a service that no longer runs; waits at most {@code atMost}. */
    static void stopIfLeftBehind(Path dataDirectory, Duration atMost) throws IOException {
        Optional<ProcessHandle> postmaster = runningPostmaster(dataDirectory);
        if (postmaster.isEmpty() || heldByALiveService(dataDirectory)) {
            return;
        }
        long pid = postmaster.get().pid();
        log.warn("PostgreSQL (pid {}) still runs in {}, left by a service that stopped without stopping it; stopping it", pid, dataDirectory);
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (pid " + pid + ") left running in " + dataDirectory + " did not stop within "
                    + atMost.toSeconds() + " s; stop it, then start the service again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot wait for PostgreSQL (pid " + pid + ") to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PostgreSQL (pid " + pid + ") stopped", e);
        }
    }

    /**
     * The process {@code postmaster.pid} names, if it is alive and a PostgreSQL server on this directory: after a reboot
     * the file may name a pid that now belongs to another process, even another PostgreSQL.
     */
    private static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        Path directory = dataDirectory.toAbsolutePath().normalize();
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                            .filter(ProcessHandle::isAlive)
                            .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                            .filter(process -> process.info().arguments().stream().flatMap(Stream::of)
                                                      .anyMatch(argument -> isDirectory(argument, directory)));
    }

    private static boolean isDirectory(String argument, Path directory) {
        try {
            return Path.of(argument).toAbsolutePath().normalize().equals(directory);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean heldByALiveService(Path dataDirectory) throws IOException {
        try (var channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            var lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }
}
