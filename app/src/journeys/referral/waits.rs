//! Honest waits: a request's expected wait (API.md's `expected_wait`), from how requests of
//! its kind and urgency recently moved through its next step, with its place in the queue;
//! and the same in words for the progress page, the confirmation page and the emails.
//! Server-only; the rule itself is `domain::expected_wait`.

use serde::Serialize;
use time::OffsetDateTime;

use super::service::{status_view, StatusView};
use super::WaitWords;
use crate::domain::checks::{iso_date, iso_day};
use crate::domain::concern::KIND as CONCERN;
use crate::domain::expected_wait::{expected_wait, next_step, HISTORY_WEEKS};
use crate::domain::office_hours::{describe_date, uk_local};
use crate::store::{Store, StoreError, StoredReferral};

/// API.md's `expected_wait`: an estimate, never a promise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ExpectedWaitView {
    /// `first_contact` or `assessment`.
    pub next_step: String,
    /// `YYYY-MM-DD`.
    pub likely_by: String,
    pub range: WaitRange,
    /// "requests like this in the last 12 weeks".
    pub based_on: String,
    /// 1 is next among open requests of its kind at its step.
    pub position: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct WaitRange {
    pub from: String,
    pub to: String,
}

/// A request waiting for its next step, as stored or about to be.
#[derive(Clone, Copy, Debug)]
pub struct Waiting<'a> {
    pub kind: &'a str,
    pub urgent: bool,
    pub status: &'a str,
    /// When its current step began (Unix seconds).
    pub step_began: i64,
    pub submitted_at: i64,
    /// Its reference, for the queue's tie-break; `None` for a request not yet written,
    /// which counts everything already waiting as ahead of it.
    pub reference: Option<&'a str>,
}

impl<'a> Waiting<'a> {
    /// A stored request.
    pub fn stored(referral: &'a StoredReferral) -> Self {
        let step_began = referral
            .history
            .iter()
            .rev()
            .find(|h| h.status == referral.status)
            .map_or(referral.submitted_at, |h| h.at);
        Waiting {
            kind: &referral.kind,
            urgent: referral.urgent,
            status: &referral.status,
            step_began,
            submitted_at: referral.submitted_at,
            reference: Some(&referral.reference),
        }
    }
}

/// The expected wait: `None` for a safeguarding concern, past triage, or with too little
/// recent history to say.
pub async fn wait_for(
    store: &dyn Store,
    waiting: &Waiting<'_>,
    now: OffsetDateTime,
) -> Result<Option<ExpectedWaitView>, StoreError> {
    let Some(step) = next_step(waiting.status).filter(|_| waiting.kind != CONCERN) else {
        return Ok(None);
    };
    let since = now.unix_timestamp() - HISTORY_WEEKS * 7 * 86_400;
    let waits = store
        .recent_waits(waiting.kind, waiting.urgent, step, since)
        .await?;
    let day = |at: i64| {
        OffsetDateTime::from_unix_timestamp(at)
            .map(|t| uk_local(t).date())
            .unwrap_or(time::Date::MIN)
    };
    let today = uk_local(now).date();
    let Some(wait) = expected_wait(step, day(waiting.step_began), &waits, today) else {
        return Ok(None);
    };
    // A request not yet written is behind every one sent up to its second (the queue's
    // order is by the second, then the reference, whatever the database's collation).
    let (submitted_at, reference) = match waiting.reference {
        Some(reference) => (waiting.submitted_at, reference),
        None => (waiting.submitted_at + 1, ""),
    };
    let position = store
        .queue_position(
            waiting.kind,
            waiting.status,
            waiting.urgent,
            submitted_at,
            reference,
        )
        .await?;
    Ok(Some(ExpectedWaitView {
        next_step: wait.next_step.to_owned(),
        likely_by: iso_date(wait.likely_by),
        range: WaitRange {
            from: iso_date(wait.from),
            to: iso_date(wait.to),
        },
        based_on: format!("requests like this in the last {HISTORY_WEEKS} weeks"),
        position,
    }))
}

/// The status view with its expected wait, worked out from recent history.
pub async fn status_with_wait(
    store: &dyn Store,
    referral: &StoredReferral,
    now: OffsetDateTime,
) -> Result<StatusView, StoreError> {
    let mut view = status_view(referral);
    view.expected_wait = wait_for(store, &Waiting::stored(referral), now).await?;
    Ok(view)
}

/// The expected wait as residents read it: the range, the most likely day and where it comes
/// from, then the place in the queue.
pub fn in_words(wait: &ExpectedWaitView) -> WaitWords {
    let day = |iso: &str| iso_day(iso).map(describe_date).unwrap_or_default();
    let step = if wait.next_step == "assessment" {
        "had an assessment arranged"
    } else {
        "been contacted by the First Contact Team"
    };
    WaitWords {
        when: format!(
            "Requests like this one have recently {step} between {} and {}, most often by {}. \
             This is an estimate from {}, not a promise.",
            day(&wait.range.from),
            day(&wait.range.to),
            day(&wait.likely_by),
            wait.based_on
        ),
        position: match wait.position {
            1 => "It is next in the queue.".to_owned(),
            2 => "There is 1 request of this kind ahead of it in the queue.".to_owned(),
            n => format!(
                "There are {} requests of this kind ahead of it in the queue.",
                n - 1
            ),
        },
    }
}
