//! "Request an assessment": the journey's pages as data (`journey`) and the server functions
//! its pages post to.

#[cfg(feature = "ssr")]
pub mod changes;
#[cfg(feature = "ssr")]
pub mod check_ins;
pub mod flow;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod waits;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::errors::PortalError;
#[cfg(feature = "ssr")]
use crate::forms::FieldErrors;
#[cfg(feature = "ssr")]
use crate::journeys::flow::{back_to_check_answers, redirect_if_sent, Journey};
#[cfg(feature = "ssr")]
use flow::CONFIRMATION_PATH;
use flow::{ReferralDraft, ReferralForm, ReferralPage};

/// The session key for this journey's draft.
pub const JOURNEY: &str = <ReferralPage as crate::journeys::flow::Journey>::KEY;
pub use crate::journeys::flow::RETURN_TO_CHECK;
/// The error summary entry shown when a request could not be sent.
pub const SEND_FIELD: &str = "send";

/// The last request this session sent, for its confirmation page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentReferral {
    pub reference: String,
    /// When the office next opens ("Monday 23 November at 9am"); `None` when it is open now.
    pub read_when: Option<String>,
    pub contact_within_working_days: u8,
    pub office_hours: String,
    pub for_someone_else: bool,
    /// Whether anyone can check its progress (not an anonymous safeguarding concern).
    pub can_follow: bool,
    /// When the first contact is likely (none with too little history, or for a concern).
    pub expected_wait: Option<WaitWords>,
}

/// An expected wait in words (`waits::in_words`): when the next step is likely, and the
/// request's place in the queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitWords {
    pub when: String,
    pub position: String,
}

crate::journeys::flow::question_server_fns!(load: load_referral = "referral/load", page: ReferralPage, draft: ReferralDraft);
crate::journeys::flow::question_server_fns!(save: save_referral_answer = "referral/answer", page: ReferralPage, draft: ReferralDraft, form: ReferralForm);

/// Sends the request, exactly once however often it is posted, then shows the confirmation.
/// If the store cannot take it, the answers stay and the check answers page says so.
#[server(endpoint = "referral/send")]
pub async fn send_referral(#[server(default)] form: ReferralForm) -> Result<(), PortalError> {
    use crate::api::context::store;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let mut draft = drafts.answers::<ReferralDraft>(JOURNEY).await?;
    if redirect_if_sent::<ReferralPage, SentReferral>(&drafts, &draft.submission_key).await? {
        return Ok(());
    }
    let today = crate::forms::today();
    draft.apply(ReferralPage::CheckAnswers, &form, today);
    drafts.save_answers(JOURNEY, &draft).await?;
    if crate::journeys::flow::redirect_if_unfinished::<ReferralPage>(&draft, today) {
        return Ok(());
    }
    let errors = draft.problems(ReferralPage::CheckAnswers, today);
    if !errors.is_empty() {
        return back_to_check_answers::<ReferralPage>(&drafts, &errors).await;
    }
    let sent = match submit_from_web(
        &draft.request,
        &draft.submission_key,
        "request",
        draft.from_check.as_deref(),
    )
    .await?
    {
        Ok(sent) => sent,
        Err(errors) => return back_to_check_answers::<ReferralPage>(&drafts, &errors).await,
    };
    drafts
        .save_answers(&ReferralPage::sent_key(), &Some(sent))
        .await?;
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

/// Writes a request sent from the web pages (exactly once per `submission_key`) and
/// describes its confirmation. If the store cannot take it: the message for check answers
/// (`what` is "request" or "report"), saying nothing was sent and nothing is lost.
/// `from_check`: the self-check's result, when the request came from one.
#[cfg(feature = "ssr")]
pub(crate) async fn submit_from_web(
    request: &crate::domain::referral::ReferralRequest,
    submission_key: &str,
    what: &str,
    from_check: Option<&str>,
) -> Result<Result<SentReferral, FieldErrors>, PortalError> {
    use crate::api::context::{settings, store};
    use crate::domain::office_hours::{describe_moment, ReadingTime};
    use crate::journeys::referral::service::submit_referral;
    use crate::journeys::submission::{Channel, Submission, Submitted};

    if let Some(refusal) = crate::api::sending_limit::over_the_limit(what).await? {
        let mut errors = FieldErrors::default();
        errors.add(SEND_FIELD, refusal);
        return Ok(Err(errors));
    }
    let settings = settings();
    let now = time::OffsetDateTime::now_utc();
    let body = serde_json::to_string(request)?;
    let submission = Submission {
        settings: &settings,
        now,
        channel: Channel::Web,
        idempotency_key: submission_key,
        request_body: &body,
    };
    let outcome = submit_referral(&*store()?, &submission, request, from_check).await;
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
                    "Your {what} has not been sent. Nothing is lost: your answers are below. Try again in a few minutes, or call {} ({}).",
                    crate::council::CARE_LINE_PHONE,
                    settings.office_hours.describe()
                ),
            );
            return Ok(Err(errors));
        }
    };
    let read_when = match settings.office_hours.reading_time(now) {
        ReadingTime::OpenNow => None,
        ReadingTime::NextOpening(at) => Some(describe_moment(at)),
    };
    let can_follow = request
        .check(crate::forms::today())
        .is_ok_and(|checked| checked.lookup_date_of_birth.is_some());
    let expected_wait = sent_wait(&receipt.reference, now).await;
    Ok(Ok(SentReferral {
        reference: receipt.reference,
        read_when,
        contact_within_working_days: settings.contact_within_working_days,
        office_hours: settings.office_hours.describe(),
        for_someone_else: request.is_for_someone_else(),
        can_follow,
        expected_wait,
    }))
}

/// The expected wait of a request just sent, in words. The request is already sent: when
/// the estimate cannot be worked out, the confirmation says nothing about it.
#[cfg(feature = "ssr")]
async fn sent_wait(reference: &str, now: time::OffsetDateTime) -> Option<WaitWords> {
    let store = crate::api::context::store().ok()?;
    let referral = store.load_referral(reference).await.ok().flatten()?;
    let waiting = waits::Waiting::stored(&referral);
    match waits::wait_for(&*store, &waiting, now).await {
        Ok(wait) => wait.as_ref().map(waits::in_words),
        Err(error) => {
            tracing::warn!(%error, "no expected wait for a confirmation");
            None
        }
    }
}

/// The confirmation of the request this session last sent, if any.
/// Takes an attached estimate off the request (from check answers).
#[server(endpoint = "referral/remove-estimate")]
pub async fn remove_estimate() -> Result<(), PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let mut draft = drafts.answers::<flow::ReferralDraft>(JOURNEY).await?;
    draft.request.estimate = None;
    drafts.save_answers(JOURNEY, &draft).await?;
    leptos_axum::redirect(flow::ReferralPage::CheckAnswers.path().as_str());
    Ok(())
}

#[server(endpoint = "referral/sent")]
pub async fn load_sent_referral() -> Result<Option<SentReferral>, PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    drafts
        .answers::<Option<SentReferral>>(&ReferralPage::sent_key())
        .await
}

pub mod saved;
