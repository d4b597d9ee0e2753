package se.benefitledger.api.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainPasswordsTest {

    private final SecurityProperties plain = new SecurityProperties(null, Map.of(
            "eva", new SecurityProperties.User("{noop}demo", List.of(Role.ADMIN), List.of("*")),
            "olle", new SecurityProperties.User("{bcrypt}$2a$04$kBZsz36kKCW0vFcpC4aGSuAtUP3G/hjRAErpl6R/.XUS2gak/nm0i", List.of(Role.CASEWORKER), List.of("0488"))),
            null, null, null);

    @Test
    void refusesPlainTextPasswordsOutsideTheEmbeddedProfile() {
        assertThatThrownBy(() -> SecurityConfiguration.refusePlainPasswords(plain, false))
                .hasMessageStartingWith("ledger.security.users.eva.password is a plain-text {noop} password");
    }

    @Test
    void allowsThemInTheEmbeddedDevelopmentProfile() {
        assertThatCode(() -> SecurityConfiguration.refusePlainPasswords(plain, true)).doesNotThrowAnyException();
    }
}
