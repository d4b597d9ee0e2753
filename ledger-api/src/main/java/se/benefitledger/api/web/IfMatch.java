package se.benefitledger.api.web;

import se.benefitledger.api.problem.InvalidRequestException;

import java.util.regex.Pattern;

/** Reads the {@code If-Match} header of a POST on a resource: the aggregate version the client last saw. */
public final class IfMatch {

    private static final Pattern VERSION = Pattern.compile("(W/)?\"(\\d{1,18})\"");

    private IfMatch() {
    }

    /** The expected version, or null when the header is absent or {@code *} (no expectation). */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        var matcher = VERSION.matcher(header.trim());
        if (!matcher.matches()) {
            throw new InvalidRequestException("If-Match", "must be an ETag from a GET of this resource, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(2));
    }
}
