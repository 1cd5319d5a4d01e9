//! The council's retention policy (configuration) and the purge that applies it: hourly in the
//! server, and on demand with `server purge-expired`. Every run that changes something is
//! logged with its counts (never what was removed).

use std::sync::Arc;
use std::time::Duration;

use app::store::{PurgeReport, RetentionCutoffs, Store, StoreError};
use time::OffsetDateTime;

/// How long things are kept, in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionPolicy {
    /// A closed referral keeps its personal details this long after it last changed.
    pub closed_referral_days: i64,
    /// Delivered emails and events (they name people) are kept this long, and so are expired
    /// ones (their payloads already erased).
    pub delivered_message_days: i64,
    /// An email or event still undelivered after this long is given up on: erased, never
    /// sent, and counted for staff on the integration health page.
    pub undelivered_message_days: i64,
    pub audit_days: i64,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        Self {
            // Six years after the last contact, as many councils' retention schedules keep
            // adult social care contact records that led to no service.
            closed_referral_days: 6 * 365,
            delivered_message_days: 30,
            undelivered_message_days: 14,
            audit_days: 6 * 365,
        }
    }
}

/// Receipts of the case-management system's updates are only needed while their timestamps
/// are fresh (5 minutes); a day is ample.
const RECEIPT_SECONDS: i64 = 86_400;

impl RetentionPolicy {
    pub fn cutoffs(&self, now: i64) -> RetentionCutoffs {
        let days = |n: i64| now - n * 86_400;
        RetentionCutoffs {
            now,
            closed_referrals_before: days(self.closed_referral_days),
            delivered_messages_before: days(self.delivered_message_days),
            undelivered_messages_before: days(self.undelivered_message_days),
            audit_before: days(self.audit_days),
            receipts_before: now - RECEIPT_SECONDS,
        }
    }
}

/// Applies the policy once, now; logs what changed.
pub async fn purge(store: &dyn Store, policy: &RetentionPolicy) -> Result<PurgeReport, StoreError> {
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let report = store.purge_expired(&policy.cutoffs(now)).await?;
    if report != PurgeReport::default() {
        tracing::info!(
            referrals_anonymised = report.referrals_anonymised,
            messages_expired = report.messages_expired,
            messages_deleted = report.messages_deleted,
            audit_entries_deleted = report.audit_entries_deleted,
            receipts_deleted = report.receipts_deleted,
            "retention purge"
        );
    }
    Ok(report)
}

/// Every `every`, applies the policy. Runs until the process stops.
pub fn spawn_worker(
    store: Arc<dyn Store>,
    policy: RetentionPolicy,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    crate::workers::spawn_every(every, move || {
        let store = store.clone();
        async move {
            if let Err(error) = purge(&*store, &policy).await {
                tracing::warn!(%error, "retention purge failed; will try again");
            }
        }
    })
}
