-- 0006 Audit chains by id, reviewer indexes for keyset paging, and the silo's privileges on the Orleans tables.
--
-- chain_id is the key of the audit trail grain that wrote the envelope: a live chain's id is its portfolio id, a
-- backtest's chain is the run's own (backtest_id). One portfolio may so own several chains, and uniqueness moves from
-- (portfolio_id, sequence) to (chain_id, sequence). chain_id is the store's key, not a field of the envelope: the
-- envelope (body) and its hash are unchanged by it.

ALTER TABLE audit_envelope ADD COLUMN IF NOT EXISTS chain_id    text NULL;
ALTER TABLE audit_envelope ADD COLUMN IF NOT EXISTS backtest_id text NULL;

-- Rows written before this migration are live chains: 0005 allowed one chain per portfolio. The append-only trigger
-- refuses UPDATE; this one-off backfill of the new key column, inside the migration's transaction, is the only
-- exception, and the trigger is back on before the transaction commits.
ALTER TABLE audit_envelope DISABLE TRIGGER trg_audit_envelope_append_only;
UPDATE audit_envelope SET chain_id = portfolio_id WHERE chain_id IS NULL;
ALTER TABLE audit_envelope ENABLE TRIGGER trg_audit_envelope_append_only;
ALTER TABLE audit_envelope ALTER COLUMN chain_id SET NOT NULL;

ALTER TABLE audit_envelope DROP CONSTRAINT IF EXISTS uq_audit_envelope_portfolio_sequence;
-- One envelope per position in a chain; its index serves the chain writer's head read and chain verification.
ALTER TABLE audit_envelope ADD CONSTRAINT uq_audit_envelope_chain_sequence UNIQUE (chain_id, sequence);

-- Reviewer queries page oldest first by the keyset (occurred_at, envelope_id) and never show backtest (badged)
-- envelopes, so each filter gets one partial index ending in the keyset: a page is one index range scan.
DROP INDEX IF EXISTS ix_audit_envelope_strategy_occurred;
DROP INDEX IF EXISTS ix_audit_envelope_launch;
DROP INDEX IF EXISTS ix_audit_envelope_reason_occurred;
DROP INDEX IF EXISTS ix_audit_envelope_occurred;
CREATE INDEX IF NOT EXISTS ix_audit_envelope_live_portfolio
    ON audit_envelope (portfolio_id, occurred_at, envelope_id) WHERE badge IS NULL;
CREATE INDEX IF NOT EXISTS ix_audit_envelope_live_strategy
    ON audit_envelope (strategy_id, occurred_at, envelope_id) WHERE badge IS NULL AND strategy_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_audit_envelope_live_launch
    ON audit_envelope (launch_id, occurred_at, envelope_id) WHERE badge IS NULL AND launch_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_audit_envelope_live_reason
    ON audit_envelope (reason_code, occurred_at, envelope_id) WHERE badge IS NULL;
CREATE INDEX IF NOT EXISTS ix_audit_envelope_live_occurred
    ON audit_envelope (occurred_at, envelope_id) WHERE badge IS NULL;

-- The silo connects as polytraders_app (0005). It reads the provider queries, keeps membership, grain state and
-- reminders (full DML on those tables: the Orleans providers insert, update and delete rows), and on audit_envelope
-- keeps only the SELECT and INSERT granted by 0005. It owns nothing, so it can neither change a table's shape nor
-- switch off the append-only trigger; the migration role (the owner) does that, here, once.
GRANT SELECT ON TABLE OrleansQuery, schema_migrations TO polytraders_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE
    OrleansMembershipVersionTable, OrleansMembershipTable, OrleansStorage, OrleansRemindersTable
    TO polytraders_app;
