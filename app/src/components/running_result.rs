//! A question page's running result ("So far, you might pay about £28 a week"): an inset the
//! page renders from the saved answers, and that the form's island rewrites as answers change.
//! Always in the page, hidden while empty, and a polite live region so screen readers hear it
//! change.
use leptos::prelude::*;

/// The running result's id; its text is in the paragraph `{RUNNING_RESULT_ID}-words`.
pub const RUNNING_RESULT_ID: &str = "so-far";

#[component]
pub fn RunningResult(
    /// The result so far in words; empty hides it.
    words: String,
    /// What the result is and is not ("This changes as you answer").
    note: &'static str,
) -> impl IntoView {
    let hidden = words.is_empty();
    view! {
        <div id=RUNNING_RESULT_ID class="govuk-inset-text app-running-result" aria-live="polite" hidden=hidden>
            <p class="govuk-body" id=format!("{RUNNING_RESULT_ID}-words")>{words}</p>
            <p class="govuk-body-s">{note}</p>
        </div>
    }
}
