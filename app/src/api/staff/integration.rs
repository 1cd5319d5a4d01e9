//! Integration health for administrators and managers: the outbox's pending, failing and stuck
//! emails and case-management events, each failing one with its last error, and "retry now"
//! (which makes it due at once; the workers still deliver it, in order).

use crate::errors::PortalError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::{keep_for_next, take_kept};
use super::StaffHeader;

pub const INTEGRATION_PATH: &str = "/staff/integration";
/// After this many failed attempts a message is "stuck": still retried hourly, but a person
/// should look at why.
pub const STUCK_AFTER: i64 = 10;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelLine {
    pub label: String,
    pub pending: i64,
    pub failing: i64,
    pub stuck: i64,
    /// Given up on: erased with their request, or undelivered for too long; never sent.
    pub expired: i64,
    pub oldest: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemLine {
    pub id: i64,
    pub channel: String,
    /// The referral or registration it is about.
    pub about: String,
    pub attempts: i64,
    pub stuck: bool,
    pub last_error: String,
    pub next_try: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrationView {
    pub header: StaffHeader,
    pub channels: Vec<ChannelLine>,
    pub problems: Vec<ProblemLine>,
    pub flash: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetryForm {
    pub id: String,
}

/// An error as the mail server or receiver gave it, without any email address in it (an
/// administrator sees this page, and does not see residents' details).
pub fn without_addresses(error: &str) -> String {
    error
        .split_inclusive(char::is_whitespace)
        .map(|word| {
            if word.contains('@') {
                let end = &word[word.trim_end().len()..];
                format!("(address){end}")
            } else {
                word.to_owned()
            }
        })
        .collect()
}

#[cfg(feature = "ssr")]
const FLASH: &str = "staff:integration-flash";

#[server(endpoint = "staff/integration")]
pub async fn load_integration() -> Result<IntegrationView, PortalError> {
    use super::referral::describe_time;
    use super::session::require_staff;
    use crate::api::context::{service_problem, store};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::IntegrationHealth)).await?;
    let store = store()?;
    let label = |channel: &str| {
        if channel == "email" {
            "Emails"
        } else {
            "Case-management events"
        }
        .to_owned()
    };
    let channels = store
        .outbox_health(STUCK_AFTER)
        .await
        .map_err(service_problem)?
        .into_iter()
        .map(|c| ChannelLine {
            label: label(&c.channel),
            pending: c.pending,
            failing: c.failing,
            stuck: c.stuck,
            expired: c.expired,
            oldest: c
                .oldest_pending_at
                .map(describe_time)
                .unwrap_or_else(|| "None waiting".into()),
        })
        .collect();
    let problems = store
        .outbox_problems(1)
        .await
        .map_err(service_problem)?
        .into_iter()
        .map(|p| ProblemLine {
            id: p.id,
            channel: label(&p.channel),
            about: p
                .ordering_key
                .split('/')
                .next()
                .unwrap_or_default()
                .to_owned(),
            attempts: p.attempts,
            stuck: p.attempts >= STUCK_AFTER,
            last_error: without_addresses(&p.last_error),
            next_try: describe_time(p.next_attempt_at),
        })
        .collect();
    let flash: Option<String> = take_kept(FLASH).await?;
    Ok(IntegrationView {
        header: StaffHeader::of(&user),
        channels,
        problems,
        flash,
    })
}

#[server(endpoint = "staff/integration/retry")]
pub async fn retry_message(#[server(default)] form: RetryForm) -> Result<(), PortalError> {
    use super::session::require_staff;
    use crate::api::context::{now_unix, service_problem, store};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::IntegrationHealth)).await?;
    let store = store()?;
    let message = match form.id.trim().parse::<i64>() {
        Ok(id)
            if store
                .retry_outbox_now(id, now_unix())
                .await
                .map_err(service_problem)? =>
        {
            store
                .record_audit(&user.audit("retry_outbox", &id.to_string(), ""))
                .await
                .map_err(service_problem)?;
            format!("Message {id} will be tried again now")
        }
        _ => "That message has been delivered already, or does not exist".to_owned(),
    };
    keep_for_next(FLASH, &message).await?;
    leptos_axum::redirect(INTEGRATION_PATH);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_shown_without_email_addresses() {
        assert_eq!(
            without_addresses("550 mailbox <amara@example.org> unavailable"),
            "550 mailbox (address) unavailable"
        );
        assert_eq!(without_addresses("timed out"), "timed out");
    }
}
