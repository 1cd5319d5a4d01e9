//! The `Store` trait: the only door from server functions to the database. Plain structs in
//! and out; one implementation per backend lives in the `server` crate (SQLite, PostgreSQL).

use async_trait::async_trait;

/// What went wrong in the store. The text is for logs, never for the browser.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    #[error("a stored value could not be read: {0}")]
    Corrupt(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A server-side session: an opaque id, its serialised data and when it expires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub id: String,
    /// JSON, written and read by the session layer; the store does not look inside.
    pub data: String,
    /// Unix seconds.
    pub expires_at: i64,
}

/// One response to "Give feedback on this service", ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFeedback {
    /// One of the `Satisfaction` codes.
    pub satisfaction: String,
    pub improvements: String,
    /// Unix seconds.
    pub submitted_at: i64,
}

/// A stored feedback response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackRecord {
    pub id: i64,
    pub satisfaction: String,
    pub improvements: String,
    pub submitted_at: i64,
}

/// Everything the portal keeps. Each method is one unit of work (one transaction).
#[async_trait]
pub trait Store: Send + Sync + std::fmt::Debug + 'static {
    /// Which backend this is ("sqlite" or "postgres"), for logs and `/readyz`.
    fn backend(&self) -> &'static str;

    /// Succeeds when the database answers a query.
    async fn ping(&self) -> StoreResult<()>;

    /// Stores a feedback response and returns its id.
    async fn save_feedback(&self, feedback: &NewFeedback) -> StoreResult<i64>;

    /// The most recent feedback responses, newest first.
    async fn recent_feedback(&self, limit: i64) -> StoreResult<Vec<FeedbackRecord>>;

    /// Inserts a new session; `false` when the id is already taken (the caller picks another).
    async fn create_session(&self, session: &SessionRecord) -> StoreResult<bool>;

    /// Inserts or replaces a session.
    async fn save_session(&self, session: &SessionRecord) -> StoreResult<()>;

    /// Loads a session that has not expired by `now` (unix seconds).
    async fn load_session(&self, id: &str, now: i64) -> StoreResult<Option<SessionRecord>>;

    async fn delete_session(&self, id: &str) -> StoreResult<()>;

    /// Deletes every session that expired before `now`; returns how many.
    async fn delete_expired_sessions(&self, now: i64) -> StoreResult<u64>;
}
