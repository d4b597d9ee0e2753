package se.benefitledger.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user of the web console over plain HTTP, as a browser without scripts: logs in through the form, keeps the
 * session cookie, and sends forms with or without the CSRF token the pages carry.
 */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    // the JDK's default policy refuses every cookie of a host without a dot, such as localhost
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    private ConsoleSession(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** Not logged in (yet). */
    public static ConsoleSession anonymous(int port) {
        return new ConsoleSession(port);
    }

    /** Logged in as the user (password "secret"); fails unless the login form redirects to the start page. */
    public static ConsoleSession login(int port, Users user) {
        var session = new ConsoleSession(port);
        var form = new LinkedHashMap<String, String>();
        form.put("username", user.username());
        form.put("password", "secret");
        var answer = session.submit("/console/login", form, session.get("/console/login").body());
        if (answer.status() != 302 || !answer.header("Location").orElse("").endsWith("/console")) {
            throw new IllegalStateException("login of " + user.username() + " answered " + answer.status() + " " + answer.header("Location"));
        }
        return session;
    }

    public Http.Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** A form as the page that carries it would send it: with that page's CSRF token. */
    public Http.Response submit(String path, Map<String, String> fields, String page) {
        var matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("the page has no CSRF token: " + page);
        }
        var withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", matcher.group(1));
        return post(path, withToken);
    }

    /** Exactly these fields, e.g. a form another site makes the browser send (it cannot read the token). */
    public Http.Response post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                            .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/x-www-form-urlencoded")
                               .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The session's cookie header, to send elsewhere. */
    public String cookie() {
        return cookies.getCookieStore().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
    }

    private Http.Response send(HttpRequest.Builder request) {
        try {
            return new Http.Response(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
