-- The request that started a bulk command, as its Idempotency-Key, caller, path and body identify it. A POST retried
-- with its key after its bulk command stopped part-way (a 503) finishes that command instead of starting the same
-- work a second time beside it.
ALTER TABLE bulk_command ADD COLUMN request_identity BYTEA;
CREATE INDEX bulk_command_request_identity_idx ON bulk_command (request_identity) WHERE request_identity IS NOT NULL;
