package se.benefitledger.api.payout;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.bulk.BulkCommands;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Users;
import se.benefitledger.core.payout.AssignPaymentsToBatchCommand;
import se.benefitledger.core.shared.BulkCommand;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bulk work runs only in bounded parts (docs/bulk-commands.md): a bulk command above the bound is refused, and work
 * stored but not finished (what a crash leaves) is visible in {@code GET /admin/bulk-commands} and finished on request.
 */
@LedgerApiTest
class BatchInPartsTest {

    private static final LocalDate PAYOUT_DATE = LocalDate.of(2021, 2, 25);

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    BulkCommands bulk;
    @Autowired
    CreateBatchInParts createBatch;

    @Test
    void aBulkCommandOfMoreAggregatesThanOnePartMayHoldIsRefusedBeforeItLoadsAny() {
        var tooMany = Stream.generate(UUID::randomUUID).limit(BulkCommand.MAX_AGGREGATES + 2).toList();

        assertThatThrownBy(() -> commands.sendAndWait(new AssignPaymentsToBatchCommand(UUID.randomUUID(), MunicipalityCode.of("0488"),
                PAYOUT_DATE, tooMany)))
                .hasStackTraceContaining("a bulk command changes at most 400 aggregates, not 402");
    }

    @Test
    void workStoredButNotRunIsListedWithItsPartsAndFinishedWhenAnAdministratorResumesIt() throws Exception {
        var ledger = new Ledger(port);
        String municipality = Municipalities.fresh();
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "3000.00");
        var payments = List.of(UUID.fromString(ledger.payment(decision, "1000.00", "2021-02-25")),
                UUID.fromString(ledger.payment(decision, "2000.00", "2021-02-25")));
        UUID batchId = UUID.randomUUID();
        UUID commandId = bulk.start(createBatch, batchId, MunicipalityCode.of(municipality),
                () -> List.of(new AssignPaymentsToBatchCommand(batchId, MunicipalityCode.of(municipality), PAYOUT_DATE, payments))).commandId();
        var adam = Users.ADAM.on(port);

        assertThat(command(adam, commandId)).containsEntry("status", "RUNNING").containsEntry("kind", "CREATE_PAYOUT_BATCH")
                                             .containsEntry("targetId", batchId.toString()).containsEntry("parts", 1).containsEntry("partsDone", 0);
        assertThat(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batchId).status()).as("no batch yet").isEqualTo(404);

        var resumed = adam.post("/api/v1/admin/bulk-commands/" + commandId + "/resume", "");
        assertThat(resumed.status()).isEqualTo(202);
        assertThat(resumed.<String>json("$.commandId")).isEqualTo(commandId.toString());

        // well within the 30 s after which the service would resume it by itself
        var deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!"COMPLETED".equals(command(adam, commandId).get("status")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(command(adam, commandId)).containsEntry("status", "COMPLETED").containsEntry("partsDone", 1);
        var batch = Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batchId);
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.<Integer>json("$.paymentCount")).isEqualTo(2);
    }

    /** The command's item in {@code GET /admin/bulk-commands}. */
    private static Map<String, Object> command(Http adam, UUID commandId) {
        List<Map<String, Object>> found = adam.get("/api/v1/admin/bulk-commands").json("$.items[?(@.commandId == '" + commandId + "')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
