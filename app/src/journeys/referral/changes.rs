//! "Something has changed" for both doors (the progress page and `POST
//! /api/v1/referrals/changes`): a checked change kept on an open request with its
//! `referral.changed` event for the case-management system, capped per request per day.
use serde_json::json;
use time::OffsetDateTime;

use crate::domain::change_report::{CheckedChange, CHANGES_PER_DAY};
use crate::journeys::submission::{client_bucket, event_message, rfc3339};
use crate::store::{AuditEntry, ChangeRecorded, NewChange, Store, StoreError};

/// Keeps the change (the caller has found the request by its reference and date of birth),
/// audited against the client's hashed address as lookups are.
pub async fn tell_change(
    store: &dyn Store,
    reference: &str,
    change: &CheckedChange,
    client_address: &str,
    now: OffsetDateTime,
) -> Result<ChangeRecorded, StoreError> {
    let event = event_message(
        reference,
        "referral.changed",
        now,
        json!({
            "reference": reference,
            "what_changed": change.what_changed,
            "more_urgent": change.more_urgent,
            "at": rfc3339(now),
        }),
    );
    let recorded = store
        .record_change(&NewChange {
            reference: reference.to_owned(),
            what_changed: change.what_changed.clone(),
            more_urgent: change.more_urgent,
            at: now.unix_timestamp(),
            per_day: CHANGES_PER_DAY,
            event,
        })
        .await?;
    let detail = match &recorded {
        ChangeRecorded::Kept { .. } if change.more_urgent => "kept, more urgent",
        ChangeRecorded::Kept { .. } => "kept",
        ChangeRecorded::Closed => "refused: closed",
        ChangeRecorded::TooMany => "refused: the day's changes",
        ChangeRecorded::NotFound => "refused: not found",
    };
    store
        .record_audit(&AuditEntry {
            at: now.unix_timestamp(),
            actor: client_bucket(client_address),
            action: "tell_change".into(),
            subject: reference.to_owned(),
            detail: detail.into(),
            client: String::new(),
        })
        .await?;
    tracing::info!(%reference, detail, "something has changed");
    Ok(recorded)
}
