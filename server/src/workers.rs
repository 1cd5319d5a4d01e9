//! Background work: deleting expired sessions and saved answers, so answers do not outlive
//! their time, and failed-lookup counts once no limit looks at them; the hourly check-ins
//! with people waiting.
use std::sync::Arc;
use std::time::Duration;

use app::store::Store;
use time::OffsetDateTime;

/// Runs `work` now and then every `every`, until the process stops.
pub fn spawn_every<F, Fut>(every: Duration, mut work: F) -> tokio::task::JoinHandle<()>
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(every);
        loop {
            ticker.tick().await;
            work().await;
        }
    })
}

/// Every `every`, deletes sessions that have expired. Runs until the process stops.
pub fn spawn_session_sweeper(
    store: Arc<dyn Store>,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    spawn_every(every, move || {
        let store = store.clone();
        async move {
            let now = OffsetDateTime::now_utc().unix_timestamp();
            report("expired sessions", store.delete_expired_sessions(now).await);
            report(
                "expired saved answers",
                store.delete_expired_drafts(now).await,
            );
            // The longest lookup window is a day.
            report(
                "old lookup failures",
                store.delete_old_lookup_failures(now - 86_400).await,
            );
        }
    })
}

/// Every `every`, sends the check-in emails that are due. Runs until the process stops.
pub fn spawn_check_ins(
    store: Arc<dyn Store>,
    settings: app::settings::Settings,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    let settings = Arc::new(settings);
    spawn_every(every, move || {
        let (store, settings) = (store.clone(), settings.clone());
        async move {
            let now = OffsetDateTime::now_utc();
            match app::journeys::referral::check_ins::send_due_check_ins(&*store, &settings, now)
                .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!(requests = n, "check-ins sent"),
                Err(error) => tracing::warn!(%error, "check-ins failed; will try again"),
            }
        }
    })
}

fn report(what: &str, result: Result<u64, app::store::StoreError>) {
    match result {
        Ok(0) => {}
        Ok(n) => tracing::info!(deleted = n, "{what} deleted"),
        Err(error) => tracing::warn!(%error, "could not delete {what}"),
    }
}
