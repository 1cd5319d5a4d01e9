//! GOV.UK warning text: the "!" icon and bold text, for consequences people must not miss.
use leptos::prelude::*;

/// `icon_fallback_text` is read out instead of the icon ("Warning" unless given).
#[component]
pub fn WarningText(
    #[prop(into, default = "Warning".into())] icon_fallback_text: String,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{icon_fallback_text}</span>
                {children()}
            </strong>
        </div>
    }
}
