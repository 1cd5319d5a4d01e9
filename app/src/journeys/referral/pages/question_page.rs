//! Every question page of the journey: the route names the page (`/request-an-assessment/
//! :page`), the draft fills in what was typed, and the `QuestionForm` island checks it in the
//! browser with the same rules the server uses.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use super::question_fields::question_fields;
use crate::forms::page_title;
use crate::journeys::question_form::{Checker, QuestionPage};
use crate::journeys::referral::flow::{ReferralPage, CHECK_PATH};
use crate::journeys::referral::saved::SAVE_PATH;
use crate::journeys::referral::{load_referral, SaveReferralAnswer, RETURN_TO_CHECK};
use crate::pages::loaded::{return_to_from_query, with_loaded};
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn ReferralQuestionPage() -> impl IntoView {
    let slug = use_params_map()
        .with_untracked(|p| p.get("page"))
        .unwrap_or_default();
    let Some(page) = ReferralPage::from_slug(&slug).filter(|p| *p != ReferralPage::CheckAnswers)
    else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let return_to = return_to_from_query(RETURN_TO_CHECK);
    with_loaded(move || load_referral(page), move |state| {
        let return_to = return_to.clone();
        let back = if return_to.is_some() {
            CHECK_PATH.to_owned()
        } else {
            page.previous_path(&state.draft)
        };
        let title = page_title(&page.question(&state.draft), !state.errors.is_empty());
        let checker = Checker::Server;
        let save_link = view! {
            <p class="govuk-body">
                <a class="govuk-link" href=SAVE_PATH>"Save and come back later"</a>
            </p>
        };
        view! {
            <QuestionPage
                title=title back=back checker=checker action=SaveReferralAnswer::url()
                errors=state.errors.clone() page=page.slug() return_to=return_to after=save_link.into_any()
            >
                {question_fields(page, &state.draft, &state.errors)}
            </QuestionPage>
        }
    })
    .into_any()
}
