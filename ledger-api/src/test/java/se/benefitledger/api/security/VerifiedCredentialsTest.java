package se.benefitledger.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedCredentialsTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger hashChecks = new AtomicInteger();
    private final PasswordEncoder countingBcrypt = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final Map<String, String> hashes = new ConcurrentHashMap<>(Map.of("anna", bcrypt.encode("secret")));
    private final UserDetailsService users = name -> {
        String hash = hashes.get(name);
        if (hash == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        return new LedgerUserDetails(new LedgerUser(name, List.of(Role.CASEWORKER), MunicipalityScope.of(List.of("0488"))), hash);
    };
    private final AtomicLong now = new AtomicLong();
    private final VerifiedCredentialsAuthenticationProvider provider = new VerifiedCredentialsAuthenticationProvider(
            users, countingBcrypt, new VerifiedCredentials(Duration.ofMinutes(5), 100, now::get));

    @Test
    void rightCredentialsAreHashedOnceAndThenRecognised() {
        for (int request = 0; request < 5; request++) {
            assertThat(authenticate("anna", "secret").isAuthenticated()).isTrue();
        }

        assertThat(hashChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsHashedEveryTimeAndNeverRemembered() {
        authenticate("anna", "secret");

        for (int request = 0; request < 3; request++) {
            assertThatThrownBy(() -> authenticate("anna", "Secret")).isInstanceOf(BadCredentialsException.class);
        }

        assertThat(hashChecks).hasValue(4);
    }

    @Test
    void theSamePasswordOfAnotherUserIsCheckedAgainstThatUsersHash() {
        hashes.put("carl", bcrypt.encode("other"));
        authenticate("anna", "secret");

        assertThatThrownBy(() -> authenticate("carl", "secret")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aChangedHashRefusesTheOldPasswordAndChecksTheNewOne() {
        authenticate("anna", "secret");

        hashes.put("anna", bcrypt.encode("new secret"));

        assertThatThrownBy(() -> authenticate("anna", "secret")).isInstanceOf(BadCredentialsException.class);
        assertThat(authenticate("anna", "new secret").isAuthenticated()).isTrue();
        assertThat(hashChecks).hasValue(3);
    }

    @Test
    void aRemovedUserIsRefusedAtOnce() {
        authenticate("anna", "secret");

        hashes.remove("anna");

        assertThatThrownBy(() -> authenticate("anna", "secret")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void credentialsAreHashedAgainOnceTheirTimeIsUp() {
        authenticate("anna", "secret");

        now.addAndGet(Duration.ofMinutes(5).toNanos());
        authenticate("anna", "secret");
        authenticate("anna", "secret");

        assertThat(hashChecks).hasValue(2);
    }

    @Test
    void holdsNoMoreThanItsMaximumNumberOfCredentials() {
        var verified = new VerifiedCredentials(Duration.ofMinutes(5), 3, now::get);

        for (int user = 0; user < 10; user++) {
            verified.add("user" + user, "{bcrypt}hash", "secret");
        }

        assertThat(verified.size()).isLessThanOrEqualTo(3);
        assertThat(verified.contains("user9", "{bcrypt}hash", "secret")).isTrue();
    }

    @Test
    void aTtlOfZeroHashesEveryRequest() {
        var cache = new SecurityProperties.CredentialCache(Duration.ZERO, null);
        var uncached = new VerifiedCredentialsAuthenticationProvider(users, countingBcrypt,
                new VerifiedCredentials(cache.ttl(), cache.maxSize(), now::get));

        uncached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("anna", "secret"));
        uncached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("anna", "secret"));

        assertThat(hashChecks).hasValue(2);
    }

    private Authentication authenticate(String username, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }
}
