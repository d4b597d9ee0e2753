-- Households as the REST API shows them, kept in the same transaction as the command that changed
-- them (a subscribing processor), so a client reads its own writes.
CREATE TABLE household (
    household_id           UUID PRIMARY KEY,
    municipality           CHAR(4)     NOT NULL,
    status                 VARCHAR(16) NOT NULL,
    version                BIGINT      NOT NULL,
    registered_at          TIMESTAMPTZ NOT NULL,
    closure_reason         VARCHAR(32),
    closure_effective_month CHAR(7)
);
CREATE INDEX household_municipality_idx ON household (municipality);

CREATE TABLE household_member (
    household_id UUID        NOT NULL REFERENCES household (household_id),
    person_id    UUID        NOT NULL,
    role         VARCHAR(16) NOT NULL,
    birth_date   DATE        NOT NULL,
    municipality CHAR(4)     NOT NULL,
    active       BOOLEAN     NOT NULL,
    PRIMARY KEY (household_id, person_id)
);
-- The rule "a person is in at most one ACTIVE household per municipality", enforced by the
-- database so that two racing registrations cannot both succeed.
CREATE UNIQUE INDEX household_member_one_active_household
    ON household_member (municipality, person_id) WHERE active;
CREATE INDEX household_member_person_idx ON household_member (person_id);
