-- Requests for an assessment (and carer's assessments and safeguarding concerns), the people
-- on them, who may follow them, what happened to them, and the messages they cause.

CREATE TABLE referrals (
    id                    BIGSERIAL PRIMARY KEY,
    reference             TEXT NOT NULL UNIQUE,
    -- One submission, one referral: a replayed key returns the referral it made.
    idempotency_key       TEXT NOT NULL UNIQUE,
    -- The body as received (canonical JSON), to tell a replay from a key reused for another.
    request_body          TEXT NOT NULL,
    kind                  TEXT NOT NULL CHECK (kind IN
                            ('assessment', 'carer_assessment', 'safeguarding_concern')),
    channel               TEXT NOT NULL CHECK (channel IN ('web', 'api')),
    urgent                BIGINT NOT NULL CHECK (urgent IN (0, 1)),
    -- The date of birth (YYYY-MM-DD) that, with the reference, opens the progress page.
    -- NULL: nobody can follow it (an anonymous safeguarding concern).
    lookup_date_of_birth  TEXT,
    status                TEXT NOT NULL CHECK (status IN
                            ('received', 'triage', 'assessment_arranged', 'assessment_completed', 'closed')),
    outcome               TEXT CHECK (outcome IN ('support_arranged', 'information_and_advice',
                            'referred_elsewhere', 'no_further_action', 'withdrawn')),
    -- The checked request, as JSON (API.md field names).
    details               TEXT NOT NULL,
    submitted_at          BIGINT NOT NULL, -- unix seconds
    updated_at            BIGINT NOT NULL
);
CREATE INDEX referrals_queue ON referrals (status, urgent, submitted_at);

-- The person the request is about, and whoever asked for them.
CREATE TABLE referral_people (
    id             BIGSERIAL PRIMARY KEY,
    referral_id    BIGINT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('person', 'referrer')),
    given_name     TEXT NOT NULL,
    family_name    TEXT NOT NULL,
    date_of_birth  TEXT,
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX referral_people_referral ON referral_people (referral_id);

-- People the person agreed may follow the request's progress.
CREATE TABLE referral_trackers (
    id             BIGSERIAL PRIMARY KEY,
    referral_id    BIGINT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    relationship   TEXT NOT NULL,
    email          TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX referral_trackers_referral ON referral_trackers (referral_id);

-- Every status a referral has had, with the staff note; only visible notes reach residents.
CREATE TABLE referral_history (
    id             BIGSERIAL PRIMARY KEY,
    referral_id    BIGINT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    status         TEXT NOT NULL,
    outcome        TEXT,
    note           TEXT NOT NULL DEFAULT '',
    note_visible   BIGINT NOT NULL CHECK (note_visible IN (0, 1)),
    actor          TEXT NOT NULL,
    at             BIGINT NOT NULL
);
CREATE INDEX referral_history_referral ON referral_history (referral_id, id);

-- The transactional outbox: emails and case-management events, written in the same
-- transaction as the change that causes them, delivered by workers at least once, in order
-- per ordering_key (the referral's reference).
CREATE TABLE outbox (
    id               BIGSERIAL PRIMARY KEY,
    channel          TEXT NOT NULL CHECK (channel IN ('email', 'event')),
    ordering_key     TEXT NOT NULL,
    payload          TEXT NOT NULL,
    attempts         BIGINT NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT NOT NULL,
    delivered_at     BIGINT,
    last_error       TEXT,
    created_at       BIGINT NOT NULL
);
CREATE INDEX outbox_due ON outbox (channel, delivered_at, next_attempt_at);
CREATE INDEX outbox_order ON outbox (channel, ordering_key, id);

-- Failed progress lookups, counted per client and per reference (shared by every instance).
CREATE TABLE lookup_failures (
    bucket  TEXT NOT NULL,
    at      BIGINT NOT NULL
);
CREATE INDEX lookup_failures_bucket ON lookup_failures (bucket, at);

-- Who did what, for audit. Never dates of birth or other answers.
CREATE TABLE audit_log (
    id       BIGSERIAL PRIMARY KEY,
    at       BIGINT NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    subject  TEXT NOT NULL,
    detail   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);

-- "Save and come back later": a journey's answers under the hash of a one-time code.
CREATE TABLE saved_drafts (
    code_hash   TEXT PRIMARY KEY NOT NULL,
    journey     TEXT NOT NULL,
    data        TEXT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX saved_drafts_expires_at ON saved_drafts (expires_at);
