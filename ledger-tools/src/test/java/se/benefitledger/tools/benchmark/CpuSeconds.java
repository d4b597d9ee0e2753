package se.benefitledger.tools.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds used so far, from Linux's {@code /proc}: by this JVM's threads, of which its JIT compiler threads and its
 * collector's (neither are Java threads, so {@code ThreadMXBean} does not see them), and by every process named
 * {@code postgres} on the machine (the embedded server's postmaster and backends, and the backends that have exited:
 * the postmaster has reaped them, so they are in its children's time; without that, a pool closing its connections
 * between two readings made PostgreSQL's CPU negative). All zero where there is no {@code /proc}.
 */
record CpuSeconds(double jvm, double compiler, double gc, double postgres) {

    /** Linux's clock ticks per second ({@code getconf CLK_TCK}), 100 on every kernel we run on. */
    private static final double TICKS = 100.0;

    static CpuSeconds now() {
        return of(Path.of("/proc/self"));
    }

    /** The same for another JVM: the process whose {@code /proc} directory this is. */
    static CpuSeconds of(Path process) {
        double jvm = 0;
        double compiler = 0;
        double gc = 0;
        double postgres = 0;
        try (Stream<Path> tasks = Files.list(process.resolve("task")); Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path task : tasks.toList()) {
                Stat stat = Stat.of(task);
                if (stat == null) {
                    continue;
                }
                jvm += stat.seconds();
                if (stat.name().contains("CompilerThre")) {
                    compiler += stat.seconds();
                } else if (stat.name().startsWith("GC Thread") || stat.name().startsWith("G1 ")) {
                    gc += stat.seconds();
                }
            }
            for (Path other : processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                Stat stat = Stat.of(other);
                if (stat != null && stat.name().equals("postgres")) {
                    postgres += stat.seconds() + stat.reapedChildrenSeconds();
                }
            }
        } catch (IOException | RuntimeException noProc) {
            return new CpuSeconds(0, 0, 0, 0);
        }
        return new CpuSeconds(jvm, compiler, gc, postgres);
    }

    CpuSeconds minus(CpuSeconds before) {
        return new CpuSeconds(jvm - before.jvm, compiler - before.compiler, gc - before.gc, postgres - before.postgres);
    }

    /** A thread's or process's name, its user and system time, and that of its children it has waited for. */
    private record Stat(String name, double seconds, double reapedChildrenSeconds) {

        /** Null when it has gone meanwhile. */
        static Stat of(Path directory) {
            String line;
            try {
                line = Files.readString(directory.resolve("stat"));
            } catch (IOException gone) {
                return null;
            }
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // utime, stime, cutime and cstime: the 14th to 17th fields of the whole line
            return new Stat(line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')),
                    (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS,
                    (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS);
        }
    }
}
