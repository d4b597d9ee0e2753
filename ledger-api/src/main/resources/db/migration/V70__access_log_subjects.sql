-- The access log names every data subject an answer showed, not only persons shown unmasked:
-- payees (name and account) too, with the endpoint that showed them and the municipality the
-- request acted in (an auditor sees the entries of the municipalities in scope). person_id keeps
-- its name for the entries written before; it holds the subject id of either kind.
ALTER TABLE pii_access_log
    ADD COLUMN subject_kind   VARCHAR(16)  NOT NULL DEFAULT 'PERSON',
    ADD COLUMN endpoint       VARCHAR(255),
    ADD COLUMN correlation_id VARCHAR(64),
    ADD COLUMN municipality   VARCHAR(4);
CREATE INDEX pii_access_log_actor_idx ON pii_access_log (actor, accessed_at);
CREATE INDEX pii_access_log_accessed_idx ON pii_access_log (accessed_at);
