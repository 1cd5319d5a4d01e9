//! The retention purge's SQL, written once for both backends: closed referrals past their time
//! lose their people, trackers, answers and notes (what is left is counts for the council's
//! figures); delivered messages, old audit entries and old integration receipts are deleted.

macro_rules! retention_queries {
    ($db:ty) => {
        use app::store::{PurgeReport, RetentionCutoffs, StoreResult};
        use sqlx::Pool;

        use $crate::store::unavailable;

        type Db = $db;

        pub async fn purge_expired(pool: &Pool<Db>, c: &RetentionCutoffs) -> StoreResult<PurgeReport> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            const EXPIRED: &str = "SELECT id FROM referrals WHERE status = 'closed' AND updated_at < $1 AND anonymised_at IS NULL";
            for table in ["referral_people", "referral_trackers"] {
                sqlx::query(&format!("DELETE FROM {table} WHERE referral_id IN ({EXPIRED})"))
                    .bind(c.closed_referrals_before)
                    .execute(&mut *tx)
                    .await
                    .map_err(unavailable)?;
            }
            sqlx::query(&format!("UPDATE referral_history SET note = '' WHERE referral_id IN ({EXPIRED})"))
                .bind(c.closed_referrals_before)
                .execute(&mut *tx)
                .await
                .map_err(unavailable)?;
            let referrals = sqlx::query(
                "UPDATE referrals SET details = '{}', request_body = '{}', lookup_date_of_birth = NULL, \
                 anonymised_at = $2 WHERE status = 'closed' AND updated_at < $1 AND anonymised_at IS NULL",
            )
            .bind(c.closed_referrals_before)
            .bind(c.now)
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?
            .rows_affected();
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
    };
}

pub mod sqlite {
    retention_queries!(sqlx::Sqlite);
}

pub mod postgres {
    retention_queries!(sqlx::Postgres);
}
