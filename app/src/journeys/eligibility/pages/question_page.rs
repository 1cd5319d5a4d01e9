//! Every question page of the check (`/check-if-you-can-get-care/:page`).
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use super::question_fields::question_fields;
use crate::components::RunningResult;
use crate::forms::page_title;
use crate::journeys::eligibility::flow::{CheckPage, CHECK_PATH};
use crate::journeys::eligibility::{load_check, SaveCheckAnswer};
use crate::journeys::flow::RETURN_TO_CHECK;
use crate::journeys::question_form::{Checker, QuestionPage};
use crate::pages::loaded::{return_to_from_query, with_loaded};
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn CheckQuestionPage() -> impl IntoView {
    let slug = use_params_map()
        .with_untracked(|p| p.get("page"))
        .unwrap_or_default();
    let Some(page) = CheckPage::from_slug(&slug).filter(|p| *p != CheckPage::CheckAnswers) else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let return_to = return_to_from_query(RETURN_TO_CHECK);
    with_loaded(
        move || load_check(page),
        move |state| {
            let return_to = return_to.clone();
            let back = if return_to.is_some() {
                CHECK_PATH.to_owned()
            } else {
                page.previous_path(&state.draft)
            };
            let title = page_title(&page.question(&state.draft), !state.errors.is_empty());
            let so_far = state.draft.so_far_words(page);
            let checker = Checker::Eligibility {
                page,
                draft: Box::new(state.draft.clone()),
            };
            let after = view! {
                <RunningResult words=so_far note="This changes as you answer. It is not a decision: anyone can ask for an assessment."/>
            }
            .into_any();
            view! {
                <QuestionPage
                    title=title back=back checker=checker action=SaveCheckAnswer::url()
                    errors=state.errors.clone() page=page.slug() return_to=return_to after=after
                >
                    {question_fields(page, &state.draft, &state.errors)}
                </QuestionPage>
            }
        },
    )
    .into_any()
}
