-- truce store, schema version 1 (PostgreSQL). Kept in step with
-- migrations/sqlite/0001_documents_and_claims.sql: same tables, same
-- columns, same meaning; only the column types differ.

-- Marks the database as a truce store; a database without it is refused.
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO store_meta (key, value) VALUES ('application', 'truce');

-- One row per stored report. `report_meta` is the report's `document`
-- object (truce_model::Document) as JSON; the columns beside it are copies
-- for indexing. `duplicate_of` links a near-duplicate to the first copy.
-- `simhash` is the near-duplicate fingerprint (0: text too short); the
-- store matches fingerprints in memory (see src/near.rs).
CREATE TABLE documents (
    seq          BIGSERIAL PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    simhash      BIGINT NOT NULL,
    duplicate_of TEXT REFERENCES documents (id),
    distance     BIGINT,
    published    TEXT NOT NULL,
    outlet       TEXT,
    title        TEXT,
    extractor    TEXT NOT NULL,
    ingested_at  TEXT NOT NULL,
    report_meta  TEXT NOT NULL,
    body         TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_extractor ON documents (extractor);

-- One row per claim, in report order; `claim` is truce_model::Claim as JSON.
CREATE TABLE claims (
    document_seq BIGINT NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    ord          BIGINT NOT NULL,
    kind         TEXT NOT NULL,
    modality     TEXT NOT NULL,
    claim        TEXT NOT NULL,
    PRIMARY KEY (document_seq, ord)
);
CREATE INDEX claims_kind ON claims (kind);
