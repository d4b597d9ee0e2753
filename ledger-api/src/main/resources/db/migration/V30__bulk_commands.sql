-- Bulk commands committed in parts (see docs/bulk-commands.md). A row per command says what it is
-- for, who asked and how far it got; a row per part holds the part's command and, once its
-- transaction committed, its result. A part is marked done in the transaction that appends its
-- events, so a crash leaves every part either done or not started, and the command can be finished.
CREATE TABLE bulk_command (
    command_id   UUID         NOT NULL PRIMARY KEY,
    kind         VARCHAR(64)  NOT NULL,
    target_id    UUID         NOT NULL,
    municipality VARCHAR(4)   NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    parts        INTEGER      NOT NULL,
    parts_done   INTEGER      NOT NULL DEFAULT 0,
    -- who asked (actor, role, request and correlation ids): copied onto every part's events
    meta_data    BYTEA        NOT NULL,
    error        VARCHAR(1000),
    started_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX bulk_command_running_idx ON bulk_command (updated_at) WHERE status = 'RUNNING';
CREATE INDEX bulk_command_target_idx ON bulk_command (target_id);

CREATE TABLE bulk_command_part (
    command_id   UUID         NOT NULL REFERENCES bulk_command,
    part         INTEGER      NOT NULL,
    payload_type VARCHAR(255) NOT NULL,
    payload      BYTEA        NOT NULL,
    result       BYTEA,
    done         BOOLEAN      NOT NULL DEFAULT false,
    PRIMARY KEY (command_id, part)
);
