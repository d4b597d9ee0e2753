-- monthly-spend's adultCount and childCount, kept by the monthly-spend projection instead of
-- counted per request from every household month of the range and its members (a second for a
-- year of Stockholm).

-- Who was a member of a household in which months, as the monthly-spend projection has seen it:
-- its own copy of household_membership, written in the projection's own order of events (that
-- table is written with the command, ahead of the projection, and during a rebuild far ahead).
-- adult_from: the first month the member counts as an adult (NULL: every month, an applicant or
-- co-applicant).
CREATE TABLE spend_membership (
    household_id    UUID    NOT NULL,
    person_id       UUID    NOT NULL,
    from_month      CHAR(7),
    departure_month CHAR(7),
    adult_from      CHAR(7)
);
CREATE INDEX spend_membership_household_idx ON spend_membership (household_id);

-- Per person and month: in how many of the month's counted households (spend_household_month)
-- the person is a member, as an adult and as a child. A person counts once in the month: as an
-- adult while adult_stays is above zero, else as a child; the row goes when both are zero.
CREATE TABLE spend_person_month (
    municipality CHAR(4)     NOT NULL,
    basis        VARCHAR(16) NOT NULL,
    month        CHAR(7)     NOT NULL,
    person_id    UUID        NOT NULL,
    adult_stays  INTEGER     NOT NULL,
    child_stays  INTEGER     NOT NULL,
    PRIMARY KEY (municipality, basis, month, person_id)
);

-- a member joining or leaving changes the counts of the household's counted months from then on
CREATE INDEX spend_household_month_household_idx ON spend_household_month (household_id, month);

ALTER TABLE spend_month ADD COLUMN adult_count INTEGER NOT NULL DEFAULT 0,
                        ADD COLUMN child_count INTEGER NOT NULL DEFAULT 0;

-- The monthly-spend projection is replayed from the first event, its members included.
TRUNCATE spend_month, spend_household_month;
DELETE FROM token_entry WHERE processor_name = 'monthly-spend';
