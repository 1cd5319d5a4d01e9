-- "Something has changed": what the person or someone following the request tells the
-- council while they wait, and whether things are more urgent now. `changed_at` marks a
-- change staff have not yet acted on (cleared by their next status change).
CREATE TABLE referral_changes (
    id             BIGSERIAL PRIMARY KEY,
    referral_id    BIGINT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    what_changed   TEXT NOT NULL,
    more_urgent    BIGINT NOT NULL CHECK (more_urgent IN (0, 1)),
    at             BIGINT NOT NULL
);
CREATE INDEX referral_changes_referral ON referral_changes (referral_id, at);
ALTER TABLE referrals ADD COLUMN changed_at BIGINT;
