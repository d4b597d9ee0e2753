-- Who was a member of a household in which months, owned by the household-view projection: from
-- from_month (NULL: a founder, a member from the start) up to the month before departure_month
-- (NULL: still a member). A person who leaves and comes back has one row per stay. Person-level
-- statistics join these rows with the households' assistance months.
CREATE TABLE household_membership (
    household_id    UUID        NOT NULL REFERENCES household (household_id),
    person_id       UUID        NOT NULL,
    role            VARCHAR(16) NOT NULL,
    birth_date      DATE        NOT NULL,
    from_month      CHAR(7),
    departure_month CHAR(7)
);
CREATE INDEX household_membership_household_idx ON household_membership (household_id);

-- every member registered so far is a founder that has not left
INSERT INTO household_membership (household_id, person_id, role, birth_date)
SELECT household_id, person_id, role, birth_date FROM household_member;

-- the person-level reports read a municipality's household months of a window
CREATE INDEX duration_household_month_municipality_idx ON duration_household_month (municipality, month);

-- Repayments received per municipality and month of receivedOn, owned by the recovered-cash projection.
CREATE TABLE recovered_cash_month (
    municipality CHAR(4) NOT NULL,
    month        CHAR(7) NOT NULL,
    received_ore BIGINT  NOT NULL,
    PRIMARY KEY (municipality, month)
);

-- the monthly statistics extract reads a municipality's paid payments of one benefit month
CREATE INDEX payment_executed_benefit_month_idx ON payment (municipality, benefit_month) WHERE status = 'EXECUTED';
