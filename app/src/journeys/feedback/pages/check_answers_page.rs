//! Check your answers, with "Change" links that come back here, and "Send feedback".
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::with_feedback_state;
use crate::api::show_back::AnswersCopy;
use crate::components::{Button, Layout, SummaryAction, SummaryList, SummaryRow};
use crate::domain::feedback::Satisfaction;
use crate::journeys::feedback::{paths, FeedbackPage, SendFeedback, RETURN_TO_CHECK};

#[component]
pub fn CheckAnswersPage() -> impl IntoView {
    with_feedback_state(FeedbackPage::Check, |state| {
        let satisfaction = state
            .draft
            .satisfaction
            .as_deref()
            .and_then(Satisfaction::from_code)
            .map(|s| s.label().to_owned())
            .unwrap_or_else(|| "Not answered".to_owned());
        let improvements = match state.draft.improvements.as_deref().map(str::trim) {
            Some(text) if !text.is_empty() => text.to_owned(),
            _ => "None given".to_owned(),
        };
        let change = |page: &str, what: &str| SummaryAction {
            href: format!("{page}?change={RETURN_TO_CHECK}"),
            text: "Change".to_owned(),
            visually_hidden_text: what.to_owned(),
        };
        let rows = vec![
            SummaryRow {
                key: "How satisfied you were".to_owned(),
                value: vec![satisfaction],
                actions: vec![change(paths::SATISFACTION, "how satisfied you were")],
            },
            SummaryRow {
                key: "What we could do better".to_owned(),
                value: vec![improvements],
                actions: vec![change(paths::IMPROVEMENTS, "what we could do better")],
            },
        ];
        view! {
            <Layout title="Check your answers before sending your feedback" back=paths::IMPROVEMENTS>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <h1 class="govuk-heading-l">"Check your answers before sending your feedback"</h1>
                        <SummaryList rows=rows.clone()/>
                        <form method="post" action=SendFeedback::url() novalidate>
                            <AnswersCopy sections=vec![("Your feedback".to_owned(), rows)]/>
                            <Button text="Send feedback"/>
                        </form>
                    </div>
                </div>
            </Layout>
        }
    })
}
