-- Check-ins while waiting: when the last "still waiting" email went about an open request
-- (null: none yet, counted from when it was sent). The index holds open requests other than
-- safeguarding concerns by when their next check-in falls due, so the hourly sweep reads
-- only those due.
ALTER TABLE referrals ADD COLUMN checked_in_at INTEGER;
CREATE INDEX referrals_check_in_due ON referrals ((COALESCE(checked_in_at, submitted_at)))
    WHERE status <> 'closed' AND kind <> 'safeguarding_concern';
