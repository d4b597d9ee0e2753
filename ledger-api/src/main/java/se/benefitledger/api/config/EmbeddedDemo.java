package se.benefitledger.api.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The embedded default run (no {@code spring.datasource.url}) comes with documented demo users
 * so that the README's curl examples work, and with demo accounts for its municipalities' bank
 * files. With an external database, or once any user is configured, neither exists.
 */
public class EmbeddedDemo implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean external = environment.containsProperty("spring.datasource.url");
        boolean configured = Binder.get(environment).bind("ledger.security.users", Bindable.mapOf(String.class, Object.class)).isBound();
        if (external || configured) {
            return;
        }
        try {
            new PropertiesPropertySourceLoader().load("demo", new ClassPathResource("demo.properties"))
                                                .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
