//! Every question page of the estimate (`/estimate-what-you-might-pay/:page`): its group,
//! the question, and once the money questions are answered, the estimate so far.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::question_fields::question_fields;
use crate::components::RunningResult;
use crate::journeys::estimate::{load_estimate, SaveEstimateAnswer};
use crate::journeys::question_form::Checker;
use crate::journeys::question_route::{question_route, QuestionParts};

#[component]
pub fn EstimateQuestionPage() -> impl IntoView {
    question_route(load_estimate, SaveEstimateAnswer::url(), |page, state| {
        let words = state.running_result.clone().unwrap_or_default();
        let after = view! {
            <RunningResult words=words note="This changes as you answer. The full breakdown is at the end."/>
        };
        let fields = view! {
            <span class="govuk-caption-l">{page.section()}</span>
            {question_fields(page, &state.draft, &state.errors)}
        };
        QuestionParts {
            checker: Checker::Estimate { page },
            after: Some(after.into_any()),
            ..QuestionParts::new(fields.into_any())
        }
    })
}
