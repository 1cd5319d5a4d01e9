//! Every question page of the estimate (`/estimate-what-you-might-pay/:page`): its group, the
//! question, and once the money questions are answered, the estimate so far.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use super::question_fields::question_fields;
use crate::components::RunningResult;
use crate::forms::page_title;
use crate::journeys::estimate::flow::{so_far_words, EstimatePage, CHECK_PATH};
use crate::journeys::estimate::{load_estimate, SaveEstimateAnswer};
use crate::journeys::flow::RETURN_TO_CHECK;
use crate::journeys::question_form::{Checker, QuestionPage};
use crate::pages::loaded::{return_to_from_query, with_loaded};
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn EstimateQuestionPage() -> impl IntoView {
    let slug = use_params_map()
        .with_untracked(|p| p.get("page"))
        .unwrap_or_default();
    let Some(page) = EstimatePage::from_slug(&slug).filter(|p| *p != EstimatePage::CheckAnswers)
    else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let return_to = return_to_from_query(RETURN_TO_CHECK);
    with_loaded(
        move || load_estimate(page),
        move |state| {
            let return_to = return_to.clone();
            let back = if return_to.is_some() {
                CHECK_PATH.to_owned()
            } else {
                page.previous_path(&state.draft)
            };
            let title = page_title(page.question(), !state.errors.is_empty());
            let words = state.so_far.as_ref().map(so_far_words).unwrap_or_default();
            let after = view! {
                <RunningResult words=words note="This changes as you answer. The full breakdown is at the end."/>
            }
            .into_any();
            view! {
                <QuestionPage
                    title=title back=back checker=Checker::Estimate { page } action=SaveEstimateAnswer::url()
                    errors=state.errors.clone() page=page.slug() return_to=return_to after=after
                >
                    <span class="govuk-caption-l">{page.section()}</span>
                    {question_fields(page, &state.draft, &state.errors)}
                </QuestionPage>
            }
        },
    )
    .into_any()
}
