package se.benefitledger.api.support;

import com.jayway.jsonpath.JsonPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A plain HTTP client for tests: real requests over loopback, raw bodies, every header visible. */
public final class Http {

    private static final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Map<String, String> headers;

    private Http(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = headers;
    }

    public static Http to(int port) {
        return new Http("http://localhost:" + port, Map.of());
    }

    public Http as(String user, String password) {
        return header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Http header(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Http(baseUrl, copy);
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    /** A POST with a fresh Idempotency-Key unless one was set with {@link #header}. */
    public Response post(String path, String json) {
        var builder = builder(path).header("Content-Type", "application/json")
                                   .POST(HttpRequest.BodyPublishers.ofString(json));
        if (!headers.containsKey("Idempotency-Key")) {
            builder.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return send(builder);
    }

    /** A POST of an XML document, with a fresh Idempotency-Key unless one was set with {@link #header}. */
    public Response postXml(String path, String xml) {
        var builder = builder(path).header("Content-Type", "application/xml")
                                   .POST(HttpRequest.BodyPublishers.ofString(xml));
        if (!headers.containsKey("Idempotency-Key")) {
            builder.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return send(builder);
    }

    /** Exactly the headers set with {@link #header} and exactly these bytes: requests no well-behaved client sends. */
    public Response send(String method, String path, byte[] body) {
        return send(builder(path).method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder builder(String path) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            return new Response(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public <T> T json(String path) {
            return JsonPath.read(raw.body(), path);
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
