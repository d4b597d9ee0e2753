-- Assistance months per household, owned by the duration-buckets projection. A benefit month is an
-- assistance month of a household while it has at least one executed, not returned payment for it.
CREATE TABLE duration_household_month (
    household_id  UUID    NOT NULL,
    month         CHAR(7) NOT NULL,
    municipality  CHAR(4) NOT NULL,
    live_payments INTEGER NOT NULL,
    PRIMARY KEY (household_id, month)
);

-- The same, one row per household and year: bit n-1 of months is set when month n is an
-- assistance month. A report over 12 months reads one or two rows per household.
CREATE TABLE duration_household_year (
    municipality CHAR(4) NOT NULL,
    year         INTEGER NOT NULL,
    household_id UUID    NOT NULL,
    months       INTEGER NOT NULL,
    PRIMARY KEY (municipality, year, household_id)
);
