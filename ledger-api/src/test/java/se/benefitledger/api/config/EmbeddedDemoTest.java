package se.benefitledger.api.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDemoTest {

    @Test
    void theEmbeddedRunGetsTheDocumentedEmbeddedDemo() {
        var environment = embedded();
        demo().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("ledger.security.users.anna.roles")).isEqualTo("CASEWORKER");
        assertThat(environment.getProperty("ledger.security.users.adam.roles")).isEqualTo("ADMIN");
    }

    @Test
    void withoutTheEmbeddedProfileThereIsNoDemoUser() {
        var environment = new StandardEnvironment();
        demo().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("ledger.security.users.anna.password")).isNull();
    }

    @Test
    void anExternalDatabaseHasNoUserUnlessConfigured() {
        var environment = embedded();
        environment.getPropertySources().addFirst(new MockPropertySource().withProperty("spring.datasource.url", "jdbc:postgresql://db/ledger"));
        demo().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("ledger.security.users.anna.password")).isNull();
    }

    @Test
    void configuredUsersReplaceTheEmbeddedDemo() {
        var environment = embedded();
        environment.getPropertySources().addFirst(new MockPropertySource().withProperty("ledger.security.users.eva.password", "{noop}x"));
        demo().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("ledger.security.users.anna.password")).isNull();
    }

    private static StandardEnvironment embedded() {
        var environment = new StandardEnvironment();
        environment.setActiveProfiles("embedded");
        return environment;
    }

    private static EmbeddedDemo demo() {
        return new EmbeddedDemo(new DeferredLogs());
    }
}
