//! Opens the store named by `DATABASE_URL` (its scheme picks SQLite or PostgreSQL) and runs the
//! migrations for that backend.

#[macro_use]
mod shared;
#[macro_use]
mod directory_queries;
mod carer_queries;
mod import_queries;
mod integration_queries;
mod postgres;
mod referral_queries;
mod retention_queries;
mod rows;
mod session_queries;
mod sqlite;
mod staff_queries;

use std::sync::Arc;

use app::store::{Store, StoreError};

pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

/// Connects to the database at `url` and brings its schema up to date.
pub async fn open(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::open(url).await?))
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Arc::new(PostgresStore::open(url).await?))
    } else {
        Err(StoreError::Unavailable(
            "DATABASE_URL must start with sqlite: or postgres:".to_owned(),
        ))
    }
}

pub(crate) fn unavailable(error: impl std::fmt::Display) -> StoreError {
    StoreError::Unavailable(error.to_string())
}
