package se.benefitledger.api.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDemoTest {

    @Test
    void theEmbeddedRunGetsTheDocumentedEmbeddedDemo() {
        var environment = new StandardEnvironment();
        new EmbeddedDemo().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("ledger.security.users.anna.roles")).isEqualTo("CASEWORKER");
        assertThat(environment.getProperty("ledger.security.users.adam.roles")).isEqualTo("ADMIN");
    }

    @Test
    void anExternalDatabaseHasNoUserUnlessConfigured() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MockPropertySource().withProperty("spring.datasource.url", "jdbc:postgresql://db/ledger"));
        new EmbeddedDemo().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("ledger.security.users.anna.password")).isNull();
    }

    @Test
    void configuredUsersReplaceTheEmbeddedDemo() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MockPropertySource().withProperty("ledger.security.users.eva.password", "{noop}x"));
        new EmbeddedDemo().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("ledger.security.users.anna.password")).isNull();
    }
}
