package se.benefitledger.api.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Credentials that recently matched their stored hash, so that HTTP Basic does not re-run bcrypt on
 * every request. An entry is an HMAC-SHA256, under a key drawn at random per process, of the
 * username, the stored hash and the presented password: no password is held, a key cannot be
 * computed outside the process, and a changed hash (new configuration) never meets an old entry.
 * Only successful checks are recorded; entries expire after {@code ttl}; at most {@code maxSize}.
 */
final class VerifiedCredentials {

    private final byte[] key = new byte[32];
    private final long ttlNanos;
    private final int maxSize;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Long> expiries = new ConcurrentHashMap<>();

    VerifiedCredentials(Duration ttl, int maxSize, LongSupplier nanoTime) {
        new SecureRandom().nextBytes(key);
        this.ttlNanos = ttl.toNanos();
        this.maxSize = maxSize;
        this.nanoTime = nanoTime;
    }

    boolean contains(String username, String storedHash, String password) {
        if (maxSize == 0) {
            return false;
        }
        String entry = entry(username, storedHash, password);
        Long expiry = expiries.get(entry);
        if (expiry == null) {
            return false;
        }
        if (nanoTime.getAsLong() - expiry >= 0) {
            expiries.remove(entry, expiry);
            return false;
        }
        return true;
    }

    void add(String username, String storedHash, String password) {
        if (maxSize == 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (expiries.size() >= maxSize) {
            expiries.values().removeIf(expiry -> now - expiry >= 0);
            if (expiries.size() >= maxSize) {
                // many distinct credentials at once: start over rather than track recency per entry
                expiries.clear();
            }
        }
        expiries.put(entry(username, storedHash, password), now + ttlNanos);
    }

    int size() {
        return expiries.size();
    }

    private String entry(String username, String storedHash, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (String part : new String[] {username, storedHash, password}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                // length-prefixed, so that ("ab", "c") and ("a", "bc") differ
                mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
