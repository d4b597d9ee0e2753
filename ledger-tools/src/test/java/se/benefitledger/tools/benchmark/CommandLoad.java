package se.benefitledger.tools.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static se.benefitledger.tools.benchmark.Harness.option;
import static se.benefitledger.tools.benchmark.Harness.seconds;

/**
 * The national benchmark's command mix (each client in turn registers a household, makes a decision and schedules two
 * payments, every POST with a new Idempotency-Key, as {@code anna}) against a {@link LoadTarget} running in another
 * process, from this one: a warm-up, then {@code --runs} measured runs of {@code --seconds} each. For each run it prints
 * the commands per second, their p50 and p99, and the CPU per command of the target's JVM, of PostgreSQL and of this
 * client, read from {@code /proc} (the target is the process running {@code LoadTarget}).
 * Options (these are the defaults): {@code --port=8080 --clients=16 --warmup=80 --seconds=20 --runs=3 --first-person=0}, and
 * {@code --target-pid} for a target other than a {@code LoadTarget}. A second load against the same target needs applicants
 * the first did not register: the {@code --first-person} that the first printed at its end. {@link #inOwnProcess} is how
 * {@link LedgerBenchmark} runs it: the service's JVM then carries none of the load generator's threads, CPU or heap.
 */
public final class CommandLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An answer slower than this fails the load (and with it the benchmark) instead of stalling it. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(1);
    private static final String ANNA = "Basic " + Base64.getEncoder().encodeToString("anna:demo".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final int clients;
    private final AtomicLong persons = new AtomicLong();

    private CommandLoad(int port, int clients) {
        this.base = "http://localhost:" + port;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        var load = new CommandLoad(Integer.parseInt(option(args, "port", "8080")), Integer.parseInt(option(args, "clients", "16")));
        load.persons.set(Long.parseLong(option(args, "first-person", "0")));
        String pid = option(args, "target-pid", "");
        Path target = pid.isEmpty() ? target() : Path.of("/proc", pid);
        double warmup = Double.parseDouble(option(args, "warmup", "80"));
        double seconds = Double.parseDouble(option(args, "seconds", "20"));
        int runs = Integer.parseInt(option(args, "runs", "3"));
        System.out.printf("%d clients against %s (process %s): warm-up %.0f s, then %d runs of %.0f s%n", load.clients, load.base,
                target.getFileName(), warmup, runs, seconds);
        var warm = load.run(warmup);
        System.out.printf("warm-up: %,d commands, %.0f commands/s%n", warm.count(), warm.count() / warmup);
        for (int run = 1; run <= runs; run++) {
            CpuSeconds service = CpuSeconds.of(target);
            CpuSeconds client = CpuSeconds.now();
            long started = System.nanoTime();
            Latencies latencies = load.run(seconds);
            double took = seconds(started);
            CpuSeconds serviceUsed = CpuSeconds.of(target).minus(service);
            CpuSeconds clientUsed = CpuSeconds.now().minus(client);
            double perCommand = 1000.0 / latencies.count();
            System.out.printf("run %d: %,d commands in %.1f s = %,.0f commands/s, %s; CPU per command: service JVM %.2f ms, "
                              + "PostgreSQL %.2f ms, this client %.2f ms%n", run, latencies.count(), took, latencies.count() / took, latencies,
                    serviceUsed.jvm() * perCommand, serviceUsed.postgres() * perCommand, clientUsed.jvm() * perCommand);
            System.out.println(new Result(latencies, took, serviceUsed.jvm() * perCommand, serviceUsed.postgres() * perCommand).line());
        }
        System.out.printf("next load against this target: --first-person=%d%n", load.persons.get());
    }

    /**
     * One run of {@code clients} clients for {@code seconds} after {@code warmup} seconds against the service on {@code port}
     * in this JVM, by this class in a JVM of its own (this one's class path, 256 MB of heap); its output is printed here,
     * indented. Fails with the load's own failure (an answer other than 201) when it has one.
     */
    static Result inOwnProcess(int port, int clients, double warmup, double seconds) throws IOException, InterruptedException {
        var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), CommandLoad.class.getName(), "--port=" + port, "--clients=" + clients,
                "--warmup=" + warmup, "--seconds=" + seconds, "--runs=1", "--target-pid=" + ProcessHandle.current().pid())
                .redirectErrorStream(true)
                .start();
        System.out.printf("REST commands: the load generator is process %d, the service's JVM %d%n", process.pid(),
                ProcessHandle.current().pid());
        Result result = null;
        var output = new StringBuilder();
        try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println("  " + line);
                output.append(line).append('\n');
                if (line.startsWith(Result.PREFIX)) {
                    result = Result.parse(line);
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the load generator ended with " + process.exitValue() + ": " + output);
        }
        return result;
    }

    /** A run's figures as the line it prints for {@link #inOwnProcess}: commands, seconds, latencies, CPU ms per command. */
    record Result(Latencies latencies, double seconds, double serviceJvmMs, double postgresMs) {

        static final String PREFIX = "result: ";

        double perSecond() {
            return latencies.count() / seconds;
        }

        String line() {
            return PREFIX + String.format(Locale.ROOT, "%d %.3f %.3f %.3f %.3f %.4f %.4f", latencies.count(), seconds, latencies.p50(),
                    latencies.p99(), latencies.max(), serviceJvmMs, postgresMs);
        }

        static Result parse(String line) {
            String[] f = line.substring(PREFIX.length()).split(" ");
            return new Result(new Latencies(Long.parseLong(f[0]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])),
                    Double.parseDouble(f[1]), Double.parseDouble(f[5]), Double.parseDouble(f[6]));
        }
    }

    /** The process running LoadTarget (its /proc directory). */
    private static Path target() throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                            .filter(path -> {
                                try {
                                    return Files.readString(path.resolve("cmdline")).contains(LoadTarget.class.getName());
                                } catch (IOException gone) {
                                    return false;
                                }
                            })
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("no LoadTarget runs on this machine: start it first (BENCHMARKS.md)"));
        }
    }

    private Latencies run(double seconds) throws Exception {
        var latencies = new ConcurrentLinkedQueue<Long>();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(threads.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        CaseworkerRound.run((path, body, idField) -> post(latencies, path, body, idField), "0488", persons.getAndIncrement(),
                                YearMonth.of(2026, 1), LocalDate.of(2025, 12, 23));
                    }
                    return null;
                }));
            }
            for (var future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return Latencies.of(latencies);
    }

    private String post(ConcurrentLinkedQueue<Long> latencies, String path, String body, String idField) throws Exception {
        long started = System.nanoTime();
        var response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                                            .timeout(REQUEST_TIMEOUT)
                                            .header("Authorization", ANNA)
                                            .header("Content-Type", "application/json")
                                            .header("Idempotency-Key", UUID.randomUUID().toString())
                                            .POST(HttpRequest.BodyPublishers.ofString(body))
                                            .build(), HttpResponse.BodyHandlers.ofString());
        latencies.add(System.nanoTime() - started);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get(idField).asText();
    }
}
