-- Staff sign-in attempts, counted before the password or code is weighed, so that guesses
-- sent at once cannot all pass the count; an attempt that succeeds is forgotten. Each is
-- counted three ways (hashes, never the email or address as typed): per email and client
-- address (locked past the limit), per client address (locked past four times the limit),
-- and per email alone (only slowed down: a stranger must not be able to lock a person out).
CREATE TABLE sign_in_attempts (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_bucket    TEXT NOT NULL,
    client_bucket  TEXT NOT NULL,
    email_bucket   TEXT NOT NULL,
    at             INTEGER NOT NULL
);
CREATE INDEX sign_in_attempts_pair ON sign_in_attempts (pair_bucket, at);
CREATE INDEX sign_in_attempts_client ON sign_in_attempts (client_bucket, at);
CREATE INDEX sign_in_attempts_email ON sign_in_attempts (email_bucket, at);
CREATE INDEX sign_in_attempts_at ON sign_in_attempts (at);

-- Failed tries on an account since its last successful sign-in (NIST SP 800-63B 5.2.2: at
-- most 100 before only the account's usual addresses may try).
ALTER TABLE staff_accounts ADD COLUMN failures_since_success INTEGER NOT NULL DEFAULT 0;

-- The client addresses (hashed) an account has signed in from: its usual addresses.
CREATE TABLE staff_known_clients (
    account_id     INTEGER NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
    client_bucket  TEXT NOT NULL,
    last_at        INTEGER NOT NULL,
    PRIMARY KEY (account_id, client_bucket)
);

-- Which sign-in of the account its sessions belong to: raised by every sign-in, password
-- change, reset and deactivation, so every other session of the account ends at its next
-- request.
ALTER TABLE staff_accounts ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;

-- An undelivered message given up on: erased with its request or registration, or past the
-- council's time for undelivered messages (PORTAL_RETAIN_UNDELIVERED_MESSAGE_DAYS). Its
-- payload is replaced, it is never sent, staff see it counted, and it is deleted with the
-- delivered ones.
ALTER TABLE outbox ADD COLUMN expired_at INTEGER;

-- Keys for the partner API (POST /api/v1/referrals and /carers): only a SHA-256 hash of each
-- key is kept (a key is 160 random bits, shown once). The name is the channel staff see.
CREATE TABLE api_keys (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    key_hash    TEXT NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL,
    -- Who made it: "command line" or a staff member's email.
    created_by  TEXT NOT NULL,
    revoked_at  INTEGER
);

-- The API key's name a request or registration came through (NULL: the web pages).
ALTER TABLE referrals ADD COLUMN partner TEXT;
ALTER TABLE carers ADD COLUMN partner TEXT;

-- Acknowledgement emails written per recipient (a hash of the address) per day (days since
-- 1970, UTC), whoever sent the requests: past the council's cap, no more are written that day.
CREATE TABLE email_quotas (
    bucket  TEXT NOT NULL,
    day     INTEGER NOT NULL,
    sent    INTEGER NOT NULL,
    PRIMARY KEY (bucket, day)
);

-- A staff member sets their own password and authenticator through a one-time link that an
-- administrator asks for (a new account, or a reset after a lost phone or password); the
-- administrator never sees a secret. Making or resetting a manager or an administrator waits
-- for a second administrator's approval. The link's token is kept only as a hash.
CREATE TABLE staff_enrolments (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    INTEGER NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
    -- new or reset.
    kind          TEXT NOT NULL CHECK (kind IN ('new', 'reset')),
    requested_by  TEXT NOT NULL,
    requested_at  INTEGER NOT NULL,
    -- NULL until approved (the requester, when no second approval is needed).
    approved_by   TEXT,
    -- Set when the link is made.
    token_hash    TEXT UNIQUE,
    expires_at    INTEGER,
    used_at       INTEGER
);
CREATE INDEX staff_enrolments_account ON staff_enrolments (account_id);
