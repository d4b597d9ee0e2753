package se.benefitledger.tools.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;

/**
 * The read-model benchmarks' database: an embedded PostgreSQL of their own, migrated as the service migrates it,
 * with one connection kept open, as the service's pool keeps them (a new connection per query would be timed too),
 * and the projections' beans wired on it as the service wires them.
 */
final class MigratedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    final SingleConnectionDataSource dataSource;
    final JdbcClient jdbc;

    private MigratedDatabase(EmbeddedPostgres postgres) throws SQLException {
        this.postgres = postgres;
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
              .placeholders(Map.of("service_role", "postgres")).load().migrate();
        this.dataSource = new SingleConnectionDataSource(postgres.getPostgresDatabase().getConnection(), true);
        this.jdbc = JdbcClient.create(dataSource);
    }

    static MigratedDatabase start() throws IOException, SQLException {
        return new MigratedDatabase(EmbeddedPostgres.builder().setServerConfig("fsync", "off").start());
    }

    /** The beans of these classes (package-private ones by name), on this database's connection; call once. */
    AnnotationConfigApplicationContext wire(Class<?>... beans) {
        context.registerBean(JdbcClient.class, () -> jdbc);
        context.registerBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource));
        for (Class<?> bean : beans) {
            context.registerBean(bean);
        }
        context.refresh();
        return context;
    }

    @Override
    public void close() throws IOException {
        context.close();
        dataSource.destroy();
        postgres.close();
    }
}
