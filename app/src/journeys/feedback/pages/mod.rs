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

use crate::journeys::feedback::{load_feedback, FeedbackPage, FeedbackState, RETURN_TO_CHECK};
use crate::pages::loaded::with_loaded;

/// Loads the draft and the page's errors, then renders the page (or the service problem page).
fn with_feedback_state<V: IntoView + 'static>(
    page: FeedbackPage,
    render: impl Fn(FeedbackState) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView {
    with_loaded(move || load_feedback(page), render)
}

/// `Some("check-answers")` when the page was opened from a "Change" link.
fn return_to_from_query() -> Option<String> {
    crate::pages::loaded::return_to_from_query(RETURN_TO_CHECK)
}
