-- The back office's staff accounts: who can sign in, with which role, and what proves it
-- (an argon2id password hash and a TOTP secret; recovery codes stored as SHA-256 hashes).
-- Failed sign-ins are counted in lookup_failures, keyed by the email's hash, so an unknown
-- email and a wrong password behave the same.
CREATE TABLE staff_accounts (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    -- Lower case.
    email            TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    role             TEXT NOT NULL CHECK (role IN ('triage_officer', 'carers_lead', 'manager', 'admin')),
    password_hash    TEXT NOT NULL,
    -- Base32, as the authenticator app was given it.
    totp_secret      TEXT NOT NULL,
    -- The last 30-second step whose code was accepted: a code works once.
    totp_last_step   INTEGER NOT NULL DEFAULT 0,
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at       INTEGER NOT NULL
);

CREATE TABLE staff_recovery_codes (
    account_id  INTEGER NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
    code_hash   TEXT NOT NULL,
    used_at     INTEGER,
    PRIMARY KEY (account_id, code_hash)
);

-- Who in the First Contact Team has a referral (NULL: nobody yet).
ALTER TABLE referrals ADD COLUMN assigned_to INTEGER REFERENCES staff_accounts (id);
CREATE INDEX referrals_assigned_to ON referrals (assigned_to);

-- Where a change or a view of personal data came from (the client's address, as the
-- trusted proxy gave it).
ALTER TABLE audit_log ADD COLUMN client TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_log_subject ON audit_log (subject, at);

-- The audit log is append-only for the application: no entry is ever changed (the retention
-- purge may delete entries older than the policy keeps them).
CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- The case-management system's own id for a referral, once it has told us.
ALTER TABLE referrals ADD COLUMN case_id TEXT;

-- Updates received from the case-management system, by their event id: a replay is refused.
CREATE TABLE integration_receipts (
    event_id     TEXT PRIMARY KEY NOT NULL,
    received_at  INTEGER NOT NULL
);
