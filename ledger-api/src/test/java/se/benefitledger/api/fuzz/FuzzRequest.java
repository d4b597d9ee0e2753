package se.benefitledger.api.fuzz;

import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Users;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One request as it is sent: the operation it came from, the mutation applied to it (or "valid"),
 * and what the answer must be.
 *
 * @param user    sends Basic credentials when not null; {@code headers} may carry an Authorization of its own
 * @param foreign the request names objects its user may not see; the answer must not name any other of them
 */
record FuzzRequest(String operation, String mutation, Users user, String method, String path, Map<String, String> headers,
                   byte[] body, Expectation expect, Consumer<Http.Response> accepted, boolean foreign) {

    static final int SHOWN_BODY = 2_000;

    FuzzRequest with(String otherMutation, Expectation otherExpect) {
        return new FuzzRequest(operation, otherMutation, user, method, path, headers, body, otherExpect, accepted, foreign);
    }

    FuzzRequest withPath(String otherPath) {
        return new FuzzRequest(operation, mutation, user, method, otherPath, headers, body, expect, accepted, foreign);
    }

    FuzzRequest withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new FuzzRequest(operation, mutation, user, method, path, copy, body, expect, accepted, foreign);
    }

    Http.Response send(int port) {
        Http http = user == null ? Http.to(port) : user.on(port);
        for (var header : headers.entrySet()) {
            http = http.header(header.getKey(), header.getValue());
        }
        return http.send(method, path, body);
    }

    /** The request as a reader reproduces it: user, method, path, headers and the body, escaped and cut to {@value SHOWN_BODY} characters. */
    @Override
    public String toString() {
        var text = new StringBuilder().append(operation).append(" / ").append(mutation).append(": ")
                .append(user == null ? "(no user)" : user.username()).append(' ').append(method).append(' ')
                .append(path.length() > 300 ? path.substring(0, 300) + "…(" + path.length() + " chars)" : path);
        headers.forEach((name, value) -> text.append("\n    ").append(name).append(": ")
                .append(value.length() > 300 ? value.substring(0, 300) + "…" : value));
        if (body.length > 0) {
            text.append("\n    body (").append(body.length).append(" bytes): ").append(escaped(body));
        }
        return text.toString();
    }

    /** The body as text with every byte that is not printable ASCII shown as an escape, so that a failure shows what was sent. */
    static String escaped(byte[] body) {
        var text = new StringBuilder();
        String decoded = new String(body, 0, Math.min(body.length, SHOWN_BODY * 4), StandardCharsets.ISO_8859_1);
        for (int i = 0; i < decoded.length() && text.length() < SHOWN_BODY; i++) {
            char c = decoded.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                text.append(c);
            } else {
                text.append(String.format("\\x%02X", (int) c));
            }
        }
        if (text.length() >= SHOWN_BODY) {
            text.append("…");
        }
        return text.toString();
    }
}
