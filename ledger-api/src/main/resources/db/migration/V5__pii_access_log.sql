-- Append-only log of reads of personal data: who saw or searched which person's identity, when,
-- in which request. Rows are only ever inserted.
CREATE TABLE pii_access_log (
    id          BIGSERIAL    PRIMARY KEY,
    accessed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor       VARCHAR(255) NOT NULL,
    role        VARCHAR(32)  NOT NULL,
    person_id   UUID         NOT NULL,
    purpose     VARCHAR(64)  NOT NULL,
    request_id  VARCHAR(64)
);
CREATE INDEX pii_access_log_person_idx ON pii_access_log (person_id, accessed_at);
