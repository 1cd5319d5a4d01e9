//! "Check your answers" for the journeys that end in a result rather than a submission (the
//! eligibility check, the estimate): every answer with its "Change" link, then either the way
//! back to the first question still unanswered or the way on to the result; and the result
//! page's words when there is no result to show.
use leptos::prelude::*;

use crate::components::{Button, Layout, SummaryList, SummaryRow};
use crate::journeys::flow::Journey;

const TITLE: &str = "Check your answers";

/// What differs between the journeys: the buttons' words, where the result is, and anything
/// below the buttons ("Delete my answers").
pub struct ResultWay {
    pub continue_text: &'static str,
    pub result_text: &'static str,
    pub result_path: &'static str,
    pub after: Option<AnyView>,
}

/// The page for a draft of journey `P`, with its answers as `rows`.
pub fn answers_then_result<P: Journey>(
    draft: &P::Draft,
    rows: Vec<SummaryRow>,
    way: ResultWay,
) -> impl IntoView {
    let unfinished = P::first_unfinished(draft, crate::forms::today());
    let back = P::CHECK_ANSWERS.previous_path(draft);
    let ResultWay {
        continue_text,
        result_text,
        result_path,
        after,
    } = way;
    view! {
        <Layout title=TITLE back=back>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-l">{TITLE}</h1>
                    <SummaryList rows=rows/>
                    {match unfinished {
                        Some(page) => view! {
                            <p class="govuk-body">"You have not answered every question yet."</p>
                            <Button text=continue_text href=page.path()/>
                        }.into_any(),
                        None => view! { <Button text=result_text href=result_path/> }.into_any(),
                    }}
                    {after}
                </div>
            </div>
        </Layout>
    }
}

/// The result page when the answers are not all there (a new session, a bookmarked result):
/// `what` is "the check" or "the estimate"; the button starts it again at `start`.
pub fn not_finished(what: &'static str, start: &'static str) -> AnyView {
    let heading = format!("You have not finished {what}");
    view! {
        <Layout title=heading.clone() back=start>
            <h1 class="govuk-heading-l">{heading}</h1>
            <p class="govuk-body">"Answers are kept only while you use the service."</p>
            <Button text=format!("Start {what}") href=start/>
        </Layout>
    }
    .into_any()
}
