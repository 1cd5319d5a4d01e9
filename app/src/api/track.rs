//! "Check the progress of a request": the lookup form's wire struct and rules, and the server
//! functions behind it. The result is kept in the session and shown on the next page: the
//! reference and date of birth never go in a URL.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::problems::FieldErrors;
use crate::errors::PortalError;
use crate::journeys::reference_lookup::{LookupWords, ReferenceLookupForm};

#[cfg(feature = "ssr")]
const JOURNEY: &str = "track";
#[cfg(feature = "ssr")]
const RESULT: &str = "track:result";
pub const LOOKUP_PATH: &str = "/track-a-request";
pub const PROGRESS_PATH: &str = "/track-a-request/progress";

/// What the lookup form posts.
pub type TrackForm = ReferenceLookupForm;

/// How the progress look-up words its problems and misses.
pub const TRACK_WORDS: LookupWords = LookupWords {
    enter_reference: "Enter the reference, like ASC-7K3M-9QX2-HD4P",
    enter_date_of_birth: "Enter the date of birth of the person the request is for",
    what: "a request",
    instead: "to ask about the request",
};

/// One step of the timeline, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressStep {
    pub label: String,
    pub explanation: String,
    /// "23 November 2026".
    pub date: String,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub reference: String,
    pub status_label: String,
    pub outcome_label: Option<String>,
    /// Newest first.
    pub steps: Vec<ProgressStep>,
}

/// The lookup page's state: what was typed (the date only; the reference is re-typed) and
/// its problems.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackState {
    pub form: TrackForm,
    pub errors: FieldErrors,
}

#[server(endpoint = "track/load")]
pub async fn load_track() -> Result<TrackState, PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let form = drafts.answers::<TrackForm>(JOURNEY).await?;
    let errors = drafts.take_errors(JOURNEY, "lookup").await?;
    Ok(TrackState { form, errors })
}

#[server(endpoint = "track/progress")]
pub async fn load_progress() -> Result<Option<Progress>, PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    drafts.answers::<Option<Progress>>(RESULT).await
}

/// Looks the request up (POST only; rate-limited and audited by the service).
#[server(endpoint = "track/lookup")]
pub async fn track_request(#[server(default)] form: TrackForm) -> Result<(), PortalError> {
    use crate::journeys::reference_lookup::look_up;
    use crate::journeys::referral::service::lookup_status;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    drafts.save_answers(JOURNEY, &form.kept()).await?;
    drafts
        .save_answers(RESULT, &Option::<Progress>::None)
        .await?;
    let (errors, found) = look_up(&form, &TRACK_WORDS, |q| async move {
        lookup_status(&*q.store, &q.settings, &q.attempt()).await
    })
    .await?;
    if let Some(view) = found {
        drafts.save_answers(RESULT, &Some(progress(&view))).await?;
        drafts.clear(JOURNEY).await?;
        leptos_axum::redirect(PROGRESS_PATH);
        return Ok(());
    }
    drafts.save_errors(JOURNEY, "lookup", &errors).await?;
    leptos_axum::redirect(LOOKUP_PATH);
    Ok(())
}

#[cfg(feature = "ssr")]
fn progress(view: &crate::journeys::referral::service::StatusView) -> Progress {
    use crate::domain::office_hours::{describe_date, uk_local};
    use crate::domain::referral_status::{outcome, status};
    let date = |at: &str| {
        time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339)
            .map(|t| describe_date(uk_local(t).date()))
            .unwrap_or_default()
    };
    Progress {
        reference: view.reference.clone(),
        status_label: status(&view.status)
            .map(|s| s.label.to_owned())
            .unwrap_or_default(),
        outcome_label: view
            .outcome
            .as_deref()
            .and_then(outcome)
            .map(|o| o.label.to_owned()),
        steps: view
            .timeline
            .iter()
            .rev()
            .map(|entry| {
                let step = status(&entry.status);
                ProgressStep {
                    label: step.map(|s| s.label.to_owned()).unwrap_or_default(),
                    explanation: step.map(|s| s.explanation.to_owned()).unwrap_or_default(),
                    date: date(&entry.at),
                    note: entry.note.clone(),
                }
            })
            .collect(),
    }
}
