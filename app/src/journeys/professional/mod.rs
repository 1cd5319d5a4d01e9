//! "Refer someone as a professional": the journey's pages as data (`flow`) and the server
//! functions its pages post to. A professional referral is written as a request for an
//! assessment with `for: "professional"` through the same service as the JSON API, its
//! confirmation sent to the professional's work email.

pub mod flow;
pub mod pages;

use leptos::prelude::*;

use crate::errors::PortalError;
#[cfg(feature = "ssr")]
use crate::journeys::flow::{back_to_check_answers, redirect_if_sent, Journey};
use crate::journeys::referral::SentReferral;
use flow::{ProfessionalDraft, ProfessionalForm, ProfessionalPage};

crate::journeys::flow::question_server_fns!(load: load_professional = "professional/load", page: ProfessionalPage, draft: ProfessionalDraft);
crate::journeys::flow::question_server_fns!(save: save_professional_answer = "professional/answer", page: ProfessionalPage, draft: ProfessionalDraft, form: ProfessionalForm);

/// Sends the referral, exactly once however often it is posted, then shows the confirmation.
/// If the store cannot take it, the answers stay and the check answers page says so.
#[server(endpoint = "professional/send")]
pub async fn send_professional(
    #[server(default)] form: ProfessionalForm,
) -> Result<(), PortalError> {
    use crate::journeys::referral::submit_from_web;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let mut draft = drafts
        .answers::<ProfessionalDraft>(ProfessionalPage::KEY)
        .await?;
    if redirect_if_sent::<ProfessionalPage, SentReferral>(&drafts, &draft.submission_key).await? {
        return Ok(());
    }
    let today = crate::forms::today();
    draft.apply(ProfessionalPage::CheckAnswers, &form, today);
    drafts.save_answers(ProfessionalPage::KEY, &draft).await?;
    if crate::journeys::flow::redirect_if_unfinished::<ProfessionalPage>(&draft, today) {
        return Ok(());
    }
    let errors = draft.problems(ProfessionalPage::CheckAnswers, today);
    if !errors.is_empty() {
        return back_to_check_answers::<ProfessionalPage>(&drafts, &errors).await;
    }
    let request = draft.request();
    match submit_from_web(&request, &draft.submission_key, "referral", None).await? {
        Ok(sent) => {
            drafts
                .save_answers(&ProfessionalPage::sent_key(), &Some(sent))
                .await?;
            drafts.clear(ProfessionalPage::KEY).await?;
            leptos_axum::redirect(flow::CONFIRMATION_PATH);
            Ok(())
        }
        Err(errors) => back_to_check_answers::<ProfessionalPage>(&drafts, &errors).await,
    }
}

/// The confirmation of the referral this session last sent, if any.
#[server(endpoint = "professional/sent")]
pub async fn load_sent_professional() -> Result<Option<SentReferral>, PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    drafts
        .answers::<Option<SentReferral>>(&ProfessionalPage::sent_key())
        .await
}
