//! The referral, outbox, lookup-limit, audit and saved-draft queries, written once for both
//! backends. The SQL is the same on SQLite and PostgreSQL (numbered `$n` parameters work in
//! both, booleans are stored as 0/1), so a macro stamps out one module per database type and
//! each store's `Store` impl calls into its own.

macro_rules! referral_queries {
    ($db:ty, $messages_of:expr) => {
        use app::store::{
            AuditEntry, CreateReferral, HistoryEntry, NewReferralRecord, OutboxMessage,
            OutboxProblem, ReferralReceipt, SavedDraft, StatusChange, StoreResult,
            StoredReferral, TrackerRecord, ChangeRecorded, NewChange, ReferralChange,
        };
        use sqlx::Pool;

        use $crate::store::unavailable;

        type Db = $db;

        pub async fn create_referral(
            pool: &Pool<Db>,
            r: &NewReferralRecord,
        ) -> StoreResult<CreateReferral> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            let inserted = insert_referral(&mut tx, r).await?;
            let Some(id) = inserted else {
                let existing: Option<(String, String, i64, String)> = sqlx::query_as(
                    "SELECT reference, request_body, submitted_at, route_of_access FROM referrals \
                     WHERE idempotency_key = $1",
                )
                .bind(&r.idempotency_key)
                .fetch_optional(&mut *tx)
                .await
                .map_err(unavailable)?;
                tx.rollback().await.map_err(unavailable)?;
                return Ok(match existing {
                    Some((reference, body, submitted_at, route)) if body == r.request_body => {
                        CreateReferral::Replayed(ReferralReceipt {
                            reference,
                            status: "received".to_owned(),
                            submitted_at,
                            route_of_access: Some(route),
                        })
                    }
                    Some(_) => CreateReferral::KeyReused,
                    None => CreateReferral::ReferenceTaken,
                });
            };
            insert_referral_parts(&mut tx, id, r).await?;
            tx.commit().await.map_err(unavailable)?;
            Ok(CreateReferral::Created(ReferralReceipt {
                reference: r.reference.clone(),
                status: "received".to_owned(),
                submitted_at: r.submitted_at,
                route_of_access: Some(r.route_of_access.clone()),
            }))
        }

        /// A step in a request's history, with what the dashboard and the CLD return read of
        /// it kept on the request: when the council first acted on it, whether it reached an
        /// assessment, and when it was (last) closed.
        async fn insert_history(
            tx: &mut sqlx::Transaction<'_, Db>,
            id: i64,
            step: &app::store::HistoryStep,
        ) -> StoreResult<()> {
            sqlx::query(
                "INSERT INTO referral_history (referral_id, status, outcome, note, note_visible, actor, at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(id)
            .bind(&step.status)
            .bind(&step.outcome)
            .bind(&step.note)
            .bind(i64::from(step.note_visible))
            .bind(&step.actor)
            .bind(step.at)
            .execute(&mut **tx)
            .await
            .map_err(unavailable)?;
            if step.status != "received" {
                let assessed = matches!(step.status.as_str(), "assessment_arranged" | "assessment_completed");
                sqlx::query(
                    "UPDATE referrals SET \
                     first_contact_at = CASE WHEN first_contact_at IS NULL OR first_contact_at > $1 THEN $1 ELSE first_contact_at END, \
                     assessed = CASE WHEN $2 = 1 THEN 1 ELSE assessed END, \
                     closed_at = CASE WHEN $3 = 1 AND (closed_at IS NULL OR closed_at < $1) THEN $1 ELSE closed_at END \
                     WHERE id = $4",
                )
                .bind(step.at)
                .bind(i64::from(assessed))
                .bind(i64::from(step.status == "closed"))
                .bind(id)
                .execute(&mut **tx)
                .await
                .map_err(unavailable)?;
            }
            Ok(())
        }

        /// The request's row, unless its reference or key is taken: its id.
        async fn insert_referral(
            tx: &mut sqlx::Transaction<'_, Db>,
            r: &NewReferralRecord,
        ) -> StoreResult<Option<i64>> {
            let inserted: Option<(i64,)> = sqlx::query_as(
                "INSERT INTO referrals (reference, idempotency_key, request_body, kind, channel, urgent, \
                 lookup_date_of_birth, status, outcome, details, submitted_at, updated_at, check_result, partner, \
                 route_of_access, requester_type, discharge_date, communication_needs, age_band, postcode_district) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 'received', NULL, $8, $9, $9, $10, $11, $12, $13, $14, $15, $16, $17) \
                 ON CONFLICT DO NOTHING RETURNING id",
            )
            .bind(&r.reference)
            .bind(&r.idempotency_key)
            .bind(&r.request_body)
            .bind(&r.kind)
            .bind(&r.channel)
            .bind(i64::from(r.urgent))
            .bind(&r.lookup_date_of_birth)
            .bind(&r.details)
            .bind(r.submitted_at)
            .bind(&r.check_result)
            .bind(&r.partner)
            .bind(&r.route_of_access)
            .bind(&r.requester_type)
            .bind(&r.discharge_date)
            .bind(i64::from(r.communication_needs))
            .bind(&r.age_band)
            .bind(&r.postcode_district)
            .fetch_optional(&mut **tx)
            .await
            .map_err(unavailable)?;
            Ok(inserted.map(|(id,)| id))
        }

        /// A request's first history entry: received, by the web pages or a partner's key.
        pub fn received_step(r: &NewReferralRecord) -> app::store::HistoryStep {
            app::store::HistoryStep {
                status: "received".to_owned(),
                outcome: None,
                event_outcome: None,
                note: String::new(),
                note_visible: false,
                actor: match &r.partner {
                    Some(partner) => format!("{partner} (API key)"),
                    None => format!("{} submission", r.channel),
                },
                at: r.submitted_at,
            }
        }

        /// A new request's people, trackers, first history entry, messages and weekly count.
        async fn insert_referral_parts(
            tx: &mut sqlx::Transaction<'_, Db>,
            id: i64,
            r: &NewReferralRecord,
        ) -> StoreResult<()> {
            count_weekly(tx, r.submitted_at, &r.kind, &r.route_of_access, &r.channel, 1).await?;
            for person in &r.people {
                sqlx::query(
                    "INSERT INTO referral_people (referral_id, role, given_name, family_name, date_of_birth, phone, email) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(id)
                .bind(&person.role)
                .bind(&person.given_name)
                .bind(&person.family_name)
                .bind(&person.date_of_birth)
                .bind(&person.phone)
                .bind(&person.email)
                .execute(&mut **tx)
                .await
                .map_err(unavailable)?;
            }
            for tracker in &r.trackers {
                sqlx::query(
                    "INSERT INTO referral_trackers (referral_id, name, relationship, email, phone) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(id)
                .bind(&tracker.name)
                .bind(&tracker.relationship)
                .bind(&tracker.email)
                .bind(&tracker.phone)
                .execute(&mut **tx)
                .await
                .map_err(unavailable)?;
            }
            insert_history(tx, id, &received_step(r)).await?;
            for message in &r.outbox {
                insert_outbox(tx, message, r.submitted_at).await?;
            }
            Ok(())
        }

        pub async fn queue_messages(
            pool: &Pool<Db>,
            messages: &[app::store::NewOutboxMessage],
            at: i64,
        ) -> StoreResult<()> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            for message in messages {
                insert_outbox(&mut tx, message, at).await?;
            }
            tx.commit().await.map_err(unavailable)?;
            Ok(())
        }

        /// What an erased or expired message's payload becomes.
        pub const REDACTED: &str = "{\"redacted\":true}";

        /// Erases the messages, delivered or not, of a referral or carer's registration (their
        /// ordering keys are the reference, or start with it and a `/`): the payload is
        /// replaced, and any not yet delivered will never be sent. How many.
        pub async fn redact_outbox_of(
            tx: &mut sqlx::Transaction<'_, Db>,
            reference: &str,
            now: i64,
        ) -> StoreResult<u64> {
            let sql = format!(
                "UPDATE outbox SET payload = $1, last_error = NULL, \
                 expired_at = CASE WHEN delivered_at IS NULL AND expired_at IS NULL THEN $2 ELSE expired_at END \
                 WHERE {}",
                $messages_of
            );
            // `$3` the reference, `$4` the first key of its messages (`REF/`), `$5` the key
            // past its last (`REF0`, '0' following '/').
            Ok(sqlx::query(&sql)
            .bind(REDACTED)
            .bind(now)
            .bind(reference)
            .bind(format!("{reference}/"))
            .bind(format!("{reference}0"))
            .execute(&mut **tx)
            .await
            .map_err(unavailable)?
            .rows_affected())
        }

        /// Adds `by` (1, or -1 when a request moves) to its week's count.
        pub async fn count_weekly(
            tx: &mut sqlx::Transaction<'_, Db>,
            submitted_at: i64,
            kind: &str,
            route: &str,
            channel: &str,
            by: i64,
        ) -> StoreResult<()> {
            sqlx::query(
                "INSERT INTO weekly_requests (week, kind, route_of_access, channel, requests) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (week, kind, route_of_access, channel) \
                 DO UPDATE SET requests = weekly_requests.requests + $5",
            )
            .bind(app::domain::demand::week_of(submitted_at))
            .bind(kind)
            .bind(route)
            .bind(channel)
            .bind(by)
            .execute(&mut **tx)
            .await
            .map_err(unavailable)?;
            Ok(())
        }

        pub async fn insert_outbox(
            tx: &mut sqlx::Transaction<'_, Db>,
            message: &app::store::NewOutboxMessage,
            at: i64,
        ) -> StoreResult<()> {
            if let Some(quota) = &message.quota {
                // Counted in the same transaction (a row lock on PostgreSQL, the one writer on
                // SQLite), so messages written at once cannot all pass the cap.
                let (sent,): (i64,) = sqlx::query_as(
                    "INSERT INTO email_quotas (bucket, day, sent) VALUES ($1, $2, 1) \
                     ON CONFLICT (bucket, day) DO UPDATE SET sent = email_quotas.sent + 1 RETURNING sent",
                )
                .bind(&quota.bucket)
                .bind(at.div_euclid(86_400))
                .fetch_one(&mut **tx)
                .await
                .map_err(unavailable)?;
                if sent > quota.per_day {
                    tracing::info!(channel = %message.channel, "capped email not sent: the address has had its emails of this kind for today");
                    return Ok(());
                }
            }
            sqlx::query(
                "INSERT INTO outbox (channel, ordering_key, payload, attempts, next_attempt_at, created_at) \
                 VALUES ($1, $2, $3, 0, $4, $4)",
            )
            .bind(&message.channel)
            .bind(&message.ordering_key)
            .bind(&message.payload)
            .bind(at)
            .execute(&mut **tx)
            .await
            .map_err(unavailable)?;
            Ok(())
        }

        pub async fn load_referral(
            pool: &Pool<Db>,
            reference: &str,
        ) -> StoreResult<Option<StoredReferral>> {
            type Row = (i64, String, String, i64, String, Option<String>, Option<String>, String, i64, Option<i64>, String, Option<String>, Option<String>, String, String, Option<String>);
            let row: Option<Row> = sqlx::query_as(
                "SELECT id, reference, kind, urgent, status, outcome, lookup_date_of_birth, details, submitted_at, \
                 assigned_to, COALESCE(partner, channel), case_id, check_result, route_of_access, requester_type, \
                 event_outcome FROM referrals WHERE reference = $1",
            )
            .bind(reference)
            .fetch_optional(pool)
            .await
            .map_err(unavailable)?;
            let Some((id, reference, kind, urgent, status, outcome, lookup_date_of_birth, details, submitted_at, assigned_to, channel, case_id, check_result, route_of_access, requester_type, event_outcome)) = row
            else {
                return Ok(None);
            };
            let trackers: Vec<(String, String, String, String)> = sqlx::query_as(
                "SELECT name, relationship, email, phone FROM referral_trackers WHERE referral_id = $1 ORDER BY id",
            )
            .bind(id)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            let history: Vec<(String, Option<String>, String, i64, String, i64)> = sqlx::query_as(
                "SELECT status, outcome, note, note_visible, actor, at FROM referral_history \
                 WHERE referral_id = $1 ORDER BY id",
            )
            .bind(id)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            let changes: Vec<(String, i64, i64)> = sqlx::query_as(
                "SELECT what_changed, more_urgent, at FROM referral_changes WHERE referral_id = $1 ORDER BY id",
            )
            .bind(id)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            let (changed_at,): (Option<i64>,) = sqlx::query_as("SELECT changed_at FROM referrals WHERE id = $1")
                .bind(id)
                .fetch_one(pool)
                .await
                .map_err(unavailable)?;
            Ok(Some(StoredReferral {
                changed_at,
                changes: changes
                    .into_iter()
                    .map(|(what_changed, more_urgent, at)| ReferralChange { what_changed, more_urgent: more_urgent != 0, at })
                    .collect(),
                reference,
                kind,
                urgent: urgent != 0,
                status,
                outcome,
                lookup_date_of_birth,
                details,
                submitted_at,
                assigned_to,
                channel,
                case_id,
                check_result,
                route_of_access,
                requester_type,
                event_outcome,
                trackers: trackers
                    .into_iter()
                    .map(|(name, relationship, email, phone)| TrackerRecord { name, relationship, email, phone })
                    .collect(),
                history: history
                    .into_iter()
                    .map(|(status, outcome, note, visible, actor, at)| HistoryEntry {
                        status,
                        outcome,
                        note,
                        note_visible: visible != 0,
                        actor,
                        at,
                    })
                    .collect(),
            }))
        }

        pub async fn change_referral_status(pool: &Pool<Db>, change: &StatusChange) -> StoreResult<bool> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            let updated: Option<(i64,)> = sqlx::query_as(
                "UPDATE referrals SET status = $1, outcome = $2, updated_at = $3, event_outcome = $5, \
                 changed_at = NULL WHERE reference = $4 RETURNING id",
            )
            .bind(&change.step.status)
            .bind(&change.step.outcome)
            .bind(change.step.at)
            .bind(&change.reference)
            .bind(&change.step.event_outcome)
            .fetch_optional(&mut *tx)
            .await
            .map_err(unavailable)?;
            let Some((id,)) = updated else {
                tx.rollback().await.map_err(unavailable)?;
                return Ok(false);
            };
            insert_history(&mut tx, id, &change.step).await?;
            for message in &change.outbox {
                insert_outbox(&mut tx, message, change.step.at).await?;
            }
            tx.commit().await.map_err(unavailable)?;
            Ok(true)
        }

        pub async fn recent_waits(
            pool: &Pool<Db>,
            kind: &str,
            urgent: bool,
            next_step: &str,
            since: i64,
        ) -> StoreResult<Vec<i64>> {
            // Read from the recent history by time (`referral_history_at`), never the whole
            // history: the CROSS JOINs fix the order on SQLite, and the unary `+` keeps its
            // planner from reading all the history in the grouping's order instead (on
            // PostgreSQL both are plain joins and a no-op).
            let sql = if next_step == "assessment" {
                "SELECT MIN(a.at) - MIN(t.at) FROM referral_history a \
                 CROSS JOIN referrals r CROSS JOIN referral_history t \
                 WHERE a.status = 'assessment_arranged' AND a.at >= $3 \
                 AND r.id = a.referral_id AND r.kind = $1 AND r.urgent = $2 \
                 AND t.referral_id = a.referral_id AND t.status = 'triage' \
                 GROUP BY +a.referral_id"
            } else {
                "SELECT MIN(h.at) - MIN(r.submitted_at) FROM referral_history h CROSS JOIN referrals r \
                 WHERE h.at >= $3 AND h.status <> 'received' \
                 AND r.id = h.referral_id AND r.kind = $1 AND r.urgent = $2 \
                 GROUP BY +h.referral_id"
            };
            let rows: Vec<(Option<i64>,)> = sqlx::query_as(sql)
                .bind(kind)
                .bind(i64::from(urgent))
                .bind(since)
                .fetch_all(pool)
                .await
                .map_err(unavailable)?;
            Ok(rows.into_iter().filter_map(|(w,)| w).collect())
        }

        pub async fn queue_position(
            pool: &Pool<Db>,
            kind: &str,
            status: &str,
            urgent: bool,
            submitted_at: i64,
            reference: &str,
        ) -> StoreResult<i64> {
            // The queue's own order: urgent first, then first come, then by reference.
            let (ahead,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM referrals WHERE kind = $1 AND status = $2 \
                 AND (urgent > $3 OR (urgent = $3 AND (submitted_at < $4 \
                 OR (submitted_at = $4 AND reference < $5))))",
            )
            .bind(kind)
            .bind(status)
            .bind(i64::from(urgent))
            .bind(submitted_at)
            .bind(reference)
            .fetch_one(pool)
            .await
            .map_err(unavailable)?;
            Ok(ahead + 1)
        }

        pub async fn check_ins_due(pool: &Pool<Db>, due_before: i64, limit: i64) -> StoreResult<Vec<String>> {
            // The expression and conditions of the `referrals_check_in_due` index.
            let rows: Vec<(String,)> = sqlx::query_as(
                "SELECT reference FROM referrals \
                 WHERE status <> 'closed' AND kind <> 'safeguarding_concern' \
                 AND COALESCE(checked_in_at, submitted_at) <= $1 \
                 ORDER BY COALESCE(checked_in_at, submitted_at) LIMIT $2",
            )
            .bind(due_before)
            .bind(limit)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(rows.into_iter().map(|(reference,)| reference).collect())
        }

        pub async fn record_check_in(
            pool: &Pool<Db>,
            reference: &str,
            due_before: i64,
            at: i64,
            outbox: &[app::store::NewOutboxMessage],
        ) -> StoreResult<bool> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            let marked = sqlx::query(
                "UPDATE referrals SET checked_in_at = $1 WHERE reference = $2 \
                 AND status <> 'closed' AND kind <> 'safeguarding_concern' \
                 AND COALESCE(checked_in_at, submitted_at) <= $3",
            )
            .bind(at)
            .bind(reference)
            .bind(due_before)
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?
            .rows_affected();
            if marked == 0 {
                tx.rollback().await.map_err(unavailable)?;
                return Ok(false);
            }
            for message in outbox {
                insert_outbox(&mut tx, message, at).await?;
            }
            tx.commit().await.map_err(unavailable)?;
            Ok(true)
        }

        pub async fn record_change(pool: &Pool<Db>, change: &NewChange) -> StoreResult<ChangeRecorded> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            // Taking the row for update first (a no-op write) serialises changes to one
            // request, so concurrent reports cannot all pass the day's count.
            let found: Option<(i64, String)> = sqlx::query_as(
                "UPDATE referrals SET updated_at = updated_at WHERE reference = $1 RETURNING id, status",
            )
            .bind(&change.reference)
            .fetch_optional(&mut *tx)
            .await
            .map_err(unavailable)?;
            let Some((id, status)) = found else {
                tx.rollback().await.map_err(unavailable)?;
                return Ok(ChangeRecorded::NotFound);
            };
            if status == "closed" {
                tx.rollback().await.map_err(unavailable)?;
                return Ok(ChangeRecorded::Closed);
            }
            let (today,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM referral_changes WHERE referral_id = $1 AND at > $2",
            )
            .bind(id)
            .bind(change.at - 86_400)
            .fetch_one(&mut *tx)
            .await
            .map_err(unavailable)?;
            if today >= change.per_day {
                tx.rollback().await.map_err(unavailable)?;
                return Ok(ChangeRecorded::TooMany);
            }
            sqlx::query(
                "INSERT INTO referral_changes (referral_id, what_changed, more_urgent, at) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(&change.what_changed)
            .bind(i64::from(change.more_urgent))
            .bind(change.at)
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
            let status = if change.more_urgent { "triage".to_owned() } else { status };
            sqlx::query(
                "UPDATE referrals SET changed_at = $1, updated_at = $1, status = $2, \
                 urgent = CASE WHEN $3 = 1 THEN 1 ELSE urgent END WHERE id = $4",
            )
            .bind(change.at)
            .bind(&status)
            .bind(i64::from(change.more_urgent))
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
            if change.more_urgent {
                let step = app::store::HistoryStep {
                    status: "triage".to_owned(),
                    outcome: None,
                    event_outcome: None,
                    note: "More urgent: something has changed".to_owned(),
                    note_visible: false,
                    actor: "resident".to_owned(),
                    at: change.at,
                };
                insert_history(&mut tx, id, &step).await?;
            }
            insert_outbox(&mut tx, &change.event, change.at).await?;
            tx.commit().await.map_err(unavailable)?;
            Ok(ChangeRecorded::Kept { status })
        }

        pub async fn count_lookup_failures(pool: &Pool<Db>, bucket: &str, since: i64) -> StoreResult<i64> {
            let (count,): (i64,) =
                sqlx::query_as("SELECT COUNT(*) FROM lookup_failures WHERE bucket = $1 AND at >= $2")
                    .bind(bucket)
                    .bind(since)
                    .fetch_one(pool)
                    .await
                    .map_err(unavailable)?;
            Ok(count)
        }

        pub async fn record_lookup_failure(pool: &Pool<Db>, bucket: &str, at: i64) -> StoreResult<()> {
            sqlx::query("INSERT INTO lookup_failures (bucket, at) VALUES ($1, $2)")
                .bind(bucket)
                .bind(at)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(())
        }

        pub async fn delete_old_lookup_failures(pool: &Pool<Db>, before: i64) -> StoreResult<u64> {
            let result = sqlx::query("DELETE FROM lookup_failures WHERE at < $1")
                .bind(before)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            let attempts = sqlx::query("DELETE FROM sign_in_attempts WHERE at < $1")
                .bind(before)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            let quotas = sqlx::query("DELETE FROM email_quotas WHERE day < $1")
                .bind(before.div_euclid(86_400))
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(result.rows_affected() + attempts.rows_affected() + quotas.rows_affected())
        }

        pub async fn record_audit(pool: &Pool<Db>, entry: &AuditEntry) -> StoreResult<()> {
            sqlx::query("INSERT INTO audit_log (at, actor, action, subject, detail, client) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(entry.at)
                .bind(&entry.actor)
                .bind(&entry.action)
                .bind(&entry.subject)
                .bind(&entry.detail)
                .bind(&entry.client)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(())
        }

        pub async fn recent_audit(pool: &Pool<Db>, limit: i64) -> StoreResult<Vec<AuditEntry>> {
            let rows: Vec<(i64, String, String, String, String, String)> = sqlx::query_as(
                "SELECT at, actor, action, subject, detail, client FROM audit_log ORDER BY id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(rows
                .into_iter()
                .map(|(at, actor, action, subject, detail, client)| AuditEntry { at, actor, action, subject, detail, client })
                .collect())
        }

        pub async fn due_outbox(
            pool: &Pool<Db>,
            channel: &str,
            now: i64,
            limit: i64,
        ) -> StoreResult<Vec<OutboxMessage>> {
            let rows: Vec<(i64, String, String, String, i64, i64)> = sqlx::query_as(
                "SELECT o.id, o.channel, o.ordering_key, o.payload, o.attempts, o.created_at FROM outbox o \
                 WHERE o.channel = $1 AND o.delivered_at IS NULL AND o.expired_at IS NULL AND o.next_attempt_at <= $2 \
                 AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.channel = o.channel \
                     AND e.ordering_key = o.ordering_key AND e.delivered_at IS NULL AND e.expired_at IS NULL \
                     AND e.id < o.id) \
                 ORDER BY o.id LIMIT $3",
            )
            .bind(channel)
            .bind(now)
            .bind(limit)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(rows
                .into_iter()
                .map(|(id, channel, ordering_key, payload, attempts, created_at)| OutboxMessage {
                    id,
                    channel,
                    ordering_key,
                    payload,
                    attempts,
                    created_at,
                })
                .collect())
        }

        pub async fn outbox_delivered(pool: &Pool<Db>, id: i64, at: i64) -> StoreResult<()> {
            sqlx::query("UPDATE outbox SET delivered_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2")
                .bind(at)
                .bind(id)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(())
        }

        pub async fn outbox_failed(pool: &Pool<Db>, id: i64, next_attempt_at: i64, error: &str) -> StoreResult<()> {
            sqlx::query(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2 WHERE id = $3",
            )
            .bind(next_attempt_at)
            .bind(error)
            .bind(id)
            .execute(pool)
            .await
            .map_err(unavailable)?;
            Ok(())
        }

        pub async fn outbox_problems(pool: &Pool<Db>, min_attempts: i64) -> StoreResult<Vec<OutboxProblem>> {
            let rows: Vec<(i64, String, String, i64, Option<String>, i64)> = sqlx::query_as(
                "SELECT id, channel, ordering_key, attempts, last_error, next_attempt_at FROM outbox \
                 WHERE delivered_at IS NULL AND expired_at IS NULL AND attempts >= $1 ORDER BY id",
            )
            .bind(min_attempts)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(rows
                .into_iter()
                .map(|(id, channel, ordering_key, attempts, last_error, next_attempt_at)| OutboxProblem {
                    id,
                    channel,
                    ordering_key,
                    attempts,
                    last_error: last_error.unwrap_or_default(),
                    next_attempt_at,
                })
                .collect())
        }

        pub async fn outbox_pending(pool: &Pool<Db>, channel: &str) -> StoreResult<i64> {
            let (count,): (i64,) =
                sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE channel = $1 AND delivered_at IS NULL AND expired_at IS NULL")
                    .bind(channel)
                    .fetch_one(pool)
                    .await
                    .map_err(unavailable)?;
            Ok(count)
        }

        pub async fn save_draft(pool: &Pool<Db>, draft: &SavedDraft) -> StoreResult<()> {
            sqlx::query(
                "INSERT INTO saved_drafts (code_hash, journey, data, expires_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (code_hash) DO UPDATE SET journey = excluded.journey, data = excluded.data, \
                 expires_at = excluded.expires_at",
            )
            .bind(&draft.code_hash)
            .bind(&draft.journey)
            .bind(&draft.data)
            .bind(draft.expires_at)
            .execute(pool)
            .await
            .map_err(unavailable)?;
            Ok(())
        }

        pub async fn load_draft(pool: &Pool<Db>, code_hash: &str, now: i64) -> StoreResult<Option<SavedDraft>> {
            let row: Option<(String, String, String, i64)> = sqlx::query_as(
                "SELECT code_hash, journey, data, expires_at FROM saved_drafts WHERE code_hash = $1 AND expires_at > $2",
            )
            .bind(code_hash)
            .bind(now)
            .fetch_optional(pool)
            .await
            .map_err(unavailable)?;
            Ok(row.map(|(code_hash, journey, data, expires_at)| SavedDraft { code_hash, journey, data, expires_at }))
        }

        pub async fn delete_draft(pool: &Pool<Db>, code_hash: &str) -> StoreResult<()> {
            sqlx::query("DELETE FROM saved_drafts WHERE code_hash = $1")
                .bind(code_hash)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(())
        }

        pub async fn delete_expired_drafts(pool: &Pool<Db>, now: i64) -> StoreResult<u64> {
            let result = sqlx::query("DELETE FROM saved_drafts WHERE expires_at <= $1")
                .bind(now)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(result.rows_affected())
        }
    };
}

// A reference's messages (`ordering_key` the reference, or `REF/…`) through the
// `outbox_ordering_key` index, by range: on SQLite its keys compare byte by byte; on
// PostgreSQL the `text_pattern_ops` operators do, whatever the database's collation.
pub mod sqlite {
    referral_queries!(
        sqlx::Sqlite,
        "ordering_key = $3 OR (ordering_key >= $4 AND ordering_key < $5)"
    );
}

pub mod postgres {
    referral_queries!(
        sqlx::Postgres,
        "ordering_key = $3 OR (ordering_key ~>=~ $4 AND ordering_key ~<~ $5)"
    );
}
