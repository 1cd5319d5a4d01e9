//! A brake on floods through the web pages: residents send requests, reports and carers'
//! registrations without an account, so each client address may send only so many an hour
//! (`Settings::web_submissions_per_client_hour`). Past it, check answers says so in words,
//! with when to try again and the Care Line's number, and every answer is kept.

use crate::errors::PortalError;

use crate::api::context::{service_problem, settings, store};

const WINDOW_SECONDS: i64 = 3600;

/// Counts this send from this client (before it is made, so sends at once cannot all pass)
/// and, past the limit, the sentence to show instead of sending.
pub async fn over_the_limit(what: &str) -> Result<Option<String>, PortalError> {
    use sha2::{Digest, Sha256};
    let settings = settings();
    let client = crate::api::client_address::current_client(&settings.trusted_proxies).await;
    let bucket = format!(
        "web-send:{}",
        &hex::encode(Sha256::digest(
            format!("portal-web-send:{client}").as_bytes()
        ))[..24]
    );
    let now = crate::api::context::now_unix();
    let store = store()?;
    store
        .record_lookup_failure(&bucket, now)
        .await
        .map_err(service_problem)?;
    let sent = store
        .count_lookup_failures(&bucket, now - WINDOW_SECONDS + 1)
        .await
        .map_err(service_problem)?;
    if sent <= settings.web_submissions_per_client_hour {
        return Ok(None);
    }
    tracing::warn!("a web send refused: over the sending limit for its client");
    Ok(Some(format!(
        "Your {what} has not been sent: a lot has been sent from this internet connection in the last hour. Nothing is lost: your answers are below. You can try again in {}, or call {} ({}).",
        crate::domain::waiting::wait_in_words(WINDOW_SECONDS),
        crate::council::CARE_LINE_PHONE,
        settings.office_hours.describe()
    )))
}
