-- The directory of community and preventative services, as Open Referral UK (HSDS v3 UK
-- profile) records. Each record is kept as the validated ORUK JSON it was imported as (what
-- the ORUK API serves, unchanged); the columns and link tables beside it hold what the site
-- filters, sorts and shows in lists. An import replaces the whole directory in one
-- transaction.

CREATE TABLE directory_taxonomies (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    position  INTEGER NOT NULL,
    document  TEXT NOT NULL
);

CREATE TABLE directory_taxonomy_terms (
    id           TEXT PRIMARY KEY,
    taxonomy_id  TEXT REFERENCES directory_taxonomies (id),
    code         TEXT NOT NULL,
    name         TEXT NOT NULL,
    position     INTEGER NOT NULL,
    document     TEXT NOT NULL
);
CREATE INDEX directory_terms_taxonomy ON directory_taxonomy_terms (taxonomy_id, position);

CREATE TABLE directory_organizations (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    document  TEXT NOT NULL
);

CREATE TABLE directory_services (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES directory_organizations (id),
    name             TEXT NOT NULL,
    -- The name as both databases sort it alike (lowercase words; compared byte by byte).
    sort_name        TEXT NOT NULL,
    status           TEXT NOT NULL,
    description      TEXT NOT NULL,
    minimum_age      INTEGER,
    maximum_age      INTEGER,
    free             INTEGER NOT NULL CHECK (free IN (0, 1)),
    -- When the entry was last checked (ORUK assured_date, YYYY-MM-DD).
    assured_date     TEXT,
    last_modified    INTEGER, -- unix seconds
    -- The full nested service (/services/{id}) and its one-to-one fields (/services lists).
    document         TEXT NOT NULL,
    list_document    TEXT NOT NULL
);
CREATE INDEX directory_services_sort ON directory_services (sort_name, id);

-- Which taxonomy terms (needs, outcomes, service types) each service has.
CREATE TABLE directory_service_terms (
    service_id        TEXT NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
    taxonomy_term_id  TEXT NOT NULL REFERENCES directory_taxonomy_terms (id),
    PRIMARY KEY (service_id, taxonomy_term_id)
);
CREATE INDEX directory_service_terms_term ON directory_service_terms (taxonomy_term_id);

-- Where each service is delivered: the town filters the directory.
CREATE TABLE directory_service_at_locations (
    id          TEXT PRIMARY KEY,
    service_id  TEXT NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
    town        TEXT NOT NULL,
    document    TEXT NOT NULL
);
CREATE INDEX directory_sal_service ON directory_service_at_locations (service_id);
CREATE INDEX directory_sal_town ON directory_service_at_locations (town);
