-- One search across guidance pages and directory services. `terms` holds the canonical words
-- (app::domain::search), so SQLite and PostgreSQL match exactly the same words; the other
-- columns are what results show. FTS5 indexes `terms` only, folding nothing itself (the
-- application folds accents, as it does for PostgreSQL).
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED,   -- 'guidance' or 'service'
    key UNINDEXED,    -- the page's slug or the service's id
    title UNINDEXED,
    summary UNINDEXED,
    body UNINDEXED,
    terms,
    tokenize = 'unicode61 remove_diacritics 0'
);
