-- Monthly spend per municipality, month and basis (BENEFIT_MONTH: the month the assistance is
-- for; PAYMENT_DATE: due, executed and returned dates). Owned by the monthly-spend projection.
CREATE TABLE spend_month (
    municipality    CHAR(4)     NOT NULL,
    basis           VARCHAR(16) NOT NULL,
    month           CHAR(7)     NOT NULL,
    scheduled_ore   BIGINT      NOT NULL,
    executed_ore    BIGINT      NOT NULL,
    returned_ore    BIGINT      NOT NULL,
    payment_count   INTEGER     NOT NULL,
    household_count INTEGER     NOT NULL,
    PRIMARY KEY (municipality, basis, month)
);

-- Per household and month: how many of its executed payments are not returned. The household
-- counts in the month while this is above zero.
CREATE TABLE spend_household_month (
    municipality  CHAR(4)     NOT NULL,
    basis         VARCHAR(16) NOT NULL,
    month         CHAR(7)     NOT NULL,
    household_id  UUID        NOT NULL,
    live_payments INTEGER     NOT NULL,
    PRIMARY KEY (municipality, basis, month, household_id)
);
