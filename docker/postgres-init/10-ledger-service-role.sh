#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory (docker-entrypoint-initdb.d).
# POSTGRES_USER owns the database and is the role Flyway migrates as; the service connects as
# ledger_service, which migration V79 allows to insert into, but never update or delete, the event
# store, its hash chain and the access log. See docs/privacy-and-audit.md, "Database roles".
set -eu
: "${LEDGER_SERVICE_PASSWORD:?set LEDGER_SERVICE_PASSWORD}"
psql -v ON_ERROR_STOP=1 -v password="$LEDGER_SERVICE_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE ledger_service LOGIN PASSWORD :'password';
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO ledger_service', current_database()) \gexec
SQL
