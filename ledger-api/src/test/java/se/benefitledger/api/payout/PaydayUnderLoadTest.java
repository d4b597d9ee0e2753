package se.benefitledger.api.payout;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.pii.Payee;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.PayoutFromEvents;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.Users;
import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.LineType;
import se.benefitledger.core.decision.MakeDecisionCommand;
import se.benefitledger.core.decision.SchedulePaymentCommand;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.household.RegisterHouseholdCommand;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payday: a batch of 3,000 payments is created and settled through the API while caseworkers of
 * another municipality keep committing. Token rows stay small (no gaps flood them: a single
 * transaction for the batch would leave some 20 KB of gaps), every ordinary request that got a
 * 201 is in the store, takes its turn beside the batch (WritesBesideBulkFilter), and every event reaches
 * every projection.
 */
@LedgerApiTest
class PaydayUnderLoadTest {

    private static final int PAYMENTS = 3_000;
    private static final int PER_DECISION = 100;
    private static final LocalDate PAYOUT_DATE = LocalDate.of(2021, 2, 25);

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    PiiVault vault;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry registry;

    @Test
    void aLargeBatchCreatedAndSettledUnderLoadKeepsTokensSmallAndReachesEveryProjection() throws Exception {
        String municipality = Municipalities.fresh();
        String busy = Municipalities.fresh();
        schedule(MunicipalityCode.of(municipality));
        Projections.awaitCaughtUp(processing, jdbc);
        long waitedBesideBulk = registry.get("ledger.bulk.beside.wait").timer().count();

        var stop = new AtomicBoolean();
        var largestToken = new AtomicLong();
        var created = new ConcurrentLinkedQueue<String>();
        var failures = new ConcurrentLinkedQueue<String>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        var running = new ArrayList<Future<?>>();
        running.add(threads.submit(() -> {
            while (!stop.get()) {
                largestToken.accumulateAndGet(jdbc.sql("SELECT coalesce(max(octet_length(token)), 0) FROM token_entry").query(Long.class).single(),
                        Math::max);
                Thread.sleep(5);
            }
            return null;
        }));
        for (int client = 0; client < 3; client++) {
            running.add(threads.submit(() -> {
                var ledger = new Ledger(port);
                while (!stop.get()) {
                    try {
                        created.add(ledger.payment(ledger.decision(ledger.household(busy), "2021-03", "900.00"), "900.00", "2021-03-25"));
                    } catch (AssertionError e) {
                        failures.add(e.getMessage());
                    }
                }
                return null;
            }));
        }
        try {
            var batch = new Ledger(port).batch(municipality, PAYOUT_DATE.toString());
            assertThat(batch.status()).as(batch.body()).isEqualTo(201);
            assertThat(batch.<Integer>json("$.paymentCount")).isEqualTo(PAYMENTS);
            String batchId = batch.json("$.batchId");
            var settled = Users.FRIDA.on(port).post("/api/v1/payout-batches/" + batchId + "/settlement", settlement(batchId));
            assertThat(settled.status()).as(settled.body()).isEqualTo(200);
            assertThat(settled.<String>json("$.status")).isEqualTo("SETTLED");
        } finally {
            stop.set(true);
            for (var future : running) {
                future.get();
            }
            threads.shutdown();
        }

        assertThat(failures).as("ordinary requests during the batch").isEmpty();
        assertThat(created).as("ordinary requests committed during the batch").isNotEmpty();
        assertThat(registry.get("ledger.bulk.beside.wait").timer().count()).as("writes that took their turn beside the batch")
                                                                          .isGreaterThan(waitedBesideBulk);
        assertThat(largestToken.get()).as("largest token row, bytes").isLessThan(10_000);
        Projections.awaitCaughtUp(processing, jdbc);
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE payment_id = ANY (?)")
                       .param(created.stream().map(UUID::fromString).toArray(UUID[]::new)).query(Long.class).single())
                .as("every payment that got a 201").isEqualTo(created.size());
        assertThat(Users.ADAM.on(port).get("/api/v1/admin/projections").<List<String>>json("$.items[*].status")).containsOnly("RUNNING");
        assertThat(jdbc.sql("SELECT count(*) FROM dead_letter_entry").query(Long.class).single()).isZero();
        var fromEvents = PayoutFromEvents.fromEvents(jdbc, municipality).values();
        assertThat(fromEvents).hasSize(1);
        var payday = fromEvents.iterator().next();
        assertThat(payday.executed()).isEqualTo(PAYMENTS - PAYMENTS / 100);
        assertThat(payday.rejected()).isEqualTo(PAYMENTS / 100);
        assertThat(payday.executedOre() + payday.rejectedOre()).isEqualTo(total());
        PayoutFromEvents.assertReportsMatch(jdbc, municipality);
        PayoutFromEvents.assertReportsMatch(jdbc, busy);
    }

    /** 30 households, each with one decision of 100 payments, four at a time. */
    private void schedule(MunicipalityCode municipality) {
        UUID payee = vault.payeeIdFor(new Payee("Mottagare", "8327-9 123456782"));
        IntStream.range(0, PAYMENTS / PER_DECISION).parallel().forEach(d -> {
            UUID household = UUID.randomUUID();
            UUID decision = UUID.randomUUID();
            commands.sendAndWait(new RegisterHouseholdCommand(household, municipality,
                    List.of(new HouseholdMember(UUID.randomUUID(), MemberRole.APPLICANT, LocalDate.of(1980, 1, 1)))));
            var amounts = IntStream.range(d * PER_DECISION, (d + 1) * PER_DECISION).mapToObj(PaydayUnderLoadTest::amount).toList();
            commands.sendAndWait(new MakeDecisionCommand(household, decision, BenefitMonth.of(2021, 2), DecisionOutcome.GRANTED,
                    LegalBasis.SOL_2025_12_1, List.of(new DecisionLine(LineType.NORM, amounts.stream().reduce(Money.ZERO, Money::plus))),
                    List.of(), LocalDate.of(2021, 1, 20)));
            amounts.forEach(amount -> commands.sendAndWait(new SchedulePaymentCommand(decision, UUID.randomUUID(), amount, PAYOUT_DATE,
                    PayeeType.HOUSEHOLD, payee, null)));
        });
    }

    private static Money amount(int i) {
        return Money.ofOre(50_000 + i);
    }

    /** Every payment's result, the first of every hundred rejected. */
    private String settlement(String batchId) {
        List<UUID> ids = paymentsOf(batchId);
        var body = new StringBuilder("{\"settledOn\": \"" + PAYOUT_DATE + "\", \"results\": [");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"paymentId\": \"").append(ids.get(i)).append("\", \"status\": \"")
                .append(i % 100 == 0 ? "REJECTED\", \"reason\": \"account closed\"}" : "EXECUTED\"}");
        }
        return body.append("]}").toString();
    }

    private List<UUID> paymentsOf(String batchId) {
        return jdbc.sql("SELECT payment_id FROM payment WHERE batch_id = ? ORDER BY payment_id").param(UUID.fromString(batchId)).query(UUID.class).list();
    }

    /** The sum of {@link #amount} over every payment. */
    private static long total() {
        return (long) PAYMENTS * 50_000 + (long) PAYMENTS * (PAYMENTS - 1) / 2;
    }
}
