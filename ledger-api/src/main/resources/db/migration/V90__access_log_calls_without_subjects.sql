-- Some answers are logged on every call, even when they show no one: the statistics export of a
-- month without assistance (or whose applicants were all erased) is still a call for personal data.
-- Such an entry names no subject: subject_id and its kind are null. Only the NOT NULL constraints
-- change; the table stays insert-only for the service role (V79's privileges are untouched).
ALTER TABLE pii_access_log
    ALTER COLUMN person_id DROP NOT NULL,
    ALTER COLUMN subject_kind DROP NOT NULL,
    ADD CONSTRAINT pii_access_log_subject_has_kind CHECK ((person_id IS NULL) = (subject_kind IS NULL));
