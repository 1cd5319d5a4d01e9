//! Feedback responses and server-side sessions, written once for both backends (numbered
//! `$n` parameters work in both), stamped out per database type as the other query modules
//! are.

macro_rules! session_queries {
    ($db:ty) => {
        use app::store::{FeedbackRecord, NewFeedback, SessionRecord, StoreResult};
        use sqlx::Pool;

        use $crate::store::rows::{FeedbackRow, SessionRow};
        use $crate::store::unavailable;

        type Db = $db;

        pub async fn save_feedback(pool: &Pool<Db>, feedback: &NewFeedback) -> StoreResult<i64> {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO feedback (satisfaction, improvements, submitted_at) VALUES ($1, $2, $3) RETURNING id",
            )
            .bind(&feedback.satisfaction)
            .bind(&feedback.improvements)
            .bind(feedback.submitted_at)
            .fetch_one(pool)
            .await
            .map_err(unavailable)?;
            Ok(id)
        }

        pub async fn recent_feedback(pool: &Pool<Db>, limit: i64) -> StoreResult<Vec<FeedbackRecord>> {
            let rows: Vec<FeedbackRow> = sqlx::query_as(
                "SELECT id, satisfaction, improvements, submitted_at FROM feedback ORDER BY submitted_at DESC, id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(rows.into_iter().map(FeedbackRow::into_record).collect())
        }

        pub async fn create_session(pool: &Pool<Db>, session: &SessionRecord) -> StoreResult<bool> {
            let result = sqlx::query(
                "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
            )
            .bind(&session.id)
            .bind(&session.data)
            .bind(session.expires_at)
            .execute(pool)
            .await
            .map_err(unavailable)?;
            Ok(result.rows_affected() == 1)
        }

        pub async fn save_session(pool: &Pool<Db>, session: &SessionRecord) -> StoreResult<()> {
            sqlx::query(
                "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
            )
            .bind(&session.id)
            .bind(&session.data)
            .bind(session.expires_at)
            .execute(pool)
            .await
            .map_err(unavailable)?;
            Ok(())
        }

        pub async fn load_session(pool: &Pool<Db>, id: &str, now: i64) -> StoreResult<Option<SessionRecord>> {
            let row: Option<SessionRow> = sqlx::query_as(
                "SELECT id, data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2",
            )
            .bind(id)
            .bind(now)
            .fetch_optional(pool)
            .await
            .map_err(unavailable)?;
            Ok(row.map(SessionRow::into_record))
        }

        pub async fn delete_session(pool: &Pool<Db>, id: &str) -> StoreResult<()> {
            sqlx::query("DELETE FROM sessions WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(())
        }

        pub async fn delete_expired_sessions(pool: &Pool<Db>, now: i64) -> StoreResult<u64> {
            let result = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                .bind(now)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(result.rows_affected())
        }
    };
}

pub mod sqlite {
    session_queries!(sqlx::Sqlite);
}

pub mod postgres {
    session_queries!(sqlx::Postgres);
}
