-- Tamper evidence: one link per stored event, in global-index order. Each hash covers the
-- previous link's hash and the whole stored event (ids, type, revision, time stamp, metadata and
-- payload); see EventChain for the exact encoding. Like the event store, rows are only ever
-- inserted.
CREATE TABLE event_chain (
    global_index BIGINT PRIMARY KEY,
    hash         BYTEA  NOT NULL
);

-- Links are appended after the events commit, in global-index order, up to an index no running
-- transaction can still fill a gap below. For that, every statement that inserts events first
-- gets its transaction an id, before any of its rows draws a global index: then a transaction
-- holding an index drawn before a given moment is either finished or listed as running in a
-- snapshot taken after that moment (EventChain waits for those, never blocking a writer).
CREATE FUNCTION domain_event_entry_writer_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_current_xact_id();
    RETURN NULL;
END $$;
CREATE TRIGGER domain_event_entry_writer_xid
    BEFORE INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION domain_event_entry_writer_xid();
