-- 0003 Orleans grain persistence for Microsoft.Orleans.Persistence.AdoNet 10.4.2.
--
-- Reference: the Orleans repository's PostgreSQL-Persistence.sql. Differences, and why:
--   * 10.x providers write only PayloadBinary (the configured IGrainStorageSerializer decides the bytes), so
--     the PayloadJson/PayloadXml columns and parameters of the 3.x script are gone: a query that names an
--     unsent parameter fails.
--   * ModifiedOn is timestamptz (as after the Orleans 3.6.0 migration).
--   * First writes of a grain take a transaction advisory lock, see writetostorage below.
-- Parameters sent by the provider: GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
-- GrainIdExtensionString, ServiceId, and for writes/clears GrainStateVersion (+ PayloadBinary on write).
-- Reads need columns PayloadBinary and Version; writes/clears return the new version in the first column.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea        NULL,
    ModifiedOn             timestamptz  NOT NULL,
    Version                integer      NULL
);

-- Hashes are not unique (collisions are resolved by the full-key predicates), so this index is not UNIQUE.
CREATE INDEX IF NOT EXISTS IX_OrleansStorage
    ON OrleansStorage USING btree (GrainIdHash, GrainTypeHash);

-- Returns the new version; returning the caller's version unchanged tells Orleans the write lost a race
-- (InconsistentStateException).
CREATE OR REPLACE FUNCTION writetostorage(
    _grainidhash            integer,
    _grainidn0              bigint,
    _grainidn1              bigint,
    _graintypehash          integer,
    _graintypestring        varchar,
    _grainidextensionstring varchar,
    _serviceid              varchar,
    _grainstateversion      integer,
    _payloadbinary          bytea)
  RETURNS TABLE(newgrainstateversion integer)
  LANGUAGE plpgsql
AS $func$
DECLARE
    _newGrainStateVersion integer := _grainstateversion;
    RowCountVar integer := 0;
BEGIN
    -- State was read before: optimistic update guarded by the version.
    IF _grainstateversion IS NOT NULL THEN
        UPDATE OrleansStorage
        SET PayloadBinary = _payloadbinary,
            ModifiedOn = now(),
            Version = Version + 1
        WHERE GrainIdHash = _grainidhash AND _grainidhash IS NOT NULL
          AND GrainTypeHash = _graintypehash AND _graintypehash IS NOT NULL
          AND GrainIdN0 = _grainidn0 AND _grainidn0 IS NOT NULL
          AND GrainIdN1 = _grainidn1 AND _grainidn1 IS NOT NULL
          AND GrainTypeString = _graintypestring AND _graintypestring IS NOT NULL
          AND ((_grainidextensionstring IS NOT NULL AND GrainIdExtensionString IS NOT NULL
                AND GrainIdExtensionString = _grainidextensionstring)
               OR (_grainidextensionstring IS NULL AND GrainIdExtensionString IS NULL))
          AND ServiceId = _serviceid AND _serviceid IS NOT NULL
          AND Version IS NOT NULL AND Version = _grainstateversion;

        GET DIAGNOSTICS RowCountVar = ROW_COUNT;
        IF RowCountVar > 0 THEN
            _newGrainStateVersion := _grainstateversion + 1;
        END IF;
    END IF;

    -- First write. The table has no unique key (see IX_OrleansStorage), so under READ COMMITTED two
    -- activations of the same grain (split brain) could both pass NOT EXISTS and insert twice. The
    -- transaction advisory lock on the two hashes serialises them: the second one's INSERT starts after the
    -- first committed, sees its row and inserts nothing, and Orleans reports the conflict.
    IF _grainstateversion IS NULL THEN
        PERFORM pg_advisory_xact_lock(_grainidhash, _graintypehash);

        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
             ServiceId, PayloadBinary, ModifiedOn, Version)
        SELECT _grainidhash, _grainidn0, _grainidn1, _graintypehash, _graintypestring, _grainidextensionstring,
               _serviceid, _payloadbinary, now(), 1
        WHERE NOT EXISTS
        (
            SELECT 1
            FROM OrleansStorage
            WHERE GrainIdHash = _grainidhash AND _grainidhash IS NOT NULL
              AND GrainTypeHash = _graintypehash AND _graintypehash IS NOT NULL
              AND GrainIdN0 = _grainidn0 AND _grainidn0 IS NOT NULL
              AND GrainIdN1 = _grainidn1 AND _grainidn1 IS NOT NULL
              AND GrainTypeString = _graintypestring AND _graintypestring IS NOT NULL
              AND ((_grainidextensionstring IS NOT NULL AND GrainIdExtensionString IS NOT NULL
                    AND GrainIdExtensionString = _grainidextensionstring)
                   OR (_grainidextensionstring IS NULL AND GrainIdExtensionString IS NULL))
              AND ServiceId = _serviceid AND _serviceid IS NOT NULL
        );

        GET DIAGNOSTICS RowCountVar = ROW_COUNT;
        IF RowCountVar > 0 THEN
            _newGrainStateVersion := 1;
        END IF;
    END IF;

    RETURN QUERY SELECT _newGrainStateVersion AS NewGrainStateVersion;
END
$func$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', $q$
    SELECT * FROM writetostorage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                                 @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);
$q$),
('ReadFromStorageKey', $q$
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND @GrainIdHash IS NOT NULL
      AND GrainTypeHash = @GrainTypeHash AND @GrainTypeHash IS NOT NULL
      AND GrainIdN0 = @GrainIdN0 AND @GrainIdN0 IS NOT NULL
      AND GrainIdN1 = @GrainIdN1 AND @GrainIdN1 IS NOT NULL
      AND GrainTypeString = @GrainTypeString AND @GrainTypeString IS NOT NULL
      AND ((@GrainIdExtensionString IS NOT NULL AND GrainIdExtensionString IS NOT NULL
            AND GrainIdExtensionString = @GrainIdExtensionString)
           OR (@GrainIdExtensionString IS NULL AND GrainIdExtensionString IS NULL))
      AND ServiceId = @ServiceId AND @ServiceId IS NOT NULL;
$q$),
-- Clear keeps the row (payload NULL, version bumped) so the version sequence survives a clear.
('ClearStorageKey', $q$
    UPDATE OrleansStorage
    SET PayloadBinary = NULL,
        ModifiedOn = now(),
        Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash AND @GrainIdHash IS NOT NULL
      AND GrainTypeHash = @GrainTypeHash AND @GrainTypeHash IS NOT NULL
      AND GrainIdN0 = @GrainIdN0 AND @GrainIdN0 IS NOT NULL
      AND GrainIdN1 = @GrainIdN1 AND @GrainIdN1 IS NOT NULL
      AND GrainTypeString = @GrainTypeString AND @GrainTypeString IS NOT NULL
      AND ((@GrainIdExtensionString IS NOT NULL AND GrainIdExtensionString IS NOT NULL
            AND GrainIdExtensionString = @GrainIdExtensionString)
           OR (@GrainIdExtensionString IS NULL AND GrainIdExtensionString IS NULL))
      AND ServiceId = @ServiceId AND @ServiceId IS NOT NULL
      AND Version IS NOT NULL AND Version = @GrainStateVersion AND @GrainStateVersion IS NOT NULL
    RETURNING Version AS NewGrainStateVersion;
$q$),
-- Used when DeleteStateOnClear is set. Returns a value different from the caller's version on success and
-- no row on a version mismatch, which is what the provider's conflict check expects.
('DeleteStorageKey', $q$
    DELETE FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND @GrainIdHash IS NOT NULL
      AND GrainTypeHash = @GrainTypeHash AND @GrainTypeHash IS NOT NULL
      AND GrainIdN0 = @GrainIdN0 AND @GrainIdN0 IS NOT NULL
      AND GrainIdN1 = @GrainIdN1 AND @GrainIdN1 IS NOT NULL
      AND GrainTypeString = @GrainTypeString AND @GrainTypeString IS NOT NULL
      AND ((@GrainIdExtensionString IS NOT NULL AND GrainIdExtensionString IS NOT NULL
            AND GrainIdExtensionString = @GrainIdExtensionString)
           OR (@GrainIdExtensionString IS NULL AND GrainIdExtensionString IS NULL))
      AND ServiceId = @ServiceId AND @ServiceId IS NOT NULL
      AND Version IS NOT NULL AND Version = @GrainStateVersion AND @GrainStateVersion IS NOT NULL
    RETURNING Version + 1 AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
