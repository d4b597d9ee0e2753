-- The persons of duration-buckets (and so of kpi), kept by the monthly-spend projection instead of
-- counted per request from every assistance month of the window and its members (seconds for
-- Stockholm at national scale). A benefit month with live payments (executed, not returned) is
-- both monthly-spend's counted household month and duration-buckets' assistance month, so the
-- person months of basis BENEFIT_MONTH are the persons' assistance months.

-- Per municipality, person and year, of spend_person_month's BENEFIT_MONTH rows: bit n-1 of
-- adult_months is set when the person counts as an adult in month n (adult_stays > 0), of
-- child_months when they count as a child (no adult stay, a child stay). A report over 12 months
-- reads one or two rows per person. No row has both masks zero.
CREATE TABLE spend_person_year (
    municipality CHAR(4) NOT NULL,
    year         INTEGER NOT NULL,
    person_id    UUID    NOT NULL,
    adult_months INTEGER NOT NULL,
    child_months INTEGER NOT NULL,
    PRIMARY KEY (municipality, year, person_id)
);

INSERT INTO spend_person_year (municipality, year, person_id, adult_months, child_months)
SELECT municipality, left(month, 4)::integer, person_id,
       bit_or(CASE WHEN adult_stays > 0 THEN 1 << (right(month, 2)::integer - 1) ELSE 0 END),
       bit_or(CASE WHEN adult_stays = 0 AND child_stays > 0 THEN 1 << (right(month, 2)::integer - 1) ELSE 0 END)
FROM spend_person_month
WHERE basis = 'BENEFIT_MONTH'
GROUP BY municipality, left(month, 4), person_id;
