package se.benefitledger.api.privacy;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.Users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure by crypto-shredding: afterwards every answer shows the person (and their household's own payee) as
 * erased, including the household's history, payment views, an old batch's bank file and idempotent replays, while
 * no amount, count or report changes by a single byte.
 */
@LedgerApiTest
@ExtendWith(OutputCaptureExtension.class)
class ErasureTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    RetentionQueries retention;
    @Autowired
    ErasureService erasures;

    Ledger ledger;
    String municipality;
    String applicant;
    String child;
    String household;
    String payeeName;
    String householdPayment;
    String landlordPayment;
    String batch;
    String paymentKey;
    String paymentRequest;
    String paymentPath;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
        municipality = Municipalities.fresh();
        applicant = People.adult();
        child = People.child();
        household = Users.NILS.on(port).post("/api/v1/households", Ledger.householdJson(municipality, applicant, child)).json("$.householdId");
        String decision = ledger.decision(household, "2021-03", "20000.00");
        payeeName = "Erika " + letters();
        paymentKey = UUID.randomUUID().toString();
        paymentPath = "/api/v1/decisions/" + decision + "/payments";
        paymentRequest = """
                {"amount": "8000.00", "dueDate": "2021-02-25", "payee": {"type": "HOUSEHOLD", "name": "%s", "account": "8327-9 123456782"}}"""
                .formatted(payeeName);
        householdPayment = Users.NILS.on(port).header("Idempotency-Key", paymentKey).post(paymentPath, paymentRequest).json("$.paymentId");
        landlordPayment = Users.NILS.on(port).post(paymentPath, """
                {"amount": "6100.00", "dueDate": "2021-02-25", "payee": {"type": "LANDLORD", "name": "Hyresvärden AB", "account": "SE3550000000054910000003"}}""")
                                .json("$.paymentId");
        batch = ledger.batch(municipality, "2021-02-25").json("$.batchId");
        ledger.settle(batch, "2021-02-25", householdPayment, "EXECUTED", landlordPayment, "EXECUTED");
        Users.NILS.on(port).post("/api/v1/households/" + household + "/closure", """
                {"reason": "SELF_SUPPORTING", "effectiveMonth": "2021-04"}""");
    }

    @Test
    void afterErasureEveryAnswerShowsThePersonAsErasedAndNoReportChanges() {
        Projections.awaitCaughtUp(processing, jdbc);
        var reportsBefore = reports();
        long historyBefore = ((Number) Users.INES.on(port).get("/api/v1/households/" + household + "/history").json("$.total")).longValue();

        var erasure = erase("{\"personalIdentityNumber\": \"%s\", \"reason\": \"weeding: 5 years after the last entry\"}".formatted(applicant));

        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(202);
        assertThat(erasure.<Integer>json("$.erasedPayees")).isEqualTo(1);
        String personId = erasure.json("$.personId");

        var shown = Users.INES.on(port).get("/api/v1/households/" + household);
        assertThat(shown.body()).doesNotContain(applicant).doesNotContain(applicant.substring(0, 8) + "-****").contains(child);
        assertThat(shown.<List<Object>>json("$.members[?(@.personId == '" + personId + "')].personalIdentityNumber")).containsExactly((Object) null);
        assertThat(Users.INES.on(port).get("/api/v1/households?personalIdentityNumber=" + applicant).<Integer>json("$.total")).isZero();

        var history = Users.INES.on(port).get("/api/v1/households/" + household + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(((Number) history.json("$.total")).longValue()).isEqualTo(historyBefore);
        assertThat(history.body()).doesNotContain(applicant).doesNotContain(payeeName);

        var payment = Users.FRIDA.on(port).get("/api/v1/payments/" + householdPayment);
        assertThat(payment.<String>json("$.payee.name")).isNull();
        assertThat(payment.<String>json("$.payee.account")).isNull();
        assertThat(payment.<String>json("$.amount")).isEqualTo("8000.00");
        assertThat(Users.FRIDA.on(port).get("/api/v1/payments/" + landlordPayment).<String>json("$.payee.name")).isEqualTo("Hyresvärden AB");
        assertThat(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batch + "/payments").body()).doesNotContain(payeeName);

        var file = Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batch + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).doesNotContain(payeeName).doesNotContain("123456782").contains("<Nm>[ERASED]</Nm>")
                               .contains("<CtrlSum>14100.00</CtrlSum>").contains("8000.00").contains("Hyresvärden AB");

        var replay = Users.NILS.on(port).header("Idempotency-Key", paymentKey).post(paymentPath, paymentRequest);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).contains("true");
        assertThat(replay.body()).doesNotContain(payeeName).contains(householdPayment);
        assertThat(replay.<String>json("$.payee.name")).isNull();

        Projections.awaitCaughtUp(processing, jdbc);
        assertThat(reports()).isEqualTo(reportsBefore);
    }

    @Test
    void recordsPersonalDataErasedByPersonIdOnly() {
        String personId = erase("{\"personalIdentityNumber\": \"%s\", \"reason\": \"the person asked\"}".formatted(applicant)).json("$.personId");

        var events = jdbc.sql("SELECT convert_from(payload, 'UTF8') AS payload, payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?")
                         .param(personId).query().listOfRows();
        assertThat(events).hasSize(1);
        assertThat((String) events.get(0).get("payload")).contains(personId).doesNotContain(applicant).doesNotContain(applicant.substring(2, 8));
        assertThat(events.get(0).get("payload_revision")).isEqualTo("1");
        assertThat(jdbc.sql("SELECT count(*) FROM pii_subject WHERE subject_id = ?::uuid AND wrapped_key IS NULL AND ciphertext IS NULL "
                            + "AND blind_index IS NULL AND erased_at IS NOT NULL").param(personId).query(Long.class).single()).isOne();
    }

    @Test
    void erasingAgainChangesNothing() {
        String personId = erase("{\"personalIdentityNumber\": \"%s\", \"reason\": \"the person asked\"}".formatted(applicant)).json("$.personId");

        var again = erase("{\"personId\": \"%s\", \"reason\": \"the person asked\"}".formatted(personId));

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.<Boolean>json("$.alreadyErased")).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(personId).query(Long.class).single())
                .isOne();
    }

    @Test
    void refusesAReasonThatNamesAPersonnummerAndAnUnknownPerson() {
        var named = erase("{\"personId\": \"%s\", \"reason\": \"asked by %s\"}".formatted(UUID.randomUUID(), applicant));
        var unknown = erase("{\"personId\": \"%s\", \"reason\": \"the person asked\"}".formatted(UUID.randomUUID()));

        assertThat(named.status()).isEqualTo(400);
        assertThat(named.body()).doesNotContain(applicant);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void listsPersonsDueFiveYearsAfterTheirLastEntryButNotWhileTheirHouseholdIsActive() {
        String active = Users.NILS.on(port).post("/api/v1/households", Ledger.householdJson(municipality, People.adult())).json("$.householdId");
        Projections.awaitCaughtUp(processing, jdbc);
        var persons = personsOf(household);
        var activePersons = personsOf(active);
        int year = java.time.LocalDate.now().getYear();

        var notYet = dueIds(year + 4 + "-01-01");
        var due = dueIds(year + 6 + "-01-01");

        assertThat(notYet).doesNotContainAnyElementsOf(persons);
        assertThat(due).containsAll(persons).doesNotContainAnyElementsOf(activePersons);
        var item = Users.ADAM.on(port).get("/api/v1/admin/erasures/due?asOf=" + (year + 6) + "-01-01&size=500")
                             .<List<Map<String, Object>>>json("$.items[?(@.personId == '" + persons.get(0) + "')]").get(0);
        assertThat((String) item.get("weedBy")).isEqualTo((year + 6) + "-12-31");
    }

    @Test
    void theRetentionJobInDryRunLogsWhomItWouldEraseByIdOnlyAndErasesNothing(CapturedOutput output) {
        Projections.awaitCaughtUp(processing, jdbc);
        var persons = personsOf(household);
        var inSixYears = Clock.fixed(Instant.now().plus(Duration.ofDays(6 * 366)), ZoneOffset.UTC);

        new RetentionJob(retention, erasures, new RetentionJob.Properties(true), inSixYears).run();

        assertThat(output.getOut()).contains("would erase person " + persons.get(0)).contains("would erase person " + persons.get(1))
                                   .doesNotContain(applicant).doesNotContain(child);
        assertThat(jdbc.sql("SELECT count(*) FROM pii_subject WHERE subject_id = ANY (?::uuid[]) AND wrapped_key IS NOT NULL")
                       .param(persons.toArray(String[]::new)).query(Long.class).single()).isEqualTo(2);
    }

    private List<String> personsOf(String householdId) {
        return jdbc.sql("SELECT person_id::text FROM household_member WHERE household_id = ?::uuid").param(householdId).query(String.class).list();
    }

    private List<String> dueIds(String asOf) {
        var answer = Users.ADAM.on(port).get("/api/v1/admin/erasures/due?asOf=" + asOf + "&size=500");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json("$.items[*].personId");
    }

    private Http.Response erase(String body) {
        return Users.ADAM.on(port).post("/api/v1/admin/erasures", body);
    }

    private List<String> reports() {
        var rut = Users.RUT.on(port);
        String m = "?municipality=" + municipality;
        return List.of(
                rut.get("/api/v1/reports/monthly-spend" + m + "&from=2021-01&to=2021-12").body(),
                rut.get("/api/v1/reports/monthly-spend" + m + "&from=2021-01&to=2021-12&basis=PAYMENT_DATE").body(),
                rut.get("/api/v1/reports/duration-buckets" + m + "&year=2021").body(),
                rut.get("/api/v1/reports/recovery-balances" + m).body(),
                rut.get("/api/v1/reports/reconciliation" + m + "&from=2021-01-01&to=2021-12-31").body(),
                rut.header("Accept", "text/csv").get("/api/v1/reports/monthly-spend" + m + "&from=2021-01&to=2021-12").body());
    }

    private static String letters() {
        var random = ThreadLocalRandom.current();
        var name = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.substring(0, 1).toUpperCase() + name.substring(1);
    }
}
