-- One search across guidance pages and directory services. `terms` holds the canonical words
-- (app::domain::search), so SQLite and PostgreSQL match exactly the same words; the other
-- columns are what results show. The 'simple' configuration neither stems nor drops words:
-- the application has already done both, identically for both databases.
CREATE TABLE search_index (
    kind     TEXT NOT NULL,   -- 'guidance' or 'service'
    key      TEXT NOT NULL,   -- the page's slug or the service's id
    title    TEXT NOT NULL,
    summary  TEXT NOT NULL,
    body     TEXT NOT NULL,
    terms    TEXT NOT NULL,
    terms_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED,
    PRIMARY KEY (kind, key)
);
CREATE INDEX search_index_terms ON search_index USING GIN (terms_vector);
