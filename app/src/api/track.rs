//! "Check the progress of a request": the lookup form's wire struct and rules, and the server
//! functions behind it. The result is kept in the session and shown on the next page: the
//! reference and date of birth never go in a URL. From the progress page, "something has
//! changed" tells the council what has changed while the person waits: open only to the
//! browser session that found the request.

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
pub const CHANGE_PATH: &str = "/track-a-request/something-has-changed";
#[cfg(feature = "ssr")]
const CHANGE: &str = "track:change";

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
    /// Still being worked on: "something has changed" is offered.
    pub open: bool,
    /// When the next step is likely, in words, and where the request is in the queue (none
    /// with too little history, or past triage).
    pub expected_wait: Option<crate::journeys::referral::WaitWords>,
    /// A change was just told (the page says thank you, once).
    pub change_told: bool,
}

/// What "something has changed" posts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChangeForm {
    pub what_changed: String,
    /// `yes` or `no`.
    pub more_urgent: String,
}

/// The change page's state: the request it is for (none: look it up first), what was typed
/// and its problems.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeState {
    pub reference: Option<String>,
    pub form: ChangeForm,
    pub errors: FieldErrors,
}

#[server(endpoint = "track/change/load")]
pub async fn load_change() -> Result<ChangeState, PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let progress = drafts.answers::<Option<Progress>>(RESULT).await?;
    let form = drafts.answers::<ChangeForm>(CHANGE).await?;
    let errors = drafts.take_errors(CHANGE, "change").await?;
    Ok(ChangeState {
        reference: progress.filter(|p| p.open).map(|p| p.reference),
        form,
        errors,
    })
}

/// Tells the council what has changed (POST only), for the request this browser session
/// found; the progress page again, saying thank you.
#[server(endpoint = "track/change")]
pub async fn tell_what_changed(#[server(default)] form: ChangeForm) -> Result<(), PortalError> {
    use crate::api::context::{service_problem, settings, store};
    use crate::domain::change_report::{check_change, ChangeReport};
    use crate::journeys::referral::changes::tell_change;
    use crate::journeys::referral::waits::status_with_wait;
    use crate::store::ChangeRecorded;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let Some(found) = drafts.answers::<Option<Progress>>(RESULT).await? else {
        leptos_axum::redirect(LOOKUP_PATH);
        return Ok(());
    };
    drafts.save_answers(CHANGE, &form).await?;
    let report = ChangeReport {
        what_changed: form.what_changed.clone(),
        more_urgent: crate::journeys::flow::posted_yes_no(&form.more_urgent),
    };
    let checked = match check_change(&report) {
        Ok(checked) => checked,
        Err(errors) => {
            drafts.save_errors(CHANGE, "change", &errors).await?;
            leptos_axum::redirect(CHANGE_PATH);
            return Ok(());
        }
    };
    let store = store()?;
    let client = crate::api::client_address::current_client(&settings().trusted_proxies).await;
    let now = time::OffsetDateTime::now_utc();
    let care_line = crate::council::CARE_LINE_PHONE;
    let refusal = match tell_change(&*store, &found.reference, &checked, &client, now)
        .await
        .map_err(service_problem)?
    {
        ChangeRecorded::Kept { .. } => None,
        ChangeRecorded::Closed => Some(format!("This request is closed, so we cannot add to it. Call the Care Line on {care_line}, or make a new request")),
        ChangeRecorded::TooMany => Some(format!("We have had a lot of changes to this request today. Call the Care Line on {care_line} to tell us more")),
        ChangeRecorded::NotFound => {
            leptos_axum::redirect(LOOKUP_PATH);
            return Ok(());
        }
    };
    if let Some(message) = refusal {
        let mut errors = FieldErrors::default();
        errors.add("what_changed", message);
        drafts.save_errors(CHANGE, "change", &errors).await?;
        leptos_axum::redirect(CHANGE_PATH);
        return Ok(());
    }
    let referral = store
        .load_referral(&found.reference)
        .await
        .map_err(service_problem)?;
    let mut progress = match referral {
        Some(r) => progress(
            &status_with_wait(&*store, &r, now)
                .await
                .map_err(service_problem)?,
        ),
        None => found,
    };
    progress.change_told = true;
    drafts.save_answers(RESULT, &Some(progress)).await?;
    drafts.clear(CHANGE).await?;
    leptos_axum::redirect(PROGRESS_PATH);
    Ok(())
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
    let progress = drafts.answers::<Option<Progress>>(RESULT).await?;
    if progress.as_ref().is_some_and(|p| p.change_told) {
        // The thank-you shows once.
        let shown = progress.clone().map(|p| Progress {
            change_told: false,
            ..p
        });
        drafts.save_answers(RESULT, &shown).await?;
    }
    Ok(progress)
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
        open: view.status != "closed",
        change_told: false,
        expected_wait: view
            .expected_wait
            .as_ref()
            .map(crate::journeys::referral::waits::in_words),
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
