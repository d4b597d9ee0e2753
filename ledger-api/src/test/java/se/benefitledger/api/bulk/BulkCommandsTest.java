package se.benefitledger.api.bulk;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.core.shared.StateConflict;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A command's runner finds it as other runners (the resumer, a retry of its request, another node) left it: the
 * request that stored a command answers with its end, never as if it had finished it.
 */
@LedgerApiTest
class BulkCommandsTest {

    @Autowired
    BulkCommands bulk;
    @Autowired
    JdbcClient jdbc;

    /**
     * Another runner failed it by a rule between this request's start and its run: the request fails with that rule's
     * message. Before, it returned as if the work were done: a batch creation or bank report, looking for what it had
     * made, answered 500, and a settlement 200 with the batch as the failure left it.
     */
    @Test
    void runningACommandAnotherRunnerFailedFailsWithItsMessage() {
        UUID failed = stored("FAILED", "payment 1 of payout batch 2 is already settled");

        assertThatThrownBy(() -> bulk.run(failed)).isInstanceOf(StateConflict.class)
                                                  .hasMessage("bulk command " + failed + " failed: payment 1 of payout batch 2 is already settled");
        assertThat(status(failed)).isEqualTo("FAILED");
    }

    @Test
    void runningACompletedCommandDoesNothing() {
        UUID completed = stored("COMPLETED", null);

        bulk.run(completed);

        assertThat(status(completed)).isEqualTo("COMPLETED");
    }

    private UUID stored(String status, String error) {
        UUID commandId = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO bulk_command (command_id, kind, target_id, municipality, status, parts, parts_done, meta_data, error,
                                                  started_at, updated_at)
                        VALUES (?, 'SETTLE_PAYOUT_BATCH', ?, '0488', ?, 1, 0, ?, ?, ?, ?)""")
            .params(commandId, UUID.randomUUID(), status, "{}".getBytes(StandardCharsets.UTF_8), error, OffsetDateTime.now(), OffsetDateTime.now())
            .update();
        return commandId;
    }

    private String status(UUID commandId) {
        return jdbc.sql("SELECT status FROM bulk_command WHERE command_id = ?").param(commandId).query(String.class).single();
    }
}
