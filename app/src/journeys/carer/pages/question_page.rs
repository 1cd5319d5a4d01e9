//! Every question page of the registration (`/register-as-a-carer/:page`).
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::question_fields::question_fields;
use crate::journeys::carer::{load_carer_page, SaveCarerAnswer};
use crate::journeys::question_route::{question_route, QuestionParts};

#[component]
pub fn CarerQuestionPage() -> impl IntoView {
    question_route(load_carer_page, SaveCarerAnswer::url(), |page, state| {
        QuestionParts::new(question_fields(page, &state.draft, &state.errors))
    })
}
