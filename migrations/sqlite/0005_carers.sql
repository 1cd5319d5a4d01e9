-- The carers' register: each carer, the people they look after, and their emergency plan.
-- A registration is written once per idempotency key, with its outbox messages, in one
-- transaction (as referrals are).

CREATE TABLE carers (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    reference         TEXT NOT NULL UNIQUE,
    idempotency_key   TEXT NOT NULL UNIQUE,
    -- The body as received (canonical JSON), to tell a replay from a key reused for another.
    request_body      TEXT NOT NULL,
    channel           TEXT NOT NULL CHECK (channel IN ('web', 'api')),
    status            TEXT NOT NULL CHECK (status IN ('registered', 'withdrawn')),
    given_name        TEXT NOT NULL,
    family_name       TEXT NOT NULL,
    -- YYYY-MM-DD: with the reference, it opens the carer's own details later.
    date_of_birth     TEXT NOT NULL,
    phone             TEXT NOT NULL DEFAULT '',
    email             TEXT NOT NULL DEFAULT '',
    -- The checked registration, as JSON (API.md field names), consent included.
    details           TEXT NOT NULL,
    consent_given_at  INTEGER NOT NULL, -- unix seconds
    registered_at     INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);

-- The people a carer looks after (for the back office's lists; details has the rest).
CREATE TABLE carer_cared_for (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    carer_id        INTEGER NOT NULL REFERENCES carers (id) ON DELETE CASCADE,
    given_name      TEXT NOT NULL,
    family_name     TEXT NOT NULL,
    date_of_birth   TEXT,
    relationship    TEXT NOT NULL
);
CREATE INDEX carer_cared_for_carer ON carer_cared_for (carer_id);

-- What the emergency duty team opens by the reference on the carer's card.
CREATE TABLE carer_emergency_plans (
    carer_id    INTEGER PRIMARY KEY REFERENCES carers (id) ON DELETE CASCADE,
    plan        TEXT NOT NULL, -- JSON: needs, contacts, keyholders
    updated_at  INTEGER NOT NULL
);
