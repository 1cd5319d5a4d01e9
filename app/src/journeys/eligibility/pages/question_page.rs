//! Every question page of the check (`/check-if-you-can-get-care/:page`), with the result
//! so far worked out in the browser as answers change.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::question_fields::question_fields;
use crate::components::RunningResult;
use crate::journeys::eligibility::{load_check, SaveCheckAnswer};
use crate::journeys::question_form::Checker;
use crate::journeys::question_route::{question_route, QuestionParts};

#[component]
pub fn CheckQuestionPage() -> impl IntoView {
    question_route(load_check, SaveCheckAnswer::url(), |page, state| {
        let so_far = state.draft.so_far_words(page);
        let after = view! {
            <RunningResult words=so_far note="This changes as you answer. It is not a decision: anyone can ask for an assessment."/>
        };
        QuestionParts {
            checker: Checker::Eligibility {
                page,
                draft: Box::new(state.draft.clone()),
            },
            after: Some(after.into_any()),
            ..QuestionParts::new(question_fields(page, &state.draft, &state.errors))
        }
    })
}
