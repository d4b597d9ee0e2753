-- Issue 14: payments to one account are found through a keyed hash of the payee's account alone
-- (kind and canonical form), next to the payee's own blind index of name and account.
ALTER TABLE pii_subject ADD COLUMN account_index BYTEA;
CREATE INDEX pii_subject_account_idx ON pii_subject (account_index) WHERE account_index IS NOT NULL;
