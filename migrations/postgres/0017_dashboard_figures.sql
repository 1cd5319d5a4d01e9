-- What the dashboard reads of each request's history, kept on the request in the same
-- transaction as the step that sets it (`insert_history`), so that its figures read the
-- requests of its window through an index alone: when the council first acted on the
-- request (any step after "received") and whether it ever reached an assessment.
ALTER TABLE referrals ADD COLUMN first_contact_at BIGINT;
ALTER TABLE referrals ADD COLUMN assessed BIGINT NOT NULL DEFAULT 0;
UPDATE referrals SET
    first_contact_at = (SELECT MIN(h.at) FROM referral_history h
                        WHERE h.referral_id = referrals.id AND h.status <> 'received'),
    assessed = CASE WHEN EXISTS (SELECT 1 FROM referral_history h WHERE h.referral_id = referrals.id
                                 AND h.status IN ('assessment_arranged', 'assessment_completed'))
               THEN 1 ELSE 0 END;
-- The dashboard's window: first contacts, how closed requests ended, hospital discharges.
CREATE INDEX referrals_first_contact ON referrals (submitted_at, first_contact_at) WHERE first_contact_at IS NOT NULL;
DROP INDEX referrals_status_submitted;
CREATE INDEX referrals_status_submitted ON referrals (status, submitted_at, kind, outcome);
CREATE INDEX referrals_resolved_first ON referrals (submitted_at, route_of_access)
    WHERE status = 'closed' AND assessed = 0 AND event_outcome LIKE 'nfa%';
CREATE INDEX referrals_discharges ON referrals (submitted_at, discharge_date) WHERE discharge_date IS NOT NULL;
