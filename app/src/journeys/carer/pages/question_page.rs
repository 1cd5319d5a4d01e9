//! Every question page of the registration (`/register-as-a-carer/:page`).
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use super::question_fields::question_fields;
use crate::forms::page_title;
use crate::journeys::carer::flow::{CarerPage, CHECK_PATH};
use crate::journeys::carer::{load_carer_page, SaveCarerAnswer};
use crate::journeys::flow::RETURN_TO_CHECK;
use crate::journeys::question_form::{Checker, QuestionPage};
use crate::pages::loaded::{return_to_from_query, with_loaded};
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn CarerQuestionPage() -> impl IntoView {
    let slug = use_params_map()
        .with_untracked(|p| p.get("page"))
        .unwrap_or_default();
    let Some(page) = CarerPage::from_slug(&slug).filter(|p| *p != CarerPage::CheckAnswers) else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let return_to = return_to_from_query(RETURN_TO_CHECK);
    with_loaded(
        move || load_carer_page(page),
        move |state| {
            let return_to = return_to.clone();
            let back = if return_to.is_some() {
                CHECK_PATH.to_owned()
            } else {
                page.previous_path(&state.draft)
            };
            let title = page_title(&page.question(), !state.errors.is_empty());
            view! {
                <QuestionPage
                    title=title back=back checker=Checker::Server action=SaveCarerAnswer::url()
                    errors=state.errors.clone() page=page.slug() return_to=return_to
                >
                    {question_fields(page, &state.draft, &state.errors)}
                </QuestionPage>
            }
        },
    )
    .into_any()
}
