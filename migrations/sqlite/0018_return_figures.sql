-- What the Client Level Data return reads of each request, kept on the request when it is
-- written (the age band on the day of the request and the postcode district, from
-- `domain::cld_return`) or when it is closed (`insert_history`), so that a quarter's return is
-- one range of one index rather than every request's answers, people and history.
ALTER TABLE referrals ADD COLUMN closed_at INTEGER;
ALTER TABLE referrals ADD COLUMN age_band TEXT NOT NULL DEFAULT 'Unknown';
ALTER TABLE referrals ADD COLUMN postcode_district TEXT NOT NULL DEFAULT '';
UPDATE referrals SET closed_at = (SELECT MAX(h.at) FROM referral_history h
                                  WHERE h.referral_id = referrals.id AND h.status = 'closed');
-- Ages as `domain::cld_return::age_band` counts them (a birthday on the day counts), on the
-- request's day in UTC; dates of birth are stored as YYYY-MM-DD.
UPDATE referrals SET age_band = COALESCE((
    SELECT CASE WHEN age <= 17 THEN 'Under 18' WHEN age <= 64 THEN '18-64'
                WHEN age <= 74 THEN '65-74' WHEN age <= 84 THEN '75-84' ELSE '85+' END
    FROM (SELECT CAST(strftime('%Y', referrals.submitted_at, 'unixepoch') AS INTEGER)
                 - CAST(substr(p.date_of_birth, 1, 4) AS INTEGER)
                 - (strftime('%m-%d', referrals.submitted_at, 'unixepoch') < substr(p.date_of_birth, 6, 5)) AS age
          FROM referral_people p
          WHERE p.referral_id = referrals.id AND p.role = 'person' AND length(p.date_of_birth) = 10
          LIMIT 1)), 'Unknown')
WHERE kind <> 'safeguarding_concern';
-- The outward code, as `domain::cld_return::postcode_district` reads it (stored postcodes
-- were checked, so spaces are the only separators).
UPDATE referrals SET postcode_district =
    upper(replace(COALESCE(json_extract(details, '$.person.postcode'), ''), ' ', ''))
WHERE kind <> 'safeguarding_concern';
UPDATE referrals SET postcode_district = CASE WHEN length(postcode_district) >= 5
    THEN substr(postcode_district, 1, length(postcode_district) - 3) ELSE '' END;
-- A quarter's return, read from the index alone, in the order it is written out.
-- (SQLite reads the partial index's own condition from the row unless `kind` is in it.)
CREATE INDEX referrals_for_return ON referrals (submitted_at, id, reference, route_of_access,
    requester_type, event_outcome, closed_at, age_band, postcode_district, kind)
    WHERE kind <> 'safeguarding_concern';
