//! The PostgreSQL store: for councils running several instances of the portal behind a load
//! balancer. A pool of connections; every method is one statement, so one transaction.

use std::time::Duration;

use app::store::{ApiKey, AttemptCounts, EnrolmentRequest, SignInAttempt};
use app::store::{
    AuditEntry, CreateReferral, NewReferralRecord, OutboxLead, OutboxMessage, OutboxProblem,
    SavedDraft, StatusChange, StoredReferral,
};
use app::store::{
    AuditPage, AuditQuery, ChannelHealth, DemandCounts, NewStaffAccount, QueuePage, QueueQuery,
    ReturnRow, StaffAccount, StaffMember,
};
use app::store::{CarerUpdate, NewCarerRecord, NewOutboxMessage, StoredCarer};
use app::store::{ChangeRecorded, NewChange};
use app::store::{DirectoryRecords, DocumentPage, SearchDocument, ServiceQuery, TermCount};
use app::store::{FeedbackRecord, NewFeedback, SessionRecord, StoreResult};
use app::store::{PurgeReport, RetentionCutoffs, SubjectRecords};
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use super::carer_queries::postgres as carers;
use super::directory_queries::postgres as directory;
use super::import_queries::postgres as import;
use super::integration_queries::postgres as integration;
use super::referral_queries::postgres as queries;
use super::retention_queries::postgres as retention;
use super::session_queries::postgres as sessions;
use super::staff_queries::postgres as staff;
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

    /// The plans PostgreSQL makes for a page of the queue and its count (`EXPLAIN`), a line per step, with
    /// sequential scans discouraged so that on a small table the plan still shows whether an
    /// index could serve it: for the test that fails when one the queue needs is missing.
    pub async fn queue_plan(&self, q: &QueueQuery) -> StoreResult<Vec<String>> {
        use sqlx::Row;
        let mut tx = self.pool.begin().await.map_err(unavailable)?;
        sqlx::query("SET LOCAL enable_seqscan = off")
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
        let mut steps = Vec::new();
        for mut query in [
            staff::queue_page_query("EXPLAIN ", q),
            staff::queue_count_query("EXPLAIN ", q),
        ] {
            let rows = query
                .build()
                .fetch_all(&mut *tx)
                .await
                .map_err(unavailable)?;
            for row in &rows {
                steps.push(row.try_get::<String, _>(0).map_err(unavailable)?);
            }
        }
        tx.rollback().await.map_err(unavailable)?;
        Ok(steps)
    }

    fn writer(&self) -> &PgPool {
        &self.pool
    }

    /// Reads use the same pool as writes.
    fn reader(&self) -> &PgPool {
        &self.pool
    }
}

impl_store!(PostgresStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    async fn ping(&self) -> StoreResult<()> {
        // A write that is rolled back, so a read-only server (a standby) is not ready either.
        let mut tx = self.pool.begin().await.map_err(unavailable)?;
        sqlx::query("DELETE FROM sessions WHERE id = ''")
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
        tx.rollback().await.map_err(unavailable)?;
        Ok(())
    }

    // Referrals, lookups, audit, outbox and saved drafts: shared SQL (see referral_queries).

    async fn lead_outbox(&self, channel: &str) -> StoreResult<Option<OutboxLead>> {
        // A transaction-scoped advisory lock on a connection of its own. `OutboxLead::release`
        // rolls the transaction back and waits for it, so the lock is gone before the next
        // batch asks (a dropped sqlx transaction only queues its rollback, and the lock could
        // outlive the batch on an idle pooled connection). A lead dropped without release
        // closes its connection, which ends the lock too.
        let mut connection = self.pool.acquire().await.map_err(unavailable)?;
        sqlx::query("BEGIN")
            .execute(&mut *connection)
            .await
            .map_err(unavailable)?;
        let (led,): (bool,) =
            sqlx::query_as("SELECT pg_try_advisory_xact_lock(hashtext('portal-outbox:' || $1))")
                .bind(channel)
                .fetch_one(&mut *connection)
                .await
                .map_err(unavailable)?;
        let lead = AdvisoryLead(Some(connection));
        if led {
            Ok(Some(OutboxLead::holding(lead)))
        } else {
            lead.end().await;
            Ok(None)
        }
    }

    // The directory: shared SQL (see directory_queries).

    // Search: the index's rows are written with the shared SQL; matching is each engine's own
    // full-text search over the same canonical words.

    async fn search_documents(
        &self,
        words: &[String],
        limit: i64,
    ) -> StoreResult<Vec<SearchDocument>> {
        if words.is_empty() {
            return Ok(Vec::new());
        }
        // The words are canonical already: 'simple' only splits them; all are required.
        let rows: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
            "SELECT kind, key, title, summary, body, terms FROM search_index \
             WHERE terms_vector @@ plainto_tsquery('simple', $1) ORDER BY kind, key LIMIT $2",
        )
        .bind(directory::tsquery_words(words))
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(rows
            .into_iter()
            .map(|(kind, key, title, summary, body, terms)| SearchDocument {
                kind,
                key,
                title,
                summary,
                body,
                terms,
            })
            .collect())
    }
});

/// A pooled connection inside the transaction that holds an outbox channel's advisory lock.
struct AdvisoryLead(Option<sqlx::pool::PoolConnection<sqlx::Postgres>>);

impl AdvisoryLead {
    /// Rolls back (letting go of the lock) and returns the connection to the pool; if the
    /// rollback fails, the connection is closed instead, which lets go just the same.
    async fn end(mut self) {
        if let Some(mut connection) = self.0.take() {
            if sqlx::query("ROLLBACK")
                .execute(&mut *connection)
                .await
                .is_err()
            {
                connection.close_on_drop();
            }
        }
    }
}

#[async_trait::async_trait]
impl app::store::LeadHold for AdvisoryLead {
    async fn release(self: Box<Self>) {
        (*self).end().await
    }
}

impl Drop for AdvisoryLead {
    fn drop(&mut self) {
        // Not released (a panic or a cancelled task): never hand a locked connection back.
        if let Some(connection) = self.0.as_mut() {
            connection.close_on_drop();
        }
    }
}
