-- Carer registrations in the back office's queue: when a member of staff checked a new
-- registration (NULL: new, waiting in the queue).
ALTER TABLE carers ADD COLUMN reviewed_at BIGINT;

-- The eligibility self-check's result, when a request for an assessment came from its
-- "ask for an assessment" (NULL: the request did not come from a self-check). For the
-- dashboard's "share from the self-check" and "results that led to a request".
ALTER TABLE referrals ADD COLUMN check_result TEXT;

-- How often each directory service was suggested on a self-check's result page, per week
-- (no personal data: a count per service per week).
CREATE TABLE service_suggestions (
    -- domain::demand::week_of: weeks since Monday 5 January 1970.
    week          BIGINT NOT NULL,
    service_id    TEXT NOT NULL,
    -- The service's name when last suggested.
    service_name  TEXT NOT NULL,
    shown         BIGINT NOT NULL,
    PRIMARY KEY (week, service_id)
);
