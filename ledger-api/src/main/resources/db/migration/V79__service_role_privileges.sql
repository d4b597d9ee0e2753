-- Append-only by the database: migrations run as the owner of the schema, the service connects as
-- a role of its own (${service_role}) that may insert into, but never update, delete or truncate,
-- the event store, its hash chain and the access log. Every other table (read models, tokens,
-- vault, idempotency keys, and tables later migrations create) it may read and change: projections
-- are truncated and rebuilt, tokens move, the vault erases.
--
-- The role must exist before this migration runs (docker/postgres-init/ creates it; the embedded
-- default run creates it itself). When the service connects as the owner, or the role does not
-- exist, nothing is granted and the service warns at start-up that the store is not append-only.
--
-- Kept as the last migration of the range: later migrations that create tables need nothing of
-- their own (default privileges), unless the table must be append-only too.
DO $$
DECLARE
    service_role CONSTANT TEXT := '${service_role}';
BEGIN
    IF service_role = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = service_role) THEN
        RAISE NOTICE 'service role % is the owner or does not exist: the event store is not append-only', service_role;
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), service_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), service_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), service_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO %I',
                   current_schema(), service_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', current_schema(), service_role);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry, event_chain, pii_access_log FROM %I', service_role);
    EXECUTE format('REVOKE ALL ON %I FROM %I', '${flyway:table}', service_role);
END $$;
