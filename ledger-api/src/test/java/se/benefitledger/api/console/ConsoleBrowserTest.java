package se.benefitledger.api.console;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.Users;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (headless Chromium): each role logs in and sees only its pages; finance staff find a
 * batch, download its bank file and settle it; an investigator reads a timeline as it stood at an instant; the
 * trends are SVG. Every page is photographed into {@code target/console-screenshots/}.
 */
@LedgerApiTest
class ConsoleBrowserTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();

    @TempDir
    static Path profile;
    @TempDir
    static Path downloads;
    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    @BeforeAll
    static void startTheBrowser() {
        browser = Chromium.start(profile, downloads);
    }

    @AfterAll
    static void stopTheBrowser() {
        browser.quit();
    }

    @BeforeEach
    void noSession() {
        browser.get(url("/console/login"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void eachRoleSeesOnlyThePagesItsRoleOpens() {
        var expected = Map.of(
                Users.NILS, List.<String>of(),
                Users.FRIDA, List.of("Utbetalningsomgångar", "Trender"),
                Users.INES, List.of("Trender", "Hushållshistorik"),
                Users.ALVA, List.of("Utbetalningsomgångar", "Trender", "Hushållshistorik"),
                Users.RUT, List.of("Trender"),
                Users.ADAM, List.of("Projektioner"));
        var refused = Map.of(Users.NILS, "/console/payout-batches", Users.FRIDA, "/console/households", Users.INES, "/console/payout-batches",
                Users.ALVA, "/console/projections", Users.RUT, "/console/households", Users.ADAM, "/console/trends");

        for (var user : List.of(Users.NILS, Users.FRIDA, Users.INES, Users.ALVA, Users.RUT, Users.ADAM)) {
            login(user);
            assertThat(browser.findElement(By.id("username")).getText()).isEqualTo(user.username());
            assertThat(browser.findElements(By.cssSelector("nav[aria-label='Huvudmeny'] a")).stream().map(WebElement::getText).toList())
                    .as(user.username()).isEqualTo(expected.get(user));
            Chromium.screenshot(browser, "start-" + user.username());

            browser.get(url(refused.get(user)));
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(user.username() + " on " + refused.get(user)).isEqualTo("Inte tillåtet");
            if (user == Users.RUT) {
                Chromium.screenshot(browser, "refused-reporting-on-households");
            }

            browser.get(url("/console"));
            Chromium.navigate(browser, () -> browser.findElement(By.xpath("//button[text()='Logga ut']")).click());
            assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Du är utloggad.");
        }
    }

    @Test
    void anAdministratorSeesEachProjectionsStatusLagAndDeadLetters() {
        login(Users.ADAM);
        Chromium.navigate(browser, () -> browser.findElement(By.linkText("Projektioner")).click());

        var rows = browser.findElements(By.cssSelector("#projections tbody tr"));
        assertThat(rows).extracting(row -> row.getAttribute("data-projection")).contains("monthly-spend", "duration-buckets", "reconciliation");
        var spend = browser.findElement(By.cssSelector("#projections tr[data-projection='monthly-spend']"));
        assertThat(spend.findElement(By.className("status")).getText()).isIn("RUNNING", "REBUILDING", "STALLED", "ERROR");
        assertThat(spend.findElement(By.className("lag")).getText()).matches("\\d+|–");
        assertThat(spend.findElement(By.className("dead-letters")).getText()).matches("\\d+");
        Chromium.screenshot(browser, "projections");
    }

    @Test
    void financeFindsABatchDownloadsItsBankFileAndSettlesItPaymentByPayment() throws Exception {
        var ledger = new Ledger(port);
        String municipality = Municipalities.fresh();
        String household = ledger.household(municipality);
        String decision = ledger.decision(household, TODAY.substring(0, 7), "6500.00");
        String paid = ledger.payment(decision, "4000.00", TODAY);
        String rejected = ledger.payment(decision, "2500.00", TODAY);
        String batchId = ledger.batch(municipality, TODAY).json("$.batchId");
        // the list is the reconciliation report, which shows the batch once that projection has read it
        Projections.awaitCaughtUp(processing, jdbc);

        login(Users.FRIDA);
        Chromium.navigate(browser, () -> browser.findElement(By.linkText("Utbetalningsomgångar")).click());
        Chromium.navigate(browser, () -> browser.findElement(By.id("municipality")).sendKeys(municipality, Keys.ENTER));
        var row = browser.findElement(By.cssSelector("#batches tr[data-batch-id='" + batchId + "']"));
        assertThat(row.getText()).contains(TODAY, "CREATED", "2", "6500.00");
        Chromium.screenshot(browser, "payout-batches");

        Chromium.navigate(browser, () -> row.findElement(By.tagName("a")).click());
        assertThat(browser.findElement(By.id("payment-count")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("control-total")).getText()).isEqualTo("6500.00");
        assertThat(browser.findElement(By.id("no-discrepancies")).isDisplayed()).isTrue();

        browser.findElement(By.id("download")).click();
        Path file = downloads.resolve("pain001-" + batchId + ".xml");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> Files.exists(file));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("<NbOfTxs>2</NbOfTxs>", "<CtrlSum>6500.00</CtrlSum>");

        new Select(browser.findElement(By.id("outcome-" + paid))).selectByVisibleText("Utbetald");
        new Select(browser.findElement(By.id("outcome-" + rejected))).selectByVisibleText("Avvisad");
        browser.findElement(By.id("reason-" + rejected)).sendKeys("AC04 kontot avslutat");
        Chromium.screenshot(browser, "payout-batch");
        Chromium.navigate(browser, () -> browser.findElement(By.id("settle")).click());

        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).startsWith("Avräkningen är registrerad: 2 betalningar. 0 väntar");
        assertThat(browser.findElement(By.id("batch-status")).getText()).isEqualTo("SETTLED");
        assertThat(status(paid)).isEqualTo("EXECUTED");
        assertThat(status(rejected)).isEqualTo("REJECTED");
        Chromium.screenshot(browser, "payout-batch-settled");
        var history = Users.INES.on(port).get("/api/v1/households/" + household + "/history?size=100");
        assertThat(history.<List<String>>json("$.items[?(@.type == 'PaymentExecuted')].actor")).containsExactly("frida");
        assertThat(history.<List<String>>json("$.items[?(@.type == 'PaymentExecuted')].role")).as("the console acts in the API's role")
                                                                                            .containsExactly("FINANCE");
    }

    @Test
    void financeUploadsTheBanksStatusReportAndItSettlesWhatItAnswers() throws Exception {
        var ledger = new Ledger(port);
        String municipality = Municipalities.fresh();
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "12320.00");
        String paid = ledger.payment(decision, "6100.00", "2021-02-25");
        String rejected = ledger.payment(decision, "1000.00", "2021-02-25");
        String open = ledger.payment(decision, "5220.00", "2021-02-25");
        String batchId = ledger.batch(municipality, "2021-02-25").json("$.batchId");
        String xml;
        try (var in = getClass().getResourceAsStream("/bank-reports/pain002-partial.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (var placeholder : Map.of("{{MSG}}", "STSCONSOLE", "{{FILE}}", batchId, "{{PAID}}", paid, "{{REJECTED}}", rejected, "{{OPEN}}", open)
                                  .entrySet()) {
            xml = xml.replace(placeholder.getKey(), placeholder.getValue().replace("-", ""));
        }
        Path report = Files.writeString(downloads.resolve("pain002-" + batchId + ".xml"), xml);

        login(Users.FRIDA);
        browser.get(url("/console/payout-batches/" + batchId));
        browser.findElement(By.id("report")).sendKeys(report.toAbsolutePath().toString());
        Chromium.navigate(browser, () -> browser.findElement(By.id("upload")).click());

        assertThat(browser.findElement(By.cssSelector("p.notice")).getText())
                .isEqualTo("Bankrapporten STSCONSOLE är inläst: 2 transaktioner tillämpade, 1 utan matchning, 0 i konflikt.");
        assertThat(status(paid)).isEqualTo("EXECUTED");
        assertThat(status(rejected)).isEqualTo("REJECTED");
        assertThat(status(open)).isEqualTo("BATCHED");
        Chromium.screenshot(browser, "payout-batch-bank-report");
    }

    @Test
    void anInvestigatorReadsAHouseholdsTimelineAsItStoodAtAnInstant() throws Exception {
        var ledger = new Ledger(port);
        var executed = ledger.executedPayment("8000.00", "2021-03");
        Projections.awaitCaughtUp(processing, jdbc);
        Thread.sleep(5);
        Instant beforeTheFinding = Instant.now();
        Thread.sleep(5);
        Users.INES.on(port).post("/api/v1/payments/" + executed.paymentId() + "/erroneous",
                "{\"amount\": \"800.00\", \"cause\": \"INCORRECT_INFORMATION\", \"note\": \"Inkomst från extrajobb inte redovisad\"}");
        Projections.awaitCaughtUp(processing, jdbc);

        login(Users.INES);
        Chromium.navigate(browser, () -> browser.findElement(By.linkText("Hushållshistorik")).click());
        Chromium.navigate(browser, () -> browser.findElement(By.id("householdId")).sendKeys(executed.householdId(), Keys.ENTER));

        var events = browser.findElements(By.cssSelector("#events li.event"));
        assertThat(events).extracting(event -> event.getAttribute("data-type")).containsExactly("HouseholdRegistered", "DecisionMade",
                "DecisionAmountReserved", "PaymentScheduled", "PaymentBatched", "PaymentExecuted", "PaymentFoundErroneous");
        assertThat(events.get(0).findElement(By.className("actor")).getText()).isEqualTo("nils");
        assertThat(events.get(0).findElement(By.className("role")).getText()).isEqualTo("CASEWORKER");
        assertThat(events.get(5).findElement(By.className("actor")).getText()).isEqualTo("frida");
        assertThat(events.get(6).findElement(By.className("actor")).getText()).isEqualTo("ines");
        assertThat(events.get(6).findElement(By.className("role")).getText()).isEqualTo("INVESTIGATOR");
        Chromium.screenshot(browser, "timeline");

        Chromium.navigate(browser, () -> browser.findElement(By.id("asOf")).sendKeys(beforeTheFinding.toString(), Keys.ENTER));

        assertThat(browser.findElements(By.cssSelector("#events li.event"))).hasSize(6);
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("6 händelser registrerade senast " + beforeTheFinding);
        Chromium.screenshot(browser, "timeline-as-of");
    }

    @Test
    void trendsAreSvgChartsWhosePointsCarryTheReportsFigures() {
        var executed = new Ledger(port).executedPayment("8000.00", "2021-03");
        Projections.awaitCaughtUp(processing, jdbc);

        login(Users.RUT);
        Chromium.navigate(browser, () -> browser.findElement(By.linkText("Trender")).click());
        browser.findElement(By.id("municipality")).sendKeys(executed.municipality());
        var to = browser.findElement(By.id("to"));
        to.clear();
        Chromium.navigate(browser, () -> to.sendKeys("2021-12", Keys.ENTER));

        assertThat(browser.findElements(By.cssSelector("section.chart svg"))).hasSize(3);
        var benefitMonth = browser.findElements(By.cssSelector("[data-chart='0'] g[data-series='BENEFIT_MONTH'] circle"));
        assertThat(benefitMonth).hasSize(24);
        assertThat(benefitMonth.get(0).getAttribute("data-category")).isEqualTo("2020-01");
        assertThat(value(0, "BENEFIT_MONTH", "2021-03")).isEqualTo("8000.00");
        assertThat(value(0, "PAYMENT_DATE", "2021-02")).isEqualTo("8000.00");
        assertThat(value(0, "PAYMENT_DATE", "2021-03")).isEqualTo("0.00");
        assertThat(value(1, "longTermHouseholds", "2021-12")).isEqualTo("0");
        assertThat(browser.findElements(By.cssSelector("[data-chart='2'] g[data-series='repaid'] rect"))).hasSize(5);
        Chromium.screenshotOfWholePage(browser, "trends");
    }

    private String value(int chart, String series, String category) {
        return browser.findElement(By.cssSelector("[data-chart='" + chart + "'] g[data-series='" + series + "'] [data-category='" + category + "']"))
                      .getAttribute("data-value");
    }

    private String status(String paymentId) {
        return browser.findElement(By.cssSelector("#payments tr[data-payment-id='" + paymentId + "'] .status")).getText();
    }

    private void login(Users user) {
        browser.get(url("/console/login"));
        browser.findElement(By.id("username")).sendKeys(user.username());
        Chromium.navigate(browser, () -> browser.findElement(By.id("password")).sendKeys("secret", Keys.ENTER));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
