//! Every question page of the request (`/request-an-assessment/:page`), with "Save and come
//! back later" below the form.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::question_fields::question_fields;
use crate::journeys::question_route::{question_route, QuestionParts};
use crate::journeys::referral::saved::SAVE_PATH;
use crate::journeys::referral::{load_referral, SaveReferralAnswer};

#[component]
pub fn ReferralQuestionPage() -> impl IntoView {
    question_route(load_referral, SaveReferralAnswer::url(), |page, state| {
        let save_link = view! {
            <p class="govuk-body">
                <a class="govuk-link" href=SAVE_PATH>"Save and come back later"</a>
            </p>
        };
        QuestionParts {
            after: Some(save_link.into_any()),
            ..QuestionParts::new(question_fields(page, &state.draft, &state.errors))
        }
    })
}
