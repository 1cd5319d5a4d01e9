//! "Report a concern about an adult": the journey's pages as data (`journey`) and the server
//! functions its pages post to. A concern is written as a referral of kind
//! `safeguarding_concern` through the same service as a request for an assessment.

pub mod flow;
pub mod pages;

use leptos::prelude::*;

use crate::errors::PortalError;
#[cfg(feature = "ssr")]
use crate::journeys::flow::Journey;
use crate::journeys::flow::PageState;
use crate::journeys::referral::SentReferral;
use flow::{ConcernDraft, ConcernForm, ConcernPage};
#[cfg(feature = "ssr")]
use flow::{CHECK_PATH, CONFIRMATION_PATH};

/// The session key for this journey's draft.
#[cfg(feature = "ssr")]
const JOURNEY: &str = <ConcernPage as crate::journeys::flow::Journey>::KEY;
/// The session key for the last report sent (the confirmation page reads it).
#[cfg(feature = "ssr")]
const SENT: &str = "concern:sent";

/// Reads the draft and a page's errors from its last post.
#[server(endpoint = "concern/load")]
pub async fn load_concern(page: ConcernPage) -> Result<PageState<ConcernDraft>, PortalError> {
    crate::journeys::flow::load_page(page).await
}

/// Saves one question page and moves on (or back to the page with its problems).
#[server(endpoint = "concern/answer")]
pub async fn save_concern_answer(
    page: ConcernPage,
    #[server(default)] form: ConcernForm,
) -> Result<(), PortalError> {
    let return_to = form.return_to.clone();
    crate::journeys::flow::save_answer(
        page,
        return_to.as_deref(),
        |draft: &mut ConcernDraft, today| draft.apply(page, &form, today),
    )
    .await
}

/// Sends the report, exactly once however often it is posted, then shows the confirmation.
/// If the store cannot take it, the answers stay and the check answers page says so.
#[server(endpoint = "concern/send")]
pub async fn send_concern() -> Result<(), PortalError> {
    use crate::journeys::referral::submit_from_web;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let draft = drafts.answers::<ConcernDraft>(JOURNEY).await?;
    if draft.submission_key.is_empty() {
        // Sent already (a second click or another tab), or the session ended.
        let sent = drafts.answers::<Option<SentReferral>>(SENT).await?;
        leptos_axum::redirect(if sent.is_some() {
            CONFIRMATION_PATH
        } else {
            flow::BASE
        });
        return Ok(());
    }
    let today = crate::forms::today();
    if crate::journeys::flow::redirect_if_unfinished::<ConcernPage>(&draft, today) {
        return Ok(());
    }
    match submit_from_web(&draft.request, &draft.submission_key, "report", None).await? {
        Ok(sent) => {
            drafts.save_answers(SENT, &Some(sent)).await?;
            drafts.clear(JOURNEY).await?;
            leptos_axum::redirect(CONFIRMATION_PATH);
        }
        Err(errors) => {
            drafts
                .save_errors(JOURNEY, &ConcernPage::CheckAnswers.slug(), &errors)
                .await?;
            leptos_axum::redirect(CHECK_PATH);
        }
    }
    Ok(())
}

/// The confirmation of the report this session last sent, if any.
#[server(endpoint = "concern/sent")]
pub async fn load_sent_concern() -> Result<Option<SentReferral>, PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    drafts.answers::<Option<SentReferral>>(SENT).await
}
