//! The SQL of retention and of a person's rights, written once for both backends: closed
//! referrals past their time (or erased on request) lose their people, trackers, answers and
//! notes (what is left is counts for the council's figures); delivered messages, old audit
//! entries and old integration receipts are deleted; and finding everything held about one
//! person, for a subject access request.

macro_rules! retention_queries {
    ($db:ty) => {
        use app::store::{PurgeReport, RetentionCutoffs, StoreResult, SubjectRecords};
        use sqlx::Pool;

        use $crate::store::unavailable;

        type Db = $db;

        /// Anonymises the closed, not yet anonymised referrals matching `condition` (SQL on
        /// `referrals` with one bind, `$1`); how many.
        async fn anonymise_closed(
            tx: &mut sqlx::Transaction<'_, Db>,
            condition: &str,
            bind: impl for<'q> sqlx::Encode<'q, Db> + sqlx::Type<Db> + Clone + Send + Sync,
            now: i64,
        ) -> StoreResult<u64> {
            let chosen = format!(
                "SELECT id FROM referrals WHERE status = 'closed' AND anonymised_at IS NULL AND {condition}"
            );
            for table in ["referral_people", "referral_trackers"] {
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
                 anonymised_at = $2 WHERE id IN ({chosen})"
            ))
            .bind(bind)
            .bind(now)
            .execute(&mut **tx)
            .await
            .map_err(unavailable)?
            .rows_affected())
        }

        pub async fn purge_expired(pool: &Pool<Db>, c: &RetentionCutoffs) -> StoreResult<PurgeReport> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            let referrals = anonymise_closed(&mut tx, "updated_at < $1", c.closed_referrals_before, c.now).await?;
            let messages = sqlx::query("DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < $1")
                .bind(c.delivered_messages_before)
                .execute(&mut *tx)
                .await
                .map_err(unavailable)?
                .rows_affected();
            let audit = sqlx::query("DELETE FROM audit_log WHERE at < $1")
                .bind(c.audit_before)
                .execute(&mut *tx)
                .await
                .map_err(unavailable)?
                .rows_affected();
            let receipts = sqlx::query("DELETE FROM integration_receipts WHERE received_at < $1")
                .bind(c.receipts_before)
                .execute(&mut *tx)
                .await
                .map_err(unavailable)?
                .rows_affected();
            tx.commit().await.map_err(unavailable)?;
            Ok(PurgeReport {
                referrals_anonymised: referrals,
                messages_deleted: messages,
                audit_entries_deleted: audit,
                receipts_deleted: receipts,
            })
        }

        /// Erases a closed referral's personal details now (a person's request); `false` if it
        /// is not closed, or was anonymised already.
        pub async fn anonymise_referral(pool: &Pool<Db>, reference: &str, now: i64) -> StoreResult<bool> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            let done = anonymise_closed(&mut tx, "reference = $1", reference.to_owned(), now).await?;
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
                "SELECT DISTINCT c.reference FROM carers c LEFT JOIN carer_cared_for f ON f.carer_id = c.id \
                 WHERE (LOWER(c.given_name) = LOWER($1) AND LOWER(c.family_name) = LOWER($2) AND c.date_of_birth = $3) \
                 OR (LOWER(f.given_name) = LOWER($1) AND LOWER(f.family_name) = LOWER($2) AND f.date_of_birth = $3) \
                 ORDER BY c.reference",
            )
            .bind(given_name)
            .bind(family_name)
            .bind(date_of_birth)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(SubjectRecords {
                referrals: referrals.into_iter().map(|(r,)| r).collect(),
                carers: carers.into_iter().map(|(r,)| r).collect(),
            })
        }
    };
}

pub mod sqlite {
    retention_queries!(sqlx::Sqlite);
}

pub mod postgres {
    retention_queries!(sqlx::Postgres);
}
