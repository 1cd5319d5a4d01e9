-- Client Level Data at the front door: how each request came (route of access), who made
-- contact (requester type), what it led to (event outcome, recorded at closing), and for a
-- hospital discharge its expected date, which orders the queue's discharges.
ALTER TABLE referrals ADD COLUMN route_of_access TEXT NOT NULL DEFAULT 'community_other';
ALTER TABLE referrals ADD COLUMN requester_type TEXT NOT NULL DEFAULT 'self';
ALTER TABLE referrals ADD COLUMN event_outcome TEXT;
ALTER TABLE referrals ADD COLUMN discharge_date TEXT;
UPDATE referrals SET requester_type = CASE
    WHEN json_extract(details, '$.for') = 'someone_else' AND kind = 'safeguarding_concern'
         AND json_extract(details, '$.referrer') IS NULL THEN 'anonymous'
    WHEN json_extract(details, '$.for') = 'someone_else' THEN 'family_friend_neighbour'
    ELSE 'self' END;
CREATE INDEX referrals_discharge ON referrals (discharge_date) WHERE discharge_date IS NOT NULL;
