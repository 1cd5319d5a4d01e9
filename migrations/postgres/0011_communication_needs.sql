-- A flag for the queue: the person has communication needs (an interpreter, another format,
-- or words about how to communicate; the Accessible Information Standard). The needs
-- themselves stay in the request's details.
ALTER TABLE referrals ADD COLUMN communication_needs BIGINT NOT NULL DEFAULT 0
    CHECK (communication_needs IN (0, 1));
UPDATE referrals SET communication_needs = 1
    WHERE details::jsonb -> 'person' ->> 'interpreter_needed' = 'true'
       OR COALESCE(details::jsonb -> 'person' ->> 'communication_needs', '') <> '';
