-- 0007 Governance chains: a Tenant's governance chain (GOV-<tenant>: mode ladder attestations, promotions, refusals,
-- demotions) belongs to no Portfolio, so its envelopes carry no portfolio_id. The Portfolio chains keep theirs.

ALTER TABLE audit_envelope ALTER COLUMN portfolio_id DROP NOT NULL;
