package se.benefitledger.tools.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Photographs a console page of a running service for the docs (docs/published-figures.md): logs in through the
 * console's form as the given user, opens the page, saves a PNG of the whole page (with the header naming the user) and prints the figures of
 * its tables, as the page has them. It drives Debian's chromium through chromedriver's W3C WebDriver protocol with the
 * JDK's HTTP client, so it needs no build and no Selenium:
 * <pre>
 * java ledger-tools/src/test/java/se/benefitledger/tools/demo/ConsoleScreenshot.java \
 *     http://localhost:8080 rut:demo "/console/trends?municipality=0486&amp;to=2021-12" docs/images/trends-0486.png
 * </pre>
 */
final class ConsoleScreenshot {

    private static final String BROWSER = System.getProperty("console.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("console.chromedriver", "/usr/bin/chromedriver");
    private static final int WIDTH = Integer.getInteger("console.width", 1000);
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final String TABLES = """
            return Array.from(document.querySelectorAll('section.chart')).map(section =>
                section.querySelector('h2').textContent + '\\n' + Array.from(section.querySelectorAll('table tr'))
                    .map(row => Array.from(row.cells).map(cell => cell.textContent.trim()).join('\\t')).join('\\n')).join('\\n\\n');
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String driver;
    private String session;

    private ConsoleScreenshot(String driver) {
        this.driver = driver;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 || !args[1].contains(":")) {
            System.err.println("usage: ConsoleScreenshot <service url> <user:password> <console path> <png file>");
            System.exit(2);
        }
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path profile = Files.createTempDirectory("console-screenshot");
        Process chromedriver = new ProcessBuilder(DRIVER, "--port=" + port).redirectErrorStream(true)
                                                                           .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var browser = new ConsoleScreenshot("http://localhost:" + port);
            browser.start(profile);
            try {
                String service = args[0].replaceAll("/+$", "");
                int colon = args[1].indexOf(':');
                browser.logIn(service, args[1].substring(0, colon), args[1].substring(colon + 1));
                browser.open(service + args[2]);
                Path png = Path.of(args[3]);
                Files.write(png, browser.screenshotOfPage());
                System.out.println(browser.script(TABLES));
                System.err.printf("%s: %,d bytes%n", png, Files.size(png));
            } finally {
                browser.call("DELETE", "/session/" + browser.session, null);
            }
        } finally {
            chromedriver.destroy();
            chromedriver.waitFor();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void start(Path profile) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                call("GET", "/status", null);
                break;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        String arguments = Stream.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                         "--hide-scrollbars", "--lang=sv-SE", "--window-size=" + WIDTH + ",1000", "--user-data-dir=" + profile)
                                 .map(ConsoleScreenshot::quoted).reduce((a, b) -> a + "," + b).orElseThrow();
        String answer = call("POST", "/session", "{\"capabilities\":{\"alwaysMatch\":{\"browserName\":\"chrome\",\"goog:chromeOptions\":{\"binary\":"
                + quoted(BROWSER) + ",\"args\":[" + arguments + "]}}}}");
        session = match(answer, "\"sessionId\"\\s*:\\s*\"([^\"]+)\"");
    }

    private void logIn(String service, String user, String password) throws IOException, InterruptedException {
        open(service + "/console/login");
        call("POST", path("/element/" + element("#username") + "/value"), "{\"text\":" + quoted(user) + "}");
        call("POST", path("/element/" + element("#password") + "/value"), "{\"text\":" + quoted(password) + "}");
        call("POST", path("/element/" + element("#login") + "/click"), "{}");
        String at = value(call("GET", path("/url"), null));
        if (at.contains("/console/login")) {
            throw new IllegalStateException(user + " could not log in: the browser is still on " + at);
        }
    }

    private void open(String url) throws IOException, InterruptedException {
        call("POST", path("/url"), "{\"url\":" + quoted(url) + "}");
    }

    /** The page in a window as tall as it, so that no chart is cut off. */
    private byte[] screenshotOfPage() throws IOException, InterruptedException {
        long height = Long.parseLong(script("return String(document.body.scrollHeight)"));
        call("POST", path("/window/rect"), "{\"width\":" + WIDTH + ",\"height\":" + (height + 200) + "}");
        return Base64.getDecoder().decode(value(call("GET", path("/element/" + element("body") + "/screenshot"), null)));
    }

    private String script(String source) throws IOException, InterruptedException {
        return value(call("POST", path("/execute/sync"), "{\"script\":" + quoted(source) + ",\"args\":[]}"));
    }

    private String element(String css) throws IOException, InterruptedException {
        return match(call("POST", path("/element"), "{\"using\":\"css selector\",\"value\":" + quoted(css) + "}"),
                "\"" + ELEMENT + "\"\\s*:\\s*\"([^\"]+)\"");
    }

    private String path(String command) {
        return "/session/" + session + command;
    }

    private String call(String method, String path, String body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(driver + path)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                 .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                                 .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** A string {@code value} of a WebDriver answer, unescaped. */
    private static String value(String answer) {
        String escaped = match(answer, "\"value\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");
        var text = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char next = escaped.charAt(++i);
            switch (next) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'u' -> {
                    text.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> text.append(next);
            }
        }
        return text.toString();
    }

    private static String match(String answer, String regex) {
        var matcher = Pattern.compile(regex).matcher(answer);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected WebDriver answer: " + answer);
        }
        return matcher.group(1);
    }

    private static String quoted(String text) {
        var json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\t' -> json.append("\\t");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
