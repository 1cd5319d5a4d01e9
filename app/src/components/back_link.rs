//! GOV.UK back link: a link to the previous question (never `history.back()`, so it works
//! without JavaScript).
use leptos::prelude::*;

#[component]
pub fn BackLink(
    #[prop(into)] href: String,
    #[prop(into, default = "Back".into())] text: String,
) -> impl IntoView {
    view! { <a href=href class="govuk-back-link">{text}</a> }
}
