-- The duration-buckets projection updates a household's year row once a month while it is assisted,
-- as monthly-spend does its persons' (V94), with the same cost on full pages: after a year of monthly
-- updates a Stockholm-sized municipality's 20,000 rows lay on 1,464 pages once vacuumed, against
-- 312 with half of each page free (BENCHMARKS.md, "monthly-spend's person year rows"). Every
-- duration-buckets report reads them. Applies to pages written from now on: a rebuild of
-- duration-buckets writes them all again.
ALTER TABLE duration_household_year SET (fillfactor = 50);
