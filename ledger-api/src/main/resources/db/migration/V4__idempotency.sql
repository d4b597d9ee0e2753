-- Idempotency keys: one row per caller and key. A request claims its key (committed at once, so
-- other nodes see it), then holds the row lock for as long as it runs; its response is written in
-- the same transaction as its effects, so "done" and "recorded as done" cannot disagree.
CREATE TABLE idempotency_key (
    caller           VARCHAR(255) NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    -- SHA-256 of caller, method, path and body: the same key with another request is refused
    request_hash     BYTEA        NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    response_status  INTEGER,
    response_headers TEXT,
    response_body    BYTEA,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);
