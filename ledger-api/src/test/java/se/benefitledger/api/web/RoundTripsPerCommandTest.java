package se.benefitledger.api.web;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command's cost on two cores is mostly its round trips to PostgreSQL (each a send, a wait and a wake on both
 * sides), so the number a request thread makes is kept here. Every JDBC call that waits for the database on a request
 * thread is recorded: a statement's execution (a batch is one), a savepoint, a release, a commit, a rollback.
 */
@LedgerApiTest
@Import(RoundTripsPerCommandTest.Recording.class)
class RoundTripsPerCommandTest {

    @LocalServerPort
    int port;

    @Test
    void schedulingAPaymentToAKnownPayeeTakesSixteenRoundTrips() {
        var ledger = new Ledger(port);
        String decision = ledger.decision(ledger.household(Municipalities.fresh()), "2021-03", "5000.00");
        ledger.payment(decision, "100.00", "2021-03-25");

        List<String> trips = recorded(() -> Users.NILS.on(port).post("/api/v1/decisions/" + decision + "/payments",
                Ledger.paymentJson("200.00", "2021-03-25")));

        assertThat(trips).as(String.join("\n", trips))
                         .hasSize(16)
                         .doesNotContain("RELEASE SAVEPOINT")
                         .noneMatch(trip -> trip.contains("INSERT INTO pii_subject") || trip.contains("UPDATE pii_subject"))
                         .filteredOn(trip -> trip.equals("SAVEPOINT")).hasSize(2);
        assertThat(trips.get(0)).as("the key's lock and its answer in one").contains("pg_try_advisory_xact_lock").contains("FROM idempotency_key");
        assertThat(trips.get(trips.size() - 1)).isEqualTo("COMMIT");
    }

    @Test
    void aDecisionTakesElevenRoundTripsAndARegistrationOfTwoMembersFifteen() {
        var ledger = new Ledger(port);
        String municipality = Municipalities.fresh();
        String household = ledger.household(municipality);

        List<String> decision = recorded(() -> Users.NILS.on(port).post("/api/v1/decisions", """
                {"householdId": "%s", "benefitMonth": "2021-03", "outcome": "GRANTED", "legalBasis": "SOL_2025_12_1",
                 "lines": [{"type": "NORM", "amount": "5000.00"}], "incomes": [], "decidedOn": "2021-02-19"}""".formatted(household)));
        List<String> registration = recorded(() -> Users.NILS.on(port).post("/api/v1/households",
                Ledger.householdJson(municipality, People.adult(), People.child())));

        assertThat(decision).as(String.join("\n", decision)).hasSize(11).doesNotContain("RELEASE SAVEPOINT");
        assertThat(registration).as(String.join("\n", registration)).hasSize(15).doesNotContain("RELEASE SAVEPOINT");
    }

    private static List<String> recorded(java.util.function.Supplier<Http.Response> request) {
        Recording.trips.clear();
        Recording.on = true;
        Http.Response response;
        try {
            response = request.get();
        } finally {
            Recording.on = false;
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return List.copyOf(Recording.trips);
    }

    /** Wraps the service's data source so that the request threads' round trips are recorded while {@link #on}. */
    @TestConfiguration
    static class Recording {

        static final List<String> trips = new CopyOnWriteArrayList<>();
        static volatile boolean on;
        private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch",
                "executeLargeBatch");

        @Bean
        static BeanPostProcessor recordingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof HikariDataSource configured && !(bean instanceof Recorded) ? new Recorded(configured) : bean;
                }
            };
        }

        /** A pool like the service's (so that Flyway derives its owner's data source from it as usual) whose connections record. */
        private static final class Recorded extends HikariDataSource {

            Recorded(HikariDataSource configured) {
                configured.copyStateTo(this);
            }

            @Override
            public Connection getConnection() throws SQLException {
                return connection(super.getConnection());
            }
        }

        private static Connection connection(Connection target) {
            return proxy(Connection.class, target, (method, args) -> switch (method.getName()) {
                case "setSavepoint" -> "SAVEPOINT";
                case "releaseSavepoint" -> "RELEASE SAVEPOINT";
                case "commit" -> "COMMIT";
                case "rollback" -> args == null ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT";
                default -> null;
            }, (method, args, result) -> switch (method.getName()) {
                case "prepareStatement", "prepareCall" -> statement(method.getReturnType(), (Statement) result, (String) args[0]);
                case "createStatement" -> statement(Statement.class, (Statement) result, null);
                default -> result;
            });
        }

        private static Object statement(Class<?> type, Statement target, String sql) {
            return proxy(type, target, (method, args) -> EXECUTIONS.contains(method.getName())
                    ? (sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String given ? given : "batch")
                    : null, (method, args, result) -> result);
        }

        private interface Trip {
            String of(Method method, Object[] args);
        }

        private interface Result {
            Object of(Method method, Object[] args, Object result);
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, Object target, Trip trip, Result result) {
            InvocationHandler handler = (proxy, method, args) -> {
                String recorded = trip.of(method, args);
                if (recorded != null && on && Thread.currentThread().getName().contains("-exec-")) {
                    trips.add(recorded.strip().replaceAll("\\s+", " "));
                }
                try {
                    return result.of(method, args, method.invoke(target, args));
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (T) Proxy.newProxyInstance(RoundTripsPerCommandTest.class.getClassLoader(), new Class<?>[]{type}, handler);
        }
    }
}
