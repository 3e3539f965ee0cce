-- 0001 Orleans main: the OrleansQuery catalogue.
--
-- Contract: Microsoft.Orleans.{Clustering,Persistence,Reminders}.AdoNet 10.4.2 (source commit 876ffe0338e4),
-- checked against the provider assemblies themselves: query keys, parameter names and result column names.
-- The Orleans repository's PostgreSQL-Main.sql is the reference; this file is ours.
--
-- The providers load their SQL from this table at start-up ("SELECT QueryKey, QueryText FROM OrleansQuery")
-- and issue nothing else, so 0002-0004 only add the tables, the routines and the rows that name them.
-- Statements are re-runnable (IF NOT EXISTS / OR REPLACE / ON CONFLICT) so a database set up by hand from the
-- Orleans scripts can be adopted; the runner still applies each version once.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,

    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
