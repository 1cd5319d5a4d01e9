-- The words of what was written (requests, carers' registrations, emergency plans), for
-- finding a person's full name in them for a subject access request without reading every
-- request ever made. The query checks each match with the same LIKE as before, so only
-- whole words are narrowed to.
CREATE INDEX referrals_words ON referrals USING GIN (to_tsvector('simple', details));
CREATE INDEX carers_words ON carers USING GIN (to_tsvector('simple', details));
CREATE INDEX carer_plans_words ON carer_emergency_plans USING GIN (to_tsvector('simple', plan));
