//! The SQL behind integration health and the case-management system's updates (the outbox's
//! counts, "retry now", case ids, receipts against replays), written once for both backends.

macro_rules! integration_queries {
    ($db:ty) => {
        use app::store::{ChannelHealth, StoreResult};
        use sqlx::Pool;

        use $crate::store::unavailable;

        type Db = $db;

        pub async fn outbox_health(pool: &Pool<Db>, stuck_after: i64) -> StoreResult<Vec<ChannelHealth>> {
            let rows: Vec<(String, i64, i64, i64, Option<i64>)> = sqlx::query_as(
                "SELECT channel, COUNT(*), \
                 SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), \
                 SUM(CASE WHEN attempts >= $1 THEN 1 ELSE 0 END), MIN(created_at) \
                 FROM outbox WHERE delivered_at IS NULL AND expired_at IS NULL GROUP BY channel",
            )
            .bind(stuck_after)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            let expired: Vec<(String, i64)> = sqlx::query_as(
                "SELECT channel, COUNT(*) FROM outbox WHERE expired_at IS NOT NULL GROUP BY channel",
            )
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            let expired_in = |channel: &str| expired.iter().find(|e| e.0 == channel).map_or(0, |e| e.1);
            Ok(["email", "event"]
                .into_iter()
                .map(|channel| {
                    rows.iter()
                        .find(|r| r.0 == channel)
                        .map(|(channel, pending, failing, stuck, oldest)| ChannelHealth {
                            channel: channel.clone(),
                            pending: *pending,
                            failing: *failing,
                            stuck: *stuck,
                            oldest_pending_at: *oldest,
                            expired: 0,
                        })
                        .map(|health| ChannelHealth { expired: expired_in(channel), ..health })
                        .unwrap_or_else(|| ChannelHealth {
                            channel: channel.to_owned(),
                            expired: expired_in(channel),
                            ..ChannelHealth::default()
                        })
                })
                .collect())
        }

        pub async fn retry_outbox_now(pool: &Pool<Db>, id: i64, now: i64) -> StoreResult<bool> {
            let result = sqlx::query(
                "UPDATE outbox SET next_attempt_at = $1 WHERE id = $2 AND delivered_at IS NULL AND expired_at IS NULL",
            )
            .bind(now)
            .bind(id)
            .execute(pool)
            .await
            .map_err(unavailable)?;
            Ok(result.rows_affected() == 1)
        }

        pub async fn set_case_id(pool: &Pool<Db>, reference: &str, case_id: &str) -> StoreResult<bool> {
            let result = sqlx::query("UPDATE referrals SET case_id = $1 WHERE reference = $2")
                .bind(case_id)
                .bind(reference)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(result.rows_affected() == 1)
        }

        pub async fn record_integration_receipt(pool: &Pool<Db>, event_id: &str, at: i64) -> StoreResult<bool> {
            let result = sqlx::query(
                "INSERT INTO integration_receipts (event_id, received_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )
            .bind(event_id)
            .bind(at)
            .execute(pool)
            .await
            .map_err(unavailable)?;
            Ok(result.rows_affected() == 1)
        }

        pub async fn forget_integration_receipt(pool: &Pool<Db>, event_id: &str) -> StoreResult<()> {
            sqlx::query("DELETE FROM integration_receipts WHERE event_id = $1")
                .bind(event_id)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(())
        }
    };
}

pub mod sqlite {
    integration_queries!(sqlx::Sqlite);
}

pub mod postgres {
    integration_queries!(sqlx::Postgres);
}
