//! "Report a concern about an adult": the journey's pages as data (`journey`) and the server
//! functions its pages post to. A concern is written as a referral of kind
//! `safeguarding_concern` through the same service as a request for an assessment.

pub mod flow;
pub mod pages;

use leptos::prelude::*;

use crate::errors::PortalError;
#[cfg(feature = "ssr")]
use crate::journeys::flow::{back_to_check_answers, redirect_if_sent, Journey};
use crate::journeys::referral::SentReferral;
#[cfg(feature = "ssr")]
use flow::CONFIRMATION_PATH;
use flow::{ConcernDraft, ConcernForm, ConcernPage};

/// The session key for this journey's draft.
#[cfg(feature = "ssr")]
const JOURNEY: &str = ConcernPage::KEY;

crate::journeys::flow::question_server_fns!(load: load_concern = "concern/load", page: ConcernPage, draft: ConcernDraft);
crate::journeys::flow::question_server_fns!(save: save_concern_answer = "concern/answer", page: ConcernPage, draft: ConcernDraft, form: ConcernForm);

/// Sends the report, exactly once however often it is posted, then shows the confirmation.
/// If the store cannot take it, the answers stay and the check answers page says so.
#[server(endpoint = "concern/send")]
pub async fn send_concern() -> Result<(), PortalError> {
    use crate::journeys::referral::submit_from_web;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let draft = drafts.answers::<ConcernDraft>(JOURNEY).await?;
    if redirect_if_sent::<ConcernPage, SentReferral>(&drafts, &draft.submission_key).await? {
        return Ok(());
    }
    let today = crate::forms::today();
    if crate::journeys::flow::redirect_if_unfinished::<ConcernPage>(&draft, today) {
        return Ok(());
    }
    match submit_from_web(&draft.request, &draft.submission_key, "report", None).await? {
        Ok(sent) => {
            drafts
                .save_answers(&ConcernPage::sent_key(), &Some(sent))
                .await?;
            drafts.clear(JOURNEY).await?;
            leptos_axum::redirect(CONFIRMATION_PATH);
        }
        Err(errors) => back_to_check_answers::<ConcernPage>(&drafts, &errors).await?,
    }
    Ok(())
}

/// The confirmation of the report this session last sent, if any.
#[server(endpoint = "concern/sent")]
pub async fn load_sent_concern() -> Result<Option<SentReferral>, PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    drafts
        .answers::<Option<SentReferral>>(&ConcernPage::sent_key())
        .await
}
