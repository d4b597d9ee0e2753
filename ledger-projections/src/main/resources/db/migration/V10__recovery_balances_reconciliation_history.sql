-- Recovery balances per claim, owned by the recovery-balances projection.
CREATE TABLE recovery_balance (
    claim_id        UUID        PRIMARY KEY,
    municipality    CHAR(4)     NOT NULL,
    household_id    UUID        NOT NULL,
    principal_ore   BIGINT      NOT NULL,
    repaid_ore      BIGINT      NOT NULL DEFAULT 0,
    waived_ore      BIGINT      NOT NULL DEFAULT 0,
    written_off_ore BIGINT      NOT NULL DEFAULT 0,
    status          VARCHAR(16) NOT NULL,
    ground          VARCHAR(32) NOT NULL,
    law_regime      VARCHAR(16) NOT NULL,
    decided_on      DATE        NOT NULL,
    action_deadline DATE        NOT NULL
);
CREATE INDEX recovery_balance_municipality_idx ON recovery_balance (municipality, status, decided_on);
CREATE INDEX recovery_balance_household_idx ON recovery_balance (household_id);

-- Reconciliation per payout batch, owned by the reconciliation projection: what the batch says of
-- each payment next to what the payment's own history says.
-- Rows are patched by whatever events of a batch arrive in one processing batch, so the columns
-- the creation event fills are nullable.
CREATE TABLE reconciliation_batch (
    batch_id          UUID        PRIMARY KEY,
    municipality      CHAR(4),
    payout_date       DATE,
    status            VARCHAR(16),
    payment_count     INTEGER,
    control_total_ore BIGINT,
    executed_count    INTEGER     NOT NULL DEFAULT 0,
    executed_ore      BIGINT      NOT NULL DEFAULT 0,
    rejected_count    INTEGER     NOT NULL DEFAULT 0,
    rejected_ore      BIGINT      NOT NULL DEFAULT 0,
    returned_count    INTEGER     NOT NULL DEFAULT 0,
    returned_ore      BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX reconciliation_batch_municipality_idx ON reconciliation_batch (municipality, payout_date);

CREATE TABLE reconciliation_payment (
    batch_id           UUID        NOT NULL,
    payment_id         UUID        NOT NULL,
    -- the batch's side: included with this amount, and the bank's answer it recorded
    in_batch           BOOLEAN     NOT NULL DEFAULT FALSE,
    batch_amount_ore   BIGINT,
    batch_outcome      VARCHAR(16),
    -- the payment's side: its own BATCHED, EXECUTED, REJECTED or RETURNED, with its amount
    payment_state      VARCHAR(16),
    payment_amount_ore BIGINT,
    PRIMARY KEY (batch_id, payment_id)
);
-- a payment disagrees when the two sides do; in a sound ledger this index stays empty
CREATE INDEX reconciliation_payment_discrepancy_idx ON reconciliation_payment (batch_id)
    WHERE NOT (in_batch AND payment_state IS NOT NULL
               AND coalesce(batch_outcome, 'UNSETTLED') = CASE payment_state WHEN 'RETURNED' THEN 'EXECUTED'
                                                                        WHEN 'BATCHED' THEN 'UNSETTLED'
                                                                        ELSE payment_state END
               AND (payment_amount_ore IS NULL OR payment_amount_ore = batch_amount_ore));

-- Which household every aggregate belongs to, owned by the household-history projection; the
-- history itself is read from the event store.
CREATE TABLE history_aggregate (
    aggregate_id   VARCHAR(255) PRIMARY KEY,
    household_id   UUID         NOT NULL
);
CREATE INDEX history_aggregate_household_idx ON history_aggregate (household_id);
