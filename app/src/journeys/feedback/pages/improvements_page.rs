//! Question 2 (optional): "What could we do better?"
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::{return_to_from_query, with_feedback_state};
use crate::components::{Button, ErrorSummary, HeadingSize, Layout, Textarea};
use crate::forms::{check_on_submit, field_id, field_name, mark_enhanced, page_title, FieldErrors};
use crate::journeys::feedback::{paths, FeedbackPage, ImprovementsForm, SaveImprovements};

const QUESTION: &str = "What could we do better? (optional)";

#[component]
pub fn ImprovementsPage() -> impl IntoView {
    let return_to = return_to_from_query();
    let back = if return_to.is_some() {
        paths::CHECK
    } else {
        paths::SATISFACTION
    };
    with_feedback_state(FeedbackPage::Improvements, move |state| {
        let return_to = return_to.clone();
        let title = page_title(QUESTION, !state.errors.is_empty());
        view! {
            <Layout title=title back=back>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <ImprovementsQuestion
                            answer=state.draft.improvements.unwrap_or_default()
                            errors=state.errors
                            return_to=return_to.clone()
                        />
                    </div>
                </div>
            </Layout>
        }
    })
}

#[island]
fn ImprovementsQuestion(
    answer: String,
    errors: FieldErrors,
    return_to: Option<String>,
) -> impl IntoView {
    let errors = RwSignal::new(errors);
    let form = NodeRef::new();
    mark_enhanced(form);
    let check = check_on_submit::<ImprovementsForm>(errors);
    view! {
        <ErrorSummary errors=errors/>
        <form node_ref=form method="post" action=SaveImprovements::url() novalidate on:submit=check>
            <Textarea
                name=field_name("improvements")
                id=field_id("improvements")
                label=QUESTION
                label_size=HeadingSize::L
                is_page_heading=true
                hint="Do not include personal details, such as your name or address. You can write up to 1,200 characters."
                value=answer
                error=Signal::derive(move || errors.with(|e| e.message_for("improvements")))
            />
            {return_to.map(|to| view! { <input type="hidden" name=field_name("return_to") value=to/> })}
            <Button text="Continue"/>
        </form>
    }
}
