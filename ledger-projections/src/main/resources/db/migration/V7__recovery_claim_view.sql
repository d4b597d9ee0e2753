-- Recovery claims as the REST API shows them, kept in the command's own transaction.
CREATE TABLE recovery_claim (
    claim_id        UUID        PRIMARY KEY,
    household_id    UUID        NOT NULL,
    municipality    CHAR(4)     NOT NULL,
    payments        JSONB       NOT NULL,
    principal_ore   BIGINT      NOT NULL,
    repaid_ore      BIGINT      NOT NULL DEFAULT 0,
    waived_ore      BIGINT      NOT NULL DEFAULT 0,
    written_off_ore BIGINT      NOT NULL DEFAULT 0,
    status          VARCHAR(16) NOT NULL,
    ground          VARCHAR(32) NOT NULL,
    law_regime      VARCHAR(16) NOT NULL,
    decided_on      DATE        NOT NULL,
    action_deadline DATE        NOT NULL,
    version         BIGINT      NOT NULL
);
CREATE INDEX recovery_claim_household_idx ON recovery_claim (household_id);
