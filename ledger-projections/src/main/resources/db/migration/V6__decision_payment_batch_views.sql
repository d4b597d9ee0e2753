-- Decisions, payments and payout batches as the REST API shows them, kept in the command's own
-- transaction (subscribing processors) so that clients read their own writes and the batch
-- service can select and lock SCHEDULED payments.
CREATE TABLE decision (
    decision_id    UUID        PRIMARY KEY,
    household_id   UUID        NOT NULL,
    municipality   CHAR(4)     NOT NULL,
    benefit_month  CHAR(7)     NOT NULL,
    outcome        VARCHAR(20) NOT NULL,
    legal_basis    VARCHAR(20) NOT NULL,
    lines          JSONB       NOT NULL,
    incomes        JSONB       NOT NULL,
    approved_ore   BIGINT      NOT NULL,
    committed_ore  BIGINT      NOT NULL,
    status         VARCHAR(16) NOT NULL,
    version        BIGINT      NOT NULL
);
CREATE INDEX decision_household_idx ON decision (household_id);

CREATE TABLE payment (
    payment_id     UUID        PRIMARY KEY,
    decision_id    UUID        NOT NULL,
    household_id   UUID        NOT NULL,
    municipality   CHAR(4)     NOT NULL,
    benefit_month  CHAR(7)     NOT NULL,
    amount_ore     BIGINT      NOT NULL,
    due_date       DATE        NOT NULL,
    payee_type     VARCHAR(16) NOT NULL,
    payee_id       UUID        NOT NULL,
    status         VARCHAR(16) NOT NULL,
    batch_id       UUID,
    executed_on    DATE,
    returned_on    DATE,
    erroneous_ore  BIGINT      NOT NULL DEFAULT 0,
    version        BIGINT      NOT NULL
);
-- the payments a new payout batch takes
CREATE INDEX payment_schedulable_idx ON payment (municipality, due_date) WHERE status = 'SCHEDULED';
CREATE INDEX payment_batch_idx ON payment (batch_id, payment_id) WHERE batch_id IS NOT NULL;
CREATE INDEX payment_decision_idx ON payment (decision_id);
CREATE INDEX payment_household_idx ON payment (household_id);

CREATE TABLE payout_batch (
    batch_id          UUID        PRIMARY KEY,
    municipality      CHAR(4)     NOT NULL,
    payout_date       DATE        NOT NULL,
    status            VARCHAR(16) NOT NULL,
    payment_count     INTEGER     NOT NULL,
    control_total_ore BIGINT      NOT NULL,
    executed_count    INTEGER     NOT NULL DEFAULT 0,
    executed_ore      BIGINT      NOT NULL DEFAULT 0,
    rejected_count    INTEGER     NOT NULL DEFAULT 0,
    rejected_ore      BIGINT      NOT NULL DEFAULT 0,
    settled_on        DATE,
    version           BIGINT      NOT NULL
);
CREATE INDEX payout_batch_municipality_idx ON payout_batch (municipality, payout_date);
