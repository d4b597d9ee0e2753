package se.benefitledger.api.audit;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.TestPostgres;
import se.benefitledger.api.support.Users;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's endpoints that show personal data, row by row: each answer writes exactly one access-log entry
 * per data subject it shows (persons shown unmasked or whose history is shown, payees whose name and account are
 * shown), with actor, role, endpoint and correlation id; answers that show none write none. If the entry cannot be
 * written, the data is not shown.
 */
@LedgerApiTest
class AccessLogCoverageTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    Ledger ledger;
    String municipality;
    String applicant;
    String household;
    Set<UUID> members;
    String decision;
    String payment;
    String otherPayment;
    String batch;
    String otherPayeeSameAccount;

    /** A call, who makes it, and the subjects its answer shows. */
    record Row(String endpoint, Users user, Supplier<Http.Response> call, Supplier<Set<UUID>> shown, String purpose) {
    }

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
        municipality = Municipalities.fresh();
        applicant = People.adult();
        var registered = Users.NILS.on(port).post("/api/v1/households", Ledger.householdJson(municipality, applicant, People.child()));
        household = registered.json("$.householdId");
        members = Set.copyOf(jdbc.sql("SELECT person_id FROM household_member WHERE household_id = ?::uuid").param(household)
                                 .query(UUID.class).list());
        decision = ledger.decision(household, "2021-03", "20000.00");
        payment = ledger.payment(decision, "1000.00", "2021-02-25");
        ledger.payment(decision, "1100.00", "2021-02-25"); // the same payee again: shown once per answer
        otherPayment = Users.NILS.on(port).post("/api/v1/decisions/" + decision + "/payments", """
                {"amount": "2000.00", "dueDate": "2021-02-25", "payee": {"type": "LANDLORD", "name": "Hyresvärden AB", "account": "SE3550000000054910000003"}}""")
                                 .json("$.paymentId");
        batch = ledger.batch(municipality, "2021-02-25").json("$.batchId");
    }

    List<Row> contract() {
        return List.of(
                new Row("GET /households/{id} (unmasked)", Users.INES, () -> get(Users.INES, "/api/v1/households/" + household),
                        () -> members, "SHOWN_UNMASKED"),
                new Row("GET /households?personalIdentityNumber", Users.ALVA,
                        () -> get(Users.ALVA, "/api/v1/households?personalIdentityNumber=" + applicant), () -> members, null),
                new Row("GET /households/{id}/history", Users.INES, () -> get(Users.INES, "/api/v1/households/" + household + "/history"),
                        () -> members, "HISTORY_SHOWN"),
                new Row("GET /payments/{id}", Users.FRIDA, () -> get(Users.FRIDA, "/api/v1/payments/" + payment),
                        () -> payees(payment), "PAYEE_SHOWN"),
                new Row("POST /decisions/{id}/payments", Users.NILS, () -> Users.NILS.on(port).header("X-Request-Id", requestId())
                        .post("/api/v1/decisions/" + ledger.decision(household, "2021-04", "500.00") + "/payments",
                                Ledger.paymentJson("500.00", "2021-04-25")), () -> payees(payment), "PAYEE_SHOWN"),
                new Row("POST /payments/{id}/cancellation", Users.NILS, () -> {
                    String scheduled = ledger.payment(decision, "50.00", "2021-04-25");
                    return Users.NILS.on(port).header("X-Request-Id", requestId()).post("/api/v1/payments/" + scheduled + "/cancellation", """
                            {"reason": "paid twice by mistake"}""");
                }, () -> payees(payment), "PAYEE_SHOWN"),
                new Row("GET /payout-batches/{id}/payments", Users.FRIDA,
                        () -> get(Users.FRIDA, "/api/v1/payout-batches/" + batch + "/payments"), () -> payees(payment, otherPayment),
                        "PAYEE_SHOWN"),
                new Row("GET /payout-batches/{id}/file", Users.ALVA, () -> get(Users.ALVA, "/api/v1/payout-batches/" + batch + "/file"),
                        () -> payees(payment, otherPayment), "BANK_FILE"),
                new Row("GET /payments?payeeAccount", Users.INES, () -> {
                    otherPayeeSameAccount = Users.NILS.on(port).post("/api/v1/decisions/" + decision + "/payments", """
                            {"amount": "100.00", "dueDate": "2021-03-26", "payee": {"type": "LANDLORD", "name": "Someone Else", "account": "83279-123456782"}}""")
                                                  .json("$.paymentId");
                    return get(Users.INES, "/api/v1/payments?municipality=" + municipality + "&payeeAccount=8327-9%20123456782");
                }, () -> payees(payment, otherPayeeSameAccount), "PAYMENTS_SEARCHED_BY_ACCOUNT"),
                new Row("GET /exports/socialstyrelsen", Users.STINA, () -> {
                    ledger.settle(batch, "2021-02-25", payment, "EXECUTED");
                    Projections.awaitCaughtUp(processing, jdbc);
                    return get(Users.STINA, "/api/v1/exports/socialstyrelsen?municipality=" + municipality + "&month=2021-03");
                }, () -> Set.of(person(applicant)), "EXPORTED"),
                new Row("GET /audit/access-log?subjectPersonalIdentityNumber", Users.ALVA,
                        () -> get(Users.ALVA, "/api/v1/audit/access-log?subjectPersonalIdentityNumber=" + applicant),
                        () -> Set.of(person(applicant)), "LOOKED_UP_BY_PERSONNUMMER"),
                // no personal data shown: no entry
                new Row("GET /households/{id} (masked)", Users.NILS, () -> get(Users.NILS, "/api/v1/households/" + household), Set::of, null),
                new Row("GET /decisions/{id}", Users.FRIDA, () -> get(Users.FRIDA, "/api/v1/decisions/" + decision), Set::of, null),
                new Row("GET /payout-batches/{id}", Users.FRIDA, () -> get(Users.FRIDA, "/api/v1/payout-batches/" + batch), Set::of, null));
    }

    @TestFactory
    Stream<DynamicTest> everyAnswerThatShowsPersonalDataLogsEachSubjectOnce() {
        return contract().stream().map(row -> DynamicTest.dynamicTest(row.endpoint(), () -> {
            setUp();
            var response = row.call().get();
            assertThat(response.status()).as(response.toString()).isBetween(200, 201);
            String requestId = response.header("X-Request-Id").orElseThrow();
            var entries = jdbc.sql("SELECT person_id, actor, role, purpose, endpoint, correlation_id FROM pii_access_log WHERE request_id = ?")
                              .param(requestId)
                              .query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                                      rs.getString(5), rs.getString(6)})
                              .list();
            var expected = row.shown().get();
            assertThat(entries.stream().map(entry -> (UUID) entry[0]).toList()).containsExactlyInAnyOrderElementsOf(expected);
            for (var entry : entries) {
                assertThat(entry[1]).isEqualTo(row.user().username());
                assertThat(entry[3]).isNotNull();
                if (row.purpose() != null) {
                    assertThat(entry[3]).isEqualTo(row.purpose());
                }
                assertThat((String) entry[4]).startsWith(row.endpoint().substring(0, row.endpoint().indexOf(' ')) + " /api/v1/");
                assertThat(entry[5]).isEqualTo(response.header("X-Correlation-Id").orElseThrow());
            }
        }));
    }

    @Test
    void aReplayedAnswerIsLoggedAgain() {
        String key = UUID.randomUUID().toString();
        var http = Users.NILS.on(port).header("Idempotency-Key", key);
        String body = Ledger.paymentJson("300.00", "2021-03-25");
        String path = "/api/v1/decisions/" + decision + "/payments";
        http.post(path, body);
        var replay = http.header("X-Request-Id", requestId()).post(path, body);

        assertThat(replay.header("Idempotent-Replayed")).contains("true");
        assertThat(jdbc.sql("SELECT person_id FROM pii_access_log WHERE request_id = ?").param(replay.header("X-Request-Id").orElseThrow())
                       .query(UUID.class).list()).containsExactlyElementsOf(payees(payment));
    }

    /** The contract logs every call of the export: one that shows no one is an entry without a subject, readable by actor. */
    @Test
    void anExportThatShowsNoOneIsLoggedAsACallWithoutASubject() {
        var export = get(Users.STINA, "/api/v1/exports/socialstyrelsen?municipality=" + municipality + "&month=2021-05");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().lines()).hasSize(1);
        String requestId = export.header("X-Request-Id").orElseThrow();
        var entries = jdbc.sql("""
                              SELECT coalesce(person_id::text, '-') || ' ' || coalesce(subject_kind, '-') || ' ' || actor || ' ' || role || ' '
                                     || purpose || ' ' || endpoint || ' ' || municipality || ' ' || correlation_id
                              FROM pii_access_log WHERE request_id = ?""")
                          .param(requestId).query(String.class).list();
        assertThat(entries).containsExactly("- - stina STATISTICS EXPORTED GET /api/v1/exports/socialstyrelsen " + municipality + " "
                                            + export.header("X-Correlation-Id").orElseThrow());

        var log = Users.ALVA.on(port).get("/api/v1/audit/access-log?actor=stina&size=500");
        assertThat(log.<List<String>>json("$.items[?(@.requestId == '" + requestId + "')].purpose")).containsExactly("EXPORTED");
        assertThat(log.<List<Object>>json("$.items[?(@.requestId == '" + requestId + "')].subjectId")).containsExactly((Object) null);
        var csv = Users.ALVA.on(port).header("Accept", "text/csv").get("/api/v1/audit/access-log?actor=stina&size=500");
        assertThat(csv.body().lines().filter(line -> line.contains(requestId)))
                .singleElement().asString().contains(",stina,STATISTICS,,,EXPORTED,");
    }

    @Test
    void whenTheEntryCannotBeWrittenNothingIsShownAndTheCallerMayRetry() throws Exception {
        try (var owner = TestPostgres.asOwner(databaseUrl); var statement = owner.createStatement()) {
            statement.execute("REVOKE INSERT ON pii_access_log FROM " + TestPostgres.SERVICE);
            try {
                var household = get(Users.INES, "/api/v1/households/" + this.household);
                var payment = get(Users.FRIDA, "/api/v1/payments/" + this.payment);
                var file = get(Users.FRIDA, "/api/v1/payout-batches/" + batch + "/file");
                var export = get(Users.STINA, "/api/v1/exports/socialstyrelsen?municipality=" + municipality + "&month=2021-05");
                var scheduled = Users.NILS.on(port).post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("700.00", "2021-03-25"));

                for (var refused : List.of(household, payment, file, export, scheduled)) {
                    assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
                    assertThat(refused.header("Retry-After")).isPresent();
                    assertThat(refused.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                    assertThat(refused.<String>json("$.type")).endsWith("/access-log-unavailable");
                    assertThat(refused.body()).doesNotContain(applicant.substring(0, 8)).doesNotContain("Testsson").doesNotContain("Hyresvärden");
                }
                assertThat(get(Users.NILS, "/api/v1/decisions/" + decision).<String>json("$.committedAmount"))
                        .as("the payment whose answer could not be logged was not scheduled").isEqualTo("4100.00");
            } finally {
                statement.execute("GRANT INSERT ON pii_access_log TO " + TestPostgres.SERVICE);
            }
        }
    }

    private Http.Response get(Users user, String path) {
        return user.on(port).header("X-Request-Id", requestId()).get(path);
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }

    private Set<UUID> payees(String... paymentIds) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT payee_id FROM payment WHERE payment_id = ANY (?::uuid[])").param(paymentIds)
                              .query(UUID.class).list());
    }

    private UUID person(String personnummer) {
        return jdbc.sql("SELECT person_id FROM household_member WHERE household_id = ?::uuid AND role = 'APPLICANT'").param(household)
                   .query(UUID.class).single();
    }
}
