package se.benefitledger.api.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test's Spring context at a fresh database on the JVM's test PostgreSQL. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + TestPostgres.newDatabase(),
                "spring.datasource.username=" + TestPostgres.SERVICE,
                "spring.flyway.user=" + TestPostgres.OWNER
        ).applyTo(context);
    }
}
