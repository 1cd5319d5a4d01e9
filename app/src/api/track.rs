//! "Check the progress of a request": the lookup form's wire struct and rules, and the server
//! functions behind it. The result is kept in the session and shown on the next page: the
//! reference and date of birth never go in a URL.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::date_parts::DateParts;
use crate::domain::checks::date_of_birth_parts;
use crate::domain::problems::FieldErrors;
use crate::errors::PortalError;

#[cfg(feature = "ssr")]
const JOURNEY: &str = "track";
#[cfg(feature = "ssr")]
const RESULT: &str = "track:result";
pub const LOOKUP_PATH: &str = "/track-a-request";
pub const PROGRESS_PATH: &str = "/track-a-request/progress";

/// What the lookup form posts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrackForm {
    pub reference: String,
    pub date_of_birth: DateParts,
}

impl TrackForm {
    pub fn problems(&self, today: time::Date) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if self.reference.trim().is_empty() {
            errors.add("reference", "Enter the reference, like ASC-7K3M-9QX2-HD4P");
        } else if self.reference.chars().count() > 40 {
            errors.add("reference", "Enter the reference, like ASC-7K3M-9QX2-HD4P");
        }
        let typed = &self.date_of_birth;
        if let Err(problem) = date_of_birth_parts(
            &typed.day,
            &typed.month,
            &typed.year,
            today,
            "Enter the date of birth of the person the request is for",
        ) {
            errors.add("date_of_birth", problem.message);
        }
        errors
    }
}

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
    use crate::api::client_address::current_client;
    use crate::api::context::{service_problem, settings, store};

    use crate::journeys::referral::service::{lookup_status, Lookup};

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let now = time::OffsetDateTime::now_utc();
    let today = crate::domain::office_hours::uk_local(now).date();
    let mut errors = form.problems(today);
    // The reference is not kept between tries; the date of birth is, to save typing.
    let kept = TrackForm {
        reference: String::new(),
        date_of_birth: form.date_of_birth.clone(),
    };
    drafts.save_answers(JOURNEY, &kept).await?;
    drafts
        .save_answers(RESULT, &Option::<Progress>::None)
        .await?;
    if errors.is_empty() {
        let typed = &form.date_of_birth;
        let date = typed.iso_date_of_birth(today);
        let settings = settings();
        let client = current_client(&settings.trusted_proxies).await;
        let store = store()?;
        let lookup = lookup_status(&*store, &settings, now, &client, &form.reference, &date)
            .await
            .map_err(service_problem)?;
        let instead = format!(
            "call the Care Line on {} to ask about the request",
            crate::council::CARE_LINE_PHONE
        );
        if let Some(message) = lookup.miss_message("a request", &instead) {
            errors.add("reference", message);
        }
        if let Lookup::Found(view) = lookup {
            drafts.save_answers(RESULT, &Some(progress(&view))).await?;
            drafts.clear(JOURNEY).await?;
            leptos_axum::redirect(PROGRESS_PATH);
            return Ok(());
        }
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
