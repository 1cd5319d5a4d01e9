//! Every question page of the report (`/report-a-concern/:page`), with "Exit this page" and
//! the rules checked in the browser.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::question_fields::question_fields;
use crate::journeys::concern::{load_concern, SaveConcernAnswer};
use crate::journeys::question_form::Checker;
use crate::journeys::question_route::{question_route, QuestionParts};

#[component]
pub fn ConcernQuestionPage() -> impl IntoView {
    question_route(load_concern, SaveConcernAnswer::url(), |page, state| {
        QuestionParts {
            checker: Checker::Concern { page },
            exit_page: true,
            ..QuestionParts::new(question_fields(page, &state.draft, &state.errors))
        }
    })
}
