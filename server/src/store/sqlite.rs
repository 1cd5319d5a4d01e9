//! The SQLite store: an embedded file under `data/` for a single instance.
//!
//! Settings, and why:
//! - WAL, so readers never wait for the writer;
//! - `synchronous = FULL`: a request the resident saw confirmed must survive a power cut, and
//!   WAL + FULL still commits ~860 single-row transactions a second on this hardware (NORMAL can
//!   lose the last transactions on power loss);
//! - a 5 second busy timeout and foreign keys on;
//! - one writer: a single-connection pool for writes and a separate pool for reads, so writers
//!   queue in the pool rather than failing with SQLITE_BUSY.

use std::str::FromStr;
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
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use super::carer_queries::sqlite as carers;
use super::directory_queries::sqlite as directory;
use super::import_queries::sqlite as import;
use super::integration_queries::sqlite as integration;
use super::referral_queries::sqlite as queries;
use super::retention_queries::sqlite as retention;
use super::session_queries::sqlite as sessions;
use super::staff_queries::sqlite as staff;
use super::unavailable;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");

#[derive(Debug, Clone)]
pub struct SqliteStore {
    writer: SqlitePool,
    reader: SqlitePool,
}

impl SqliteStore {
    /// The plans SQLite makes for a page of the queue and for its count (`EXPLAIN QUERY
    /// PLAN`), a line per step: for the test that fails when an index the queue needs is
    /// missing.
    pub async fn queue_plan(&self, q: &QueueQuery) -> StoreResult<Vec<String>> {
        use sqlx::Row;
        let mut steps = Vec::new();
        for mut query in [
            staff::queue_page_query("EXPLAIN QUERY PLAN ", q),
            staff::queue_count_query("EXPLAIN QUERY PLAN ", q),
        ] {
            let rows = query
                .build()
                .fetch_all(&self.reader)
                .await
                .map_err(unavailable)?;
            for row in &rows {
                steps.push(row.try_get::<String, _>("detail").map_err(unavailable)?);
            }
        }
        Ok(steps)
    }

    /// Opens (creating if missing) the database file and runs the migrations.
    pub async fn open(url: &str) -> StoreResult<Self> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(unavailable)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true)
            // 16 MiB of pages per connection (SQLite's default is 2 MiB): the back office's
            // views read the recent requests' pages again and again, and each page missed is
            // a read from the operating system (docs/PERFORMANCE.md, section 7).
            .pragma("cache_size", "-16384");
        if let Some(parent) = options.get_filename().parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent).map_err(unavailable)?;
            }
        }
        // Waiting longer than this for the one writer means the file is locked: the request
        // gets the service-problem page rather than hanging.
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options.clone())
            .await
            .map_err(unavailable)?;
        MIGRATOR.run(&writer).await.map_err(unavailable)?;
        let reader = SqlitePoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options.read_only(true))
            .await
            .map_err(unavailable)?;
        Ok(Self { writer, reader })
    }

    /// The one-connection pool every write queues for.
    fn writer(&self) -> &SqlitePool {
        &self.writer
    }

    /// The read-only pool.
    fn reader(&self) -> &SqlitePool {
        &self.reader
    }
}

impl_store!(SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    async fn ping(&self) -> StoreResult<()> {
        // A write that is rolled back: it needs the write lock, so a file another process
        // holds locked, or one that is read-only, is not ready.
        let mut tx = self.writer.begin().await.map_err(unavailable)?;
        sqlx::query("DELETE FROM sessions WHERE id = ''")
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
        tx.rollback().await.map_err(unavailable)?;
        Ok(())
    }

    // Referrals, lookups, audit, outbox and saved drafts: shared SQL (see referral_queries).

    async fn lead_outbox(&self, _channel: &str) -> StoreResult<Option<OutboxLead>> {
        // One process serves a SQLite file (its one writer): it always leads.
        Ok(Some(OutboxLead::holding(())))
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
        let expression = directory::fts5_expression(words);
        let rows: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
            "SELECT kind, key, title, summary, body, terms FROM search_index WHERE search_index MATCH ? ORDER BY kind, key LIMIT ?",
        )
        .bind(expression)
        .bind(limit)
        .fetch_all(&self.reader)
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
