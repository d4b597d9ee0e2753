-- The PII vault: identities live here, never in events. Each subject's data is encrypted with a
-- data key of its own (AES-GCM), stored wrapped by the master key; deleting the wrapped key erases
-- the subject (crypto-shredding) while the events that name its id stay intact.
CREATE TABLE pii_subject (
    subject_id   UUID        PRIMARY KEY,
    kind         VARCHAR(16) NOT NULL,
    -- HMAC-SHA256 of the normalised identity under the index key: look-up without decryption;
    -- cleared on erasure so that the subject can no longer be found
    blind_index  BYTEA,
    wrapped_key  BYTEA,
    ciphertext   BYTEA,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    erased_at    TIMESTAMPTZ,
    CONSTRAINT pii_subject_blind_index_key UNIQUE (kind, blind_index)
);
