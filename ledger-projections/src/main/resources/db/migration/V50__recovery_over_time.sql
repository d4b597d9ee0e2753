-- Issue 14: decisions keep the day they were made (it decides the law of recovering their
-- payments); claims keep what is due back to the debtor; recovery balances become dated movements.

-- Decisions recorded before the date was: the first day of their benefit month, as the events read.
ALTER TABLE decision ADD COLUMN decided_on DATE;
UPDATE decision SET decided_on = (benefit_month || '-01')::date;
ALTER TABLE decision ALTER COLUMN decided_on SET NOT NULL;

ALTER TABLE recovery_claim ADD COLUMN refund_due_ore BIGINT NOT NULL DEFAULT 0;
UPDATE recovery_claim SET status = 'WRITTEN_OFF' WHERE status = 'CLOSED' AND written_off_ore > 0;

-- The recovery-balances projection is replayed from the first event into its new shape.
TRUNCATE recovery_balance;
ALTER TABLE recovery_balance DROP COLUMN repaid_ore, DROP COLUMN waived_ore, DROP COLUMN written_off_ore, DROP COLUMN status,
                             ADD COLUMN links JSONB NOT NULL;
DROP INDEX IF EXISTS recovery_balance_municipality_idx;
CREATE INDEX recovery_balance_municipality_idx ON recovery_balance (municipality, decided_on);
DELETE FROM token_entry WHERE processor_name = 'recovery-balances';

-- One row per movement of money on a claim, on the day it happened: its decision (principal),
-- a repayment (what reduced the claim, written-off amounts it reinstated, any excess), a waiver,
-- a write-off, a refund of an excess.
CREATE TABLE recovery_movement (
    claim_id        UUID        NOT NULL,
    municipality    CHAR(4)     NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    on_date         DATE        NOT NULL,
    principal_ore   BIGINT      NOT NULL,
    repaid_ore      BIGINT      NOT NULL,
    waived_ore      BIGINT      NOT NULL,
    written_off_ore BIGINT      NOT NULL,
    reinstated_ore  BIGINT      NOT NULL,
    overpaid_ore    BIGINT      NOT NULL,
    refunded_ore    BIGINT      NOT NULL
);
CREATE INDEX recovery_movement_municipality_idx ON recovery_movement (municipality, on_date);
CREATE INDEX recovery_movement_claim_idx ON recovery_movement (claim_id, on_date);

-- A reissued payment names the RETURNED or REJECTED payment it pays again.
ALTER TABLE payment ADD COLUMN reissue_of UUID;

-- Bank messages applied to a payout batch (pain.002, camt.054), by MsgId: the same message again
-- answers what it did the first time.
CREATE TABLE bank_report (
    batch_id   UUID         NOT NULL,
    message_id VARCHAR(35)  NOT NULL,
    applied    INTEGER      NOT NULL,
    unmatched  JSONB        NOT NULL,
    conflicts  JSONB        NOT NULL,
    PRIMARY KEY (batch_id, message_id)
);

-- What the bank reported that the ledger did not apply, owned by the reconciliation projection.
CREATE TABLE reconciliation_bank_issue (
    batch_id         UUID         NOT NULL,
    message_id       VARCHAR(35)  NOT NULL,
    position         INTEGER      NOT NULL,
    problem          VARCHAR(16)  NOT NULL,
    end_to_end_id    VARCHAR(35),
    payment_id       UUID,
    bank_state       VARCHAR(16)  NOT NULL,
    bank_amount_ore  BIGINT,
    ledger_state     VARCHAR(16),
    detail           VARCHAR(200) NOT NULL,
    PRIMARY KEY (batch_id, message_id, position)
);
