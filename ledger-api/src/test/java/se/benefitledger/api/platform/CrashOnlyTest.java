package se.benefitledger.api.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash-only (issue 12): after an {@code OutOfMemoryError} a JVM can keep its port and database while answering
 * nothing, so every way the service is run exits instead and is restarted; a restart converges ({@link KillNineTest}).
 */
class CrashOnlyTest {

    private static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";
    private static final Path ROOT = Path.of("..");

    @Test
    void theImageExitsOnOutOfMemory() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        var entrypoint = Pattern.compile("^ENTRYPOINT \\[(.*?)]$", Pattern.MULTILINE | Pattern.DOTALL).matcher(dockerfile);
        assertThat(entrypoint.find()).as("the Dockerfile has an ENTRYPOINT").isTrue();
        assertThat(entrypoint.group(1)).contains("\"" + EXIT_ON_OOM + "\"");
    }

    @Test
    void theMavenRunExitsOnOutOfMemory() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        var jvmArguments = Pattern.compile("<jvmArguments>(.*?)</jvmArguments>", Pattern.DOTALL).matcher(pom);
        assertThat(jvmArguments.find()).as("spring-boot:run has jvmArguments").isTrue();
        assertThat(jvmArguments.group(1).split("\\s+")).contains(EXIT_ON_OOM);
    }

    @Test
    void everyDocumentedJavaCommandExitsOnOutOfMemory() throws IOException {
        for (Path page : List.of(ROOT.resolve("README.md"), ROOT.resolve("docs/operations.md"))) {
            var javaCommands = Files.readAllLines(page).stream().filter(line -> line.matches("\\s*java .*-jar .*")).toList();
            assertThat(javaCommands).as("java -jar lines in %s", page).allSatisfy(line -> assertThat(line).contains(EXIT_ON_OOM));
        }
        assertThat(Files.readString(ROOT.resolve("README.md"))).as("README documents the java -jar line").contains("java " + EXIT_ON_OOM + " -jar");
    }
}
