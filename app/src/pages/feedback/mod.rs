//! "Give feedback on this service": two questions, check answers, confirmation. The pattern
//! every journey copies: question pages post to server functions that keep a server-side
//! draft and redirect; islands add instant validation when JavaScript runs.

mod check_answers_page;
mod confirmation_page;
mod improvements_page;
mod satisfaction_page;

pub use check_answers_page::CheckAnswersPage;
pub use confirmation_page::ConfirmationPage;
pub use improvements_page::ImprovementsPage;
pub use satisfaction_page::SatisfactionPage;

use leptos::prelude::*;

use crate::api::feedback::{load_feedback, FeedbackPage, FeedbackState};
use crate::pages::service_problem::ServiceProblem;

/// Loads the draft and the page's errors, then renders the page (or the service problem page).
fn with_feedback_state<V: IntoView + 'static>(
    page: FeedbackPage,
    render: impl Fn(FeedbackState) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = Resource::new_blocking(|| (), move |_| load_feedback(page));
    view! {
        <Suspense>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match state.await {
                        Ok(state) => render(state).into_any(),
                        Err(_) => view! { <ServiceProblem/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// `Some("check-answers")` when the page was opened from a "Change" link.
fn return_to_from_query() -> Option<String> {
    use crate::api::feedback::RETURN_TO_CHECK;
    leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("change"))
        .filter(|v| v == RETURN_TO_CHECK)
}
