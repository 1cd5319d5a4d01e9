//! The SQL of retention and of a person's rights, written once for both backends: closed
//! referrals past their time (or erased on request) lose their people, trackers, answers and
//! notes (what is left is counts for the council's figures); delivered messages, old audit
//! entries and old integration receipts are deleted, all in batches of their own so writers
//! never wait long; and finding everything held about one person, for a subject access request.

macro_rules! retention_queries {
    ($db:ty, $outbox:path, $begin_write:expr, $between_batches:expr, $purge_from:expr, $mentioned:expr) => {
        use $outbox as outbox;
        use app::store::{PurgeReport, RetentionCutoffs, StoreResult, SubjectRecords};
        use sqlx::Pool;

        use $crate::store::unavailable;

        type Db = $db;

        /// Anonymises the closed, not yet anonymised referrals matching `condition` (SQL on
        /// `referrals`, read as `from` says, with one bind, `$1`); how many.
        async fn anonymise_closed(
            tx: &mut sqlx::Transaction<'_, Db>,
            from: &str,
            condition: &str,
            bind: impl for<'q> sqlx::Encode<'q, Db> + sqlx::Type<Db> + Clone + Send + Sync,
            now: i64,
        ) -> StoreResult<u64> {
            let chosen = format!(
                "SELECT id FROM {from} WHERE status = 'closed' AND anonymised_at IS NULL AND {condition}"
            );
            let references: Vec<(String,)> = sqlx::query_as(&format!(
                "SELECT reference FROM referrals WHERE id IN ({chosen})"
            ))
            .bind(bind.clone())
            .fetch_all(&mut **tx)
            .await
            .map_err(unavailable)?;
            for (reference,) in &references {
                outbox::redact_outbox_of(tx, reference, now).await?;
            }
            for table in ["referral_people", "referral_trackers", "referral_changes"] {
                sqlx::query(&format!("DELETE FROM {table} WHERE referral_id IN ({chosen})"))
                    .bind(bind.clone())
                    .execute(&mut **tx)
                    .await
                    .map_err(unavailable)?;
            }
            sqlx::query(&format!("UPDATE referral_history SET note = '' WHERE referral_id IN ({chosen})"))
                .bind(bind.clone())
                .execute(&mut **tx)
                .await
                .map_err(unavailable)?;
            Ok(sqlx::query(&format!(
                "UPDATE referrals SET details = '{{}}', request_body = '{{}}', lookup_date_of_birth = NULL, \
                 age_band = 'Unknown', postcode_district = '', anonymised_at = $2 WHERE id IN ({chosen})"
            ))
            .bind(bind)
            .bind(now)
            .execute(&mut **tx)
            .await
            .map_err(unavailable)?
            .rows_affected())
        }

        /// Referrals anonymised per transaction, and messages, audit entries or receipts
        /// changed per statement: each batch commits on its own, so the purge never holds
        /// the writers for long, however much has come due.
        const REFERRAL_BATCH: usize = 200;
        const ROW_BATCH: i64 = 5_000;
        /// After each batch, time for writers waiting on another connection or process to go
        /// first (SQLite's busy handler tries again at most every 100 ms, so the pause is
        /// longer; PostgreSQL's writers never wait on a batch's row locks, and it does not pause).
        const BETWEEN_BATCHES: std::time::Duration = $between_batches;

        async fn let_writers_in() {
            if !BETWEEN_BATCHES.is_zero() {
                tokio::time::sleep(BETWEEN_BATCHES).await;
            }
        }

        /// Runs `sql` (with `$1` the batch size and `binds` after it) in transactions of its
        /// own until it changes fewer rows than a batch; how many it changed.
        async fn in_batches(pool: &Pool<Db>, sql: &str, binds: &[i64]) -> StoreResult<u64> {
            let mut total = 0;
            loop {
                let mut query = sqlx::query(sql).bind(ROW_BATCH);
                for bind in binds {
                    query = query.bind(*bind);
                }
                let changed = query.execute(pool).await.map_err(unavailable)?.rows_affected();
                total += changed;
                if changed < ROW_BATCH as u64 {
                    return Ok(total);
                }
                let_writers_in().await;
            }
        }

        pub async fn purge_expired(pool: &Pool<Db>, c: &RetentionCutoffs) -> StoreResult<PurgeReport> {
            let mut referrals = 0;
            loop {
                // A batch reads, then writes: it takes the write lock first, so that another
                // process's writes (the server, while `server purge-expired` runs) make it wait
                // rather than fail (SQLite refuses to upgrade a read that a write overtook).
                let mut tx = pool.begin_with($begin_write).await.map_err(unavailable)?;
                // In the order of `referrals_to_anonymise`, so that a batch reads its 200 entries
                // rather than sorting every request that has come due.
                let condition = format!("updated_at < $1 ORDER BY updated_at, id LIMIT {REFERRAL_BATCH}");
                let done = anonymise_closed(&mut tx, $purge_from, &condition, c.closed_referrals_before, c.now).await?;
                tx.commit().await.map_err(unavailable)?;
                referrals += done;
                if done < REFERRAL_BATCH as u64 {
                    break;
                }
                let_writers_in().await;
            }
            // The payload of a message that will never be sent goes (`REDACTED` has no quote).
            let expire = format!(
                "UPDATE outbox SET payload = '{}', expired_at = $2, last_error = 'expired' \
                 WHERE id IN (SELECT id FROM outbox WHERE delivered_at IS NULL AND expired_at IS NULL \
                 AND created_at < $3 LIMIT $1)",
                outbox::REDACTED
            );
            let expired = in_batches(pool, &expire, &[c.now, c.undelivered_messages_before]).await?;
            let messages = in_batches(
                pool,
                "DELETE FROM outbox WHERE id IN \
                 (SELECT id FROM outbox WHERE COALESCE(delivered_at, expired_at) < $2 LIMIT $1)",
                &[c.delivered_messages_before],
            )
            .await?;
            let audit = in_batches(
                pool,
                "DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < $2 LIMIT $1)",
                &[c.audit_before],
            )
            .await?;
            let receipts = in_batches(
                pool,
                "DELETE FROM integration_receipts WHERE event_id IN \
                 (SELECT event_id FROM integration_receipts WHERE received_at < $2 LIMIT $1)",
                &[c.receipts_before],
            )
            .await?;
            Ok(PurgeReport {
                referrals_anonymised: referrals,
                messages_expired: expired,
                messages_deleted: messages,
                audit_entries_deleted: audit,
                receipts_deleted: receipts,
            })
        }

        /// Erases a closed referral's personal details now (a person's request); `false` if it
        /// is not closed, or was anonymised already.
        pub async fn anonymise_referral(pool: &Pool<Db>, reference: &str, now: i64) -> StoreResult<bool> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            let done = anonymise_closed(&mut tx, "referrals", "reference = $1", reference.to_owned(), now).await?;
            tx.commit().await.map_err(unavailable)?;
            Ok(done == 1)
        }

        /// The references of everything held about one person: referrals naming them (as the
        /// person or the one who asked), carers' registrations by them or naming them as
        /// someone cared for. Names compared without case; the date of birth exactly.
        pub async fn find_subject(
            pool: &Pool<Db>,
            given_name: &str,
            family_name: &str,
            date_of_birth: &str,
        ) -> StoreResult<SubjectRecords> {
            let referrals: Vec<(String,)> = sqlx::query_as(
                "SELECT DISTINCT r.reference FROM referrals r JOIN referral_people p ON p.referral_id = r.id \
                 WHERE LOWER(p.given_name) = LOWER($1) AND LOWER(p.family_name) = LOWER($2) \
                 AND p.date_of_birth = $3 ORDER BY r.reference",
            )
            .bind(given_name)
            .bind(family_name)
            .bind(date_of_birth)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            let carers: Vec<(String,)> = sqlx::query_as(
                // Two halves, so that each reads its index of names (`carers_name`,
                // `carer_cared_for_name`) rather than every registration.
                "SELECT c.reference FROM carers c \
                 WHERE LOWER(c.given_name) = LOWER($1) AND LOWER(c.family_name) = LOWER($2) AND c.date_of_birth = $3 \
                 UNION SELECT c.reference FROM carer_cared_for f JOIN carers c ON c.id = f.carer_id \
                 WHERE LOWER(f.given_name) = LOWER($1) AND LOWER(f.family_name) = LOWER($2) AND f.date_of_birth = $3 \
                 ORDER BY 1",
            )
            .bind(given_name)
            .bind(family_name)
            .bind(date_of_birth)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            // Their full name anywhere in what was written (free text, trackers, emergency
            // contacts and keyholders are all in the stored answers), or as a tracker.
            let full_name = format!("{} {}", given_name.trim(), family_name.trim()).to_lowercase();
            let like = format!(
                "%{}%",
                full_name.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
            );
            // Found by its words first (`*_words`: `$3`, every word of the name), then checked
            // with the LIKE, so that the search never reads everything ever written.
            let mentioned: Vec<(String,)> = sqlx::query_as($mentioned)
            .bind(&like)
            .bind(&full_name)
            .bind(all_words(&full_name))
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            let referrals: Vec<String> = referrals.into_iter().map(|(r,)| r).collect();
            let carers: Vec<String> = carers.into_iter().map(|(r,)| r).collect();
            let mentioned = mentioned
                .into_iter()
                .map(|(r,)| r)
                .filter(|r| !referrals.contains(r) && !carers.contains(r))
                .collect();
            Ok(SubjectRecords { referrals, carers, mentioned })
        }
    };
}

pub mod sqlite {
    retention_queries!(
        sqlx::Sqlite,
        crate::store::referral_queries::sqlite,
        "BEGIN IMMEDIATE",
        std::time::Duration::from_millis(150),
        // Without statistics SQLite reads every closed request (`referrals_closed`), those
        // already anonymised too, rather than the index of those still to do.
        "referrals INDEXED BY referrals_to_anonymise",
        "SELECT r.reference FROM referrals_words JOIN referrals r ON r.id = referrals_words.rowid \
           WHERE referrals_words MATCH $3 AND LOWER(r.details) LIKE $1 ESCAPE '\\' \
         UNION SELECT r.reference FROM referrals r JOIN referral_trackers t ON t.referral_id = r.id \
           WHERE LOWER(t.name) = $2 \
         UNION SELECT c.reference FROM carers_words JOIN carers c ON c.id = carers_words.rowid \
           WHERE carers_words MATCH $3 AND LOWER(c.details) LIKE $1 ESCAPE '\\' \
         UNION SELECT c.reference FROM carer_plans_words JOIN carers c ON c.id = carer_plans_words.rowid \
           JOIN carer_emergency_plans e ON e.carer_id = c.id \
           WHERE carer_plans_words MATCH $3 AND LOWER(e.plan) LIKE $1 ESCAPE '\\' \
         ORDER BY 1"
    );

    /// FTS5's query for every one of the name's words, anywhere (the LIKE checks the rest).
    fn all_words(name: &str) -> String {
        let words: Vec<String> = name
            .split_whitespace()
            .filter(|word| word.chars().any(char::is_alphanumeric))
            .map(|word| format!("\"{}\"", word.replace('"', "\"\"")))
            .collect();
        words.join(" AND ")
    }
}

pub mod postgres {
    retention_queries!(
        sqlx::Postgres,
        crate::store::referral_queries::postgres,
        "BEGIN",
        std::time::Duration::ZERO,
        "referrals",
        "SELECT reference FROM referrals \
           WHERE to_tsvector('simple', details) @@ plainto_tsquery('simple', $3) AND LOWER(details) LIKE $1 ESCAPE '\\' \
         UNION SELECT r.reference FROM referrals r JOIN referral_trackers t ON t.referral_id = r.id \
           WHERE LOWER(t.name) = $2 \
         UNION SELECT reference FROM carers \
           WHERE to_tsvector('simple', details) @@ plainto_tsquery('simple', $3) AND LOWER(details) LIKE $1 ESCAPE '\\' \
         UNION SELECT c.reference FROM carers c JOIN carer_emergency_plans e ON e.carer_id = c.id \
           WHERE to_tsvector('simple', e.plan) @@ plainto_tsquery('simple', $3) AND LOWER(e.plan) LIKE $1 ESCAPE '\\' \
         ORDER BY 1"
    );

    /// `plainto_tsquery` requires every one of the name's words, anywhere (the LIKE checks
    /// the rest).
    fn all_words(name: &str) -> String {
        name.to_owned()
    }
}
