package se.benefitledger.api.payout;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Users;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Against real PostgreSQL and over HTTP: races never break the ledger's money invariants. */
@LedgerApiTest
class PayoutConcurrencyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void racingPaymentsNeverExceedTheApprovedAmount() throws Exception {
        var ledger = new Ledger(port);
        String decision = ledger.decision(ledger.household(Municipalities.fresh()), "2021-03", "10000.00");

        var responses = race(20, () -> Users.NILS.on(port).post("/api/v1/decisions/" + decision + "/payments",
                Ledger.paymentJson("1000.00", "2021-02-25")));

        assertThat(responses).extracting(Http.Response::status).containsOnly(201, 422);
        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(10);
        assertThat(Users.NILS.on(port).get("/api/v1/decisions/" + decision).<String>json("$.committedAmount")).isEqualTo("10000.00");
        long reserved = jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type LIKE '%DecisionAmountReservedEvent'""")
                            .param(decision).query(Long.class).single();
        assertThat(reserved).isEqualTo(10);
    }

    @Test
    void racingBatchesNeverShareAPayment() throws Exception {
        var ledger = new Ledger(port);
        String municipality = Municipalities.fresh();
        var payments = new ArrayList<String>();
        for (int household = 0; household < 5; household++) {
            String decision = ledger.decision(ledger.household(municipality), "2021-03", "5000.00");
            for (int i = 0; i < 4; i++) {
                payments.add(ledger.payment(decision, "1000.00", "2021-02-25"));
            }
        }

        var responses = race(4, () -> ledger.batch(municipality, "2021-02-25"));

        assertThat(responses).extracting(Http.Response::status).containsOnly(201, 422);
        int batched = responses.stream().filter(response -> response.status() == 201).mapToInt(response -> response.<Integer>json("$.paymentCount")).sum();
        assertThat(batched).isEqualTo(payments.size());
        List<Long> batchesPerPayment = jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = ANY (?) AND payload_type LIKE '%PaymentBatchedEvent' GROUP BY aggregate_identifier""")
                                           .param(payments.toArray(String[]::new)).query(Long.class).list();
        assertThat(batchesPerPayment).hasSize(payments.size()).containsOnly(1L);
    }

    @Test
    void racingSettlementsOfOnePaymentSettleItOnce() throws Exception {
        var ledger = new Ledger(port);
        String municipality = Municipalities.fresh();
        String payment = ledger.payment(ledger.decision(ledger.household(municipality), "2021-03", "1000.00"), "1000.00", "2021-02-25");
        String batch = ledger.batch(municipality, "2021-02-25").json("$.batchId");

        var responses = race(6, () -> ledger.settle(batch, "2021-02-26", payment, "EXECUTED"));

        assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() != 200).extracting(Http.Response::status).containsOnly(422);
        long executed = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%PaymentExecutedEvent'")
                            .param(payment).query(Long.class).single();
        assertThat(executed).isEqualTo(1);
    }

    @Test
    void racingCancellationsOfOneDecisionsPaymentsAllSucceed() throws Exception {
        var ledger = new Ledger(port);
        String decision = ledger.decision(ledger.household(Municipalities.fresh()), "2021-03", "8000.00");
        var payments = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            payments.add(ledger.payment(decision, "1000.00", "2021-02-25"));
        }
        var next = new AtomicInteger();

        var responses = race(payments.size(), () -> Users.NILS.on(port).post("/api/v1/payments/" + payments.get(next.getAndIncrement()) + "/cancellation",
                "{\"reason\": \"wrong amount\"}"));

        assertThat(responses).extracting(Http.Response::status).containsOnly(200);
        assertThat(Users.NILS.on(port).get("/api/v1/decisions/" + decision).<String>json("$.committedAmount")).isEqualTo("0.00");
    }

    @Test
    void aBankRejectionAndACancellationOnOneDecisionAtOnceBothRelease() throws Exception {
        var ledger = new Ledger(port);
        String municipality = Municipalities.fresh();
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "2000.00");
        String batched = ledger.payment(decision, "1000.00", "2021-02-25");
        String batch = ledger.batch(municipality, "2021-02-25").json("$.batchId");
        String scheduled = ledger.payment(decision, "1000.00", "2021-03-25");

        var responses = race(List.<Callable<Http.Response>>of(
                () -> ledger.settle(batch, "2021-02-26", batched, "REJECTED"),
                () -> Users.NILS.on(port).post("/api/v1/payments/" + scheduled + "/cancellation", "{\"reason\": \"wrong amount\"}")));

        assertThat(responses).extracting(Http.Response::status).containsOnly(200);
        assertThat(Users.NILS.on(port).get("/api/v1/decisions/" + decision).<String>json("$.committedAmount")).isEqualTo("0.00");
    }

    private static List<Http.Response> race(int requests, Callable<Http.Response> request) throws Exception {
        return race(Collections.nCopies(requests, request));
    }

    /** The requests, released at the same instant from threads of their own. */
    private static List<Http.Response> race(List<Callable<Http.Response>> requests) throws Exception {
        var pool = Executors.newFixedThreadPool(requests.size());
        var start = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<Http.Response>>();
            for (var request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            var responses = new ArrayList<Http.Response>();
            for (var future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
