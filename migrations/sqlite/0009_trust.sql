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
