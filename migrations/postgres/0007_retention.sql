-- Retention: when a closed referral's personal details were removed (its kind, channel,
-- dates, status and outcome stay, for the council's figures). NULL: not yet.
ALTER TABLE referrals ADD COLUMN anonymised_at BIGINT;
CREATE INDEX referrals_closed ON referrals (status, updated_at);
