//! Every question page of the journey (`/report-a-concern/:page`), with "Exit this page".
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use super::question_fields::question_fields;
use crate::forms::page_title;
use crate::journeys::concern::flow::{ConcernPage, CHECK_PATH};
use crate::journeys::concern::{load_concern, SaveConcernAnswer};
use crate::journeys::flow::RETURN_TO_CHECK;
use crate::journeys::question_form::{Checker, QuestionPage};
use crate::pages::loaded::{return_to_from_query, with_loaded};
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn ConcernQuestionPage() -> impl IntoView {
    let slug = use_params_map()
        .with_untracked(|p| p.get("page"))
        .unwrap_or_default();
    let Some(page) = ConcernPage::from_slug(&slug).filter(|p| *p != ConcernPage::CheckAnswers)
    else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let return_to = return_to_from_query(RETURN_TO_CHECK);
    with_loaded(move || load_concern(page), move |state| {
        let return_to = return_to.clone();
        let back = if return_to.is_some() {
            CHECK_PATH.to_owned()
        } else {
            page.previous_path(&state.draft)
        };
        let title = page_title(page.question(), !state.errors.is_empty());
        view! {
            <QuestionPage
                title=title back=back checker=Checker::Concern { page } action=SaveConcernAnswer::url()
                errors=state.errors.clone() page=page.slug() return_to=return_to exit_page=true
            >
                {question_fields(page, &state.draft, &state.errors)}
            </QuestionPage>
        }
    })
    .into_any()
}
