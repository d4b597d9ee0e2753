-- Stored responses can carry payee names, accounts and personnummer: they are kept sealed
-- (AES-GCM under a key of their own, wrapped by the vault's master key; response_key is the id the
-- ciphertext is bound to), together with the vault subjects they showed, so that erasing a subject
-- redacts every stored answer that showed it. Responses stored before this migration are sealed
-- when the service starts (IdempotencyStore.sealPlaintextResponses).
ALTER TABLE idempotency_key
    ADD COLUMN response_key UUID,
    ADD COLUMN wrapped_key  BYTEA,
    ADD COLUMN subject_ids  UUID[] NOT NULL DEFAULT '{}';
CREATE INDEX idempotency_key_subjects_idx ON idempotency_key USING gin (subject_ids);
