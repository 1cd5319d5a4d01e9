//! Small GOV.UK text patterns: hint and inset text.
use leptos::prelude::*;

#[component]
pub fn Hint(
    #[prop(optional, into)] id: Option<String>,
    #[prop(into)] text: String,
) -> impl IntoView {
    view! { <div id=id class="govuk-hint">{text}</div> }
}

#[component]
pub fn InsetText(children: Children) -> impl IntoView {
    view! { <div class="govuk-inset-text">{children()}</div> }
}
