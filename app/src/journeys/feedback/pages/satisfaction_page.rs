//! Question 1: "How satisfied were you with this service?"
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::{return_to_from_query, with_feedback_state};
use crate::components::{Button, Choice, ErrorSummary, Layout, Radios};
use crate::domain::feedback::Satisfaction;
use crate::forms::{check_on_submit, field_id, field_name, mark_enhanced, page_title, FieldErrors};
use crate::journeys::feedback::{paths, FeedbackPage, SatisfactionForm, SaveSatisfaction};

const QUESTION: &str = "How satisfied were you with this service?";

#[component]
pub fn SatisfactionPage() -> impl IntoView {
    let return_to = return_to_from_query();
    let back = if return_to.is_some() {
        paths::CHECK
    } else {
        "/"
    };
    with_feedback_state(FeedbackPage::Satisfaction, move |state| {
        let return_to = return_to.clone();
        let title = page_title(QUESTION, !state.errors.is_empty());
        view! {
            <Layout title=title back=back>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <SatisfactionQuestion answer=state.draft.satisfaction errors=state.errors return_to=return_to.clone()/>
                    </div>
                </div>
            </Layout>
        }
    })
}

/// The form, as an island: with JavaScript the same rules run before posting.
#[island]
fn SatisfactionQuestion(
    answer: Option<String>,
    errors: FieldErrors,
    return_to: Option<String>,
) -> impl IntoView {
    let errors = RwSignal::new(errors);
    let form = NodeRef::new();
    mark_enhanced(form);
    let check = check_on_submit::<SatisfactionForm>(errors);
    let items = Satisfaction::ALL
        .iter()
        .map(|s| Choice::new(s.code(), s.label()))
        .collect();
    view! {
        <ErrorSummary errors=errors/>
        <form node_ref=form method="post" action=SaveSatisfaction::url() novalidate on:submit=check>
            <Radios
                name=field_name("satisfaction")
                id=field_id("satisfaction")
                legend=QUESTION
                is_page_heading=true
                items=items
                selected=answer
                error=Signal::derive(move || errors.with(|e| e.message_for("satisfaction")))
            />
            {return_to.map(|to| view! { <input type="hidden" name=field_name("return_to") value=to/> })}
            <Button text="Continue"/>
        </form>
    }
}
