-- Server-side sessions: the answers a resident has given so far (drafts) live here, never in
-- the browser. The cookie carries only the opaque id.
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY NOT NULL,
    data        TEXT NOT NULL,
    expires_at  INTEGER NOT NULL -- unix seconds
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- "Give feedback on this service". No personal data is asked for.
CREATE TABLE feedback (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    satisfaction  TEXT NOT NULL CHECK (satisfaction IN
                    ('very_satisfied', 'satisfied', 'neither', 'dissatisfied', 'very_dissatisfied')),
    improvements  TEXT NOT NULL DEFAULT '',
    submitted_at  INTEGER NOT NULL -- unix seconds
);
CREATE INDEX feedback_submitted_at ON feedback (submitted_at);
