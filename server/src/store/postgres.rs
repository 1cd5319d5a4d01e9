//! The PostgreSQL store: for councils running several instances of the portal behind a load
//! balancer. A pool of connections; every method is one statement, so one transaction.

use std::time::Duration;

use app::store::{FeedbackRecord, NewFeedback, SessionRecord, Store, StoreResult};
use async_trait::async_trait;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use super::rows::{FeedbackRow, SessionRow};
use super::unavailable;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects and runs the migrations (sqlx takes an advisory lock, so several instances
    /// starting at once migrate once).
    pub async fn open(url: &str) -> StoreResult<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
            .map_err(unavailable)?;
        MIGRATOR.run(&pool).await.map_err(unavailable)?;
        Ok(Self { pool })
    }
}

#[async_trait]
impl Store for PostgresStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map_err(unavailable)?;
        Ok(())
    }

    async fn save_feedback(&self, feedback: &NewFeedback) -> StoreResult<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO feedback (satisfaction, improvements, submitted_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(&feedback.satisfaction)
        .bind(&feedback.improvements)
        .bind(feedback.submitted_at)
        .fetch_one(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(id)
    }

    async fn recent_feedback(&self, limit: i64) -> StoreResult<Vec<FeedbackRecord>> {
        let rows: Vec<FeedbackRow> = sqlx::query_as(
            "SELECT id, satisfaction, improvements, submitted_at FROM feedback ORDER BY submitted_at DESC, id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(rows.into_iter().map(FeedbackRow::into_record).collect())
    }

    async fn create_session(&self, session: &SessionRecord) -> StoreResult<bool> {
        let result = sqlx::query(
            "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&session.id)
        .bind(&session.data)
        .bind(session.expires_at)
        .execute(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(result.rows_affected() == 1)
    }

    async fn save_session(&self, session: &SessionRecord) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
        )
        .bind(&session.id)
        .bind(&session.data)
        .bind(session.expires_at)
        .execute(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(())
    }

    async fn load_session(&self, id: &str, now: i64) -> StoreResult<Option<SessionRecord>> {
        let row: Option<SessionRow> = sqlx::query_as(
            "SELECT id, data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2",
        )
        .bind(id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(row.map(SessionRow::into_record))
    }

    async fn delete_session(&self, id: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(unavailable)?;
        Ok(())
    }

    async fn delete_expired_sessions(&self, now: i64) -> StoreResult<u64> {
        let result = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await
            .map_err(unavailable)?;
        Ok(result.rows_affected())
    }
}
