//! "Request an assessment": the journey's pages as data (`journey`) and the server functions
//! its pages post to.

pub mod journey;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::forms::FieldErrors;
#[cfg(feature = "ssr")]
use journey::CONFIRMATION_PATH;
use journey::{ReferralDraft, ReferralForm, ReferralPage, CHECK_PATH};

/// The session key for this journey's draft.
pub const JOURNEY: &str = "referral";
/// The session key for the last request sent (the confirmation page reads it).
#[cfg(feature = "ssr")]
const SENT: &str = "referral:sent";
/// Where "Change" links return to.
pub const RETURN_TO_CHECK: &str = "check-answers";
/// The error summary entry shown when a request could not be sent.
pub const SEND_FIELD: &str = "send";

/// What a page of this journey needs to render.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralState {
    pub draft: ReferralDraft,
    pub errors: FieldErrors,
}

/// The last request this session sent, for its confirmation page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentReferral {
    pub reference: String,
    /// When the office next opens ("Monday 23 November at 9am"); `None` when it is open now.
    pub read_when: Option<String>,
    pub contact_within_working_days: u8,
    pub office_hours: String,
    pub for_someone_else: bool,
}

/// Reads the draft and a page's errors from its last post.
#[server(endpoint = "referral/load")]
pub async fn load_referral(page: ReferralPage) -> Result<ReferralState, ServerFnError> {
    let drafts = crate::api::drafts::Drafts::current().await?;
    let draft = drafts.answers::<ReferralDraft>(JOURNEY).await?;
    let errors = drafts.take_errors(JOURNEY, page.slug()).await?;
    Ok(ReferralState { draft, errors })
}

/// Saves one question page and moves on (or back to the page with its problems).
#[server(endpoint = "referral/answer")]
pub async fn save_referral_answer(
    page: ReferralPage,
    #[server(default)] form: ReferralForm,
) -> Result<(), ServerFnError> {
    let drafts = crate::api::drafts::Drafts::current().await?;
    let mut draft = drafts.answers::<ReferralDraft>(JOURNEY).await?;
    let today = crate::forms::today();
    draft.apply(page, &form, today);
    if draft.submission_key.is_empty() {
        draft.submission_key = uuid::Uuid::new_v4().to_string();
    }
    let errors = draft.problems(page, today);
    drafts.save_answers(JOURNEY, &draft).await?;
    if !errors.is_empty() {
        drafts.save_errors(JOURNEY, page.slug(), &errors).await?;
    }
    let returning = form.return_to.as_deref() == Some(RETURN_TO_CHECK);
    leptos_axum::redirect(&next_path(&draft, page, &errors, returning, today));
    Ok(())
}

/// Where a question page's post goes: back to itself with problems; from a "Change" link,
/// to the first page still unfinished (the answer may have opened a new branch) or check
/// answers; otherwise the next page that applies.
pub fn next_path(
    draft: &ReferralDraft,
    page: ReferralPage,
    errors: &FieldErrors,
    returning: bool,
    today: time::Date,
) -> String {
    let change = |path: String| format!("{path}?change={RETURN_TO_CHECK}");
    match (errors.is_empty(), returning) {
        (false, true) => change(page.path()),
        (false, false) => page.path(),
        (true, true) => draft
            .first_unfinished(today)
            .map(|p| change(p.path()))
            .unwrap_or_else(|| CHECK_PATH.to_owned()),
        (true, false) => page.next(draft).path(),
    }
}

/// Sends the request, exactly once however often it is posted, then shows the confirmation.
/// If the store cannot take it, the answers stay and the check answers page says so.
#[server(endpoint = "referral/send")]
pub async fn send_referral(#[server(default)] form: ReferralForm) -> Result<(), ServerFnError> {
    use crate::api::context::{settings, store};
    use crate::api::referral_service::{submit_referral, Channel, Submitted};
    use crate::domain::office_hours::{describe_moment, ReadingTime};

    let drafts = crate::api::drafts::Drafts::current().await?;
    let mut draft = drafts.answers::<ReferralDraft>(JOURNEY).await?;
    if draft.submission_key.is_empty() {
        // Sent already (a second click or another tab), or the session ended.
        let sent = drafts.answers::<Option<SentReferral>>(SENT).await?;
        leptos_axum::redirect(if sent.is_some() {
            CONFIRMATION_PATH
        } else {
            journey::BASE
        });
        return Ok(());
    }
    let today = crate::forms::today();
    draft.apply(ReferralPage::CheckAnswers, &form, today);
    drafts.save_answers(JOURNEY, &draft).await?;
    if let Some(page) = draft.first_unfinished(today) {
        leptos_axum::redirect(&format!("{}?change={RETURN_TO_CHECK}", page.path()));
        return Ok(());
    }
    let errors = draft.problems(ReferralPage::CheckAnswers, today);
    if !errors.is_empty() {
        drafts
            .save_errors(JOURNEY, ReferralPage::CheckAnswers.slug(), &errors)
            .await?;
        leptos_axum::redirect(CHECK_PATH);
        return Ok(());
    }
    let settings = settings();
    let now = time::OffsetDateTime::now_utc();
    let body = serde_json::to_string(&draft.request)?;
    let outcome = submit_referral(
        &*store()?,
        &settings,
        now,
        Channel::Web,
        &draft.submission_key,
        &draft.request,
        &body,
    )
    .await;
    let receipt = match outcome {
        Ok(Submitted::Created(receipt) | Submitted::Replayed(receipt)) => receipt,
        Ok(Submitted::Invalid(_)) | Ok(Submitted::KeyReused) | Err(_) => {
            if let Err(error) = &outcome {
                tracing::error!(%error, "a referral could not be stored");
            }
            let mut errors = FieldErrors::default();
            errors.add(
                SEND_FIELD,
                format!(
                    "Your request has not been sent. Nothing is lost: your answers are below. Try again in a few minutes, or call {} ({}).",
                    crate::council::CARE_LINE_PHONE,
                    settings.office_hours.describe()
                ),
            );
            drafts
                .save_errors(JOURNEY, ReferralPage::CheckAnswers.slug(), &errors)
                .await?;
            leptos_axum::redirect(CHECK_PATH);
            return Ok(());
        }
    };
    let read_when = match settings.office_hours.reading_time(now) {
        ReadingTime::OpenNow => None,
        ReadingTime::NextOpening(at) => Some(describe_moment(at)),
    };
    let sent = SentReferral {
        reference: receipt.reference,
        read_when,
        contact_within_working_days: settings.contact_within_working_days,
        office_hours: settings.office_hours.describe(),
        for_someone_else: draft.request.is_for_someone_else(),
    };
    drafts.save_answers(SENT, &Some(sent)).await?;
    if let Some(hash) = &draft.saved_code_hash {
        // Sent: the saved copy is no longer needed (if this fails, it expires anyway).
        if let Err(error) = store()?.delete_draft(hash).await {
            tracing::warn!(%error, "could not delete saved answers after sending");
        }
    }
    drafts.clear(JOURNEY).await?;
    leptos_axum::redirect(CONFIRMATION_PATH);
    Ok(())
}

/// The confirmation of the request this session last sent, if any.
#[server(endpoint = "referral/sent")]
pub async fn load_sent_referral() -> Result<Option<SentReferral>, ServerFnError> {
    let drafts = crate::api::drafts::Drafts::current().await?;
    drafts.answers::<Option<SentReferral>>(SENT).await
}

pub mod saved;
