-- The indexes the back office's queries need as the history grows: the open queue (its
-- filter is exactly this predicate; the key is its order), requests by when they came (the
-- dashboard's window, the Client Level Data quarter) and history by when it happened (the
-- recent waits behind the expected wait).
CREATE INDEX referrals_open ON referrals (urgent, submitted_at, reference, kind) WHERE status <> 'closed';
CREATE INDEX referrals_submitted ON referrals (submitted_at, kind, check_result);
CREATE INDEX referral_history_at ON referral_history (at, status);
-- Carers' registrations waiting to be checked (the open queue's other half).
CREATE INDEX carers_unchecked ON carers (registered_at) WHERE status <> 'withdrawn' AND reviewed_at IS NULL;
-- Requests assigned to someone only: "unassigned" is most of the closed history, which the
-- open queue's own index serves better.
DROP INDEX referrals_assigned_to;
CREATE INDEX referrals_assigned_to ON referrals (assigned_to) WHERE assigned_to IS NOT NULL;
-- Closed requests not yet anonymised, by when they were last changed: the purge's batches
-- find them without reading the anonymised years behind them.
CREATE INDEX referrals_to_anonymise ON referrals (updated_at) WHERE status = 'closed' AND anonymised_at IS NULL;
-- Undelivered messages by age (the purge's expiry), and delivered or expired ones by when.
CREATE INDEX outbox_undelivered ON outbox (created_at) WHERE delivered_at IS NULL AND expired_at IS NULL;
CREATE INDEX outbox_finished ON outbox ((COALESCE(delivered_at, expired_at)));
-- Subject access: a person by family name (without case) and date of birth, wherever they are
-- named.
CREATE INDEX referral_people_name ON referral_people ((LOWER(family_name)), date_of_birth);
CREATE INDEX carers_name ON carers ((LOWER(family_name)), date_of_birth);
CREATE INDEX carer_cared_for_name ON carer_cared_for ((LOWER(family_name)), date_of_birth);
CREATE INDEX referral_trackers_name ON referral_trackers ((LOWER(name)));
-- A status's page in the queue's orders (oldest first, newest first) without sorting every
-- request of that status (every status is read as the open ones and the closed ones); a status's count (the kind is in the
-- index, so counting reads the index alone) and the dashboard's figures for a status within
-- its window.
DROP INDEX referrals_queue;
CREATE INDEX referrals_status_oldest ON referrals (status, urgent DESC, submitted_at, reference, kind);
CREATE INDEX referrals_status_newest ON referrals (status, urgent DESC, submitted_at DESC, reference DESC, kind);
CREATE INDEX referrals_status_submitted ON referrals (status, submitted_at, kind);
-- Withdrawn and checked registrations by date, for the queue's "closed" and "registered".
CREATE INDEX carers_status_registered ON carers (status, registered_at);
-- Every registration by date, for the queue's "every status".
CREATE INDEX carers_registered ON carers (registered_at, reference);
-- A request's messages by their key (erasure, the purge): by byte-wise range, whatever the collation.
CREATE INDEX outbox_ordering_key ON outbox (ordering_key text_pattern_ops);
