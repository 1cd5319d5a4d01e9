//! GOV.UK details: a short link ("Help with…") that opens to show more.
use leptos::prelude::*;

#[component]
pub fn Details(
    #[prop(into)] summary: String,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional)] open: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <details id=id class="govuk-details" open=open>
            <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">{summary}</span>
            </summary>
            <div class="govuk-details__text">{children()}</div>
        </details>
    }
}
