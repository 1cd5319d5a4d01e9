//! Background work: deleting expired sessions, so unsent answers do not outlive their session.
use std::sync::Arc;
use std::time::Duration;

use app::store::Store;
use time::OffsetDateTime;

/// Every `every`, deletes sessions that have expired. Runs until the process stops.
pub fn spawn_session_sweeper(
    store: Arc<dyn Store>,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(every);
        loop {
            ticker.tick().await;
            match store
                .delete_expired_sessions(OffsetDateTime::now_utc().unix_timestamp())
                .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "expired sessions deleted"),
                Err(error) => tracing::warn!(%error, "could not delete expired sessions"),
            }
        }
    })
}
