-- 0005 Polytraders audit envelopes: append-only, hash-chained evidence per portfolio.
--
-- Append-only is enforced twice: the application role may only SELECT and INSERT, and a trigger rejects
-- UPDATE, DELETE and TRUNCATE for everyone else too (owner, migration role), so a mistaken maintenance
-- script cannot rewrite history. Only a superuser disabling the trigger can; that is deliberate and visible.

CREATE TABLE IF NOT EXISTS audit_envelope
(
    envelope_id  uuid        NOT NULL,
    tenant_id    text        NOT NULL,
    portfolio_id text        NOT NULL,
    sequence     bigint      NOT NULL,
    strategy_id  text        NULL,
    launch_id    text        NULL,
    reason_code  text        NOT NULL,
    badge        text        NULL,
    mode         text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    prev_hash    text        NOT NULL,
    hash         text        NOT NULL,
    body         jsonb       NOT NULL,

    CONSTRAINT pk_audit_envelope PRIMARY KEY (envelope_id),
    -- One envelope per position in a portfolio's chain; its index also serves reviewer reads by
    -- (portfolio_id, sequence), so there is no separate index for them.
    CONSTRAINT uq_audit_envelope_portfolio_sequence UNIQUE (portfolio_id, sequence)
);

-- Reviewer queries. strategy_id and launch_id are often NULL; partial indexes skip those rows and still
-- serve equality lookups (an equality predicate implies NOT NULL).
CREATE INDEX IF NOT EXISTS ix_audit_envelope_strategy_occurred
    ON audit_envelope (strategy_id, occurred_at) WHERE strategy_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_audit_envelope_launch
    ON audit_envelope (launch_id) WHERE launch_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_audit_envelope_reason_occurred
    ON audit_envelope (reason_code, occurred_at);
CREATE INDEX IF NOT EXISTS ix_audit_envelope_occurred
    ON audit_envelope (occurred_at);

CREATE OR REPLACE FUNCTION audit_envelope_reject_change()
  RETURNS trigger
  LANGUAGE plpgsql
AS $func$
BEGIN
    RAISE EXCEPTION 'audit_envelope is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'raise_exception',
              HINT = 'Record a correcting envelope instead of changing an existing one.';
END
$func$;

-- Statement level, so even an UPDATE or DELETE that matches no row is refused, and TRUNCATE is covered.
DROP TRIGGER IF EXISTS trg_audit_envelope_append_only ON audit_envelope;
CREATE TRIGGER trg_audit_envelope_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_envelope
    FOR EACH STATEMENT EXECUTE FUNCTION audit_envelope_reject_change();

-- Roles are cluster-wide while this migration runs per database (and the runner's advisory lock is per
-- database), so two databases migrating at once may race to create it: the existence check avoids needing
-- CREATEROLE when it exists, the handler absorbs the race. LOGIN without a password: operators set the
-- password (or map certificate/peer auth) outside migrations, which never carry secrets.
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'polytraders_app') THEN
        BEGIN
            CREATE ROLE polytraders_app LOGIN;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN
                NULL;
        END;
    END IF;

    EXECUTE format('GRANT USAGE ON SCHEMA %I TO polytraders_app', current_schema());
END
$roles$;

REVOKE ALL ON TABLE audit_envelope FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE audit_envelope FROM polytraders_app;
GRANT SELECT, INSERT ON TABLE audit_envelope TO polytraders_app;
