package se.benefitledger.api.config;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The development run ({@code embedded} profile, no {@code spring.datasource.url}) comes with
 * documented demo users so that the README's curl examples work, and with demo accounts for its
 * municipalities' bank files, and says so with a warning. Outside that profile, with an external
 * database, or once any user is configured, neither exists.
 */
public class EmbeddedDemo implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    public EmbeddedDemo(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDemo.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean embedded = environment.acceptsProfiles(Profiles.of(DataSourceRequirement.EMBEDDED_PROFILE));
        boolean external = environment.containsProperty(DataSourceRequirement.PROPERTY);
        boolean configured = Binder.get(environment).bind("ledger.security.users", Bindable.mapOf(String.class, Object.class)).isBound();
        if (!embedded || external || configured) {
            return;
        }
        try {
            new PropertiesPropertySourceLoader().load("demo", new ClassPathResource("demo.properties"))
                                                .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.warn("Development instance ('" + DataSourceRequirement.EMBEDDED_PROFILE + "' profile): demo users anna, fredrik, ingrid, "
                + "alva, rut and adam with the password 'demo' (adam is ADMIN, alva AUDITOR of every municipality). Never for real data.");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
