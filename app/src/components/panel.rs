//! GOV.UK confirmation panel: the green box with the outcome and, usually, a reference.
use leptos::prelude::*;

#[component]
pub fn Panel(
    #[prop(into)] title: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">{title}</h1>
            {children.map(|body| view! { <div class="govuk-panel__body">{body()}</div> })}
        </div>
    }
}
