//! GOV.UK error summary ("There is a problem", linking to each field) and inline error message.
use leptos::prelude::*;

use crate::forms::{field_id, FieldErrors};

/// The summary at the top of a question page. Renders nothing when there are no errors.
/// GOV.UK Frontend's script moves focus to it on load; islands focus it themselves.
#[component]
pub fn ErrorSummary(#[prop(into)] errors: Signal<FieldErrors>) -> impl IntoView {
    move || {
        let errors = errors.get();
        (!errors.is_empty()).then(|| {
            let items = errors
                .0
                .into_iter()
                .map(|e| {
                    let href = format!("#{}", field_id(&e.field));
                    view! { <li><a href=href>{e.message}</a></li> }
                })
                .collect_view();
            view! {
                <div class="govuk-error-summary" data-module="govuk-error-summary">
                    <div role="alert">
                        <h2 class="govuk-error-summary__title">"There is a problem"</h2>
                        <div class="govuk-error-summary__body">
                            <ul class="govuk-list govuk-error-summary__list">{items}</ul>
                        </div>
                    </div>
                </div>
            }
        })
    }
}

/// The inline message beside a field. Its id (`{field id}-error`) goes in the field's
/// `aria-describedby`.
#[component]
pub fn ErrorMessage(
    #[prop(optional, into)] id: Option<String>,
    #[prop(into)] text: String,
) -> impl IntoView {
    view! {
        <p id=id class="govuk-error-message">
            <span class="govuk-visually-hidden">"Error:"</span>
            " "
            {text}
        </p>
    }
}
