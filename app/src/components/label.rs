//! GOV.UK label; on a one-question page it is wrapped in the page's h1.
use leptos::prelude::*;

use super::HeadingSize;

/// `for_id` is the id of the control the label names (`for` is a Rust keyword). `size` takes a
/// `HeadingSize` or an `Option<HeadingSize>` (none: GOV.UK's body-size label).
#[component]
pub fn Label(
    #[prop(into)] text: String,
    #[prop(optional, into)] for_id: Option<String>,
    #[prop(into, default = None)] size: Option<HeadingSize>,
    #[prop(optional)] is_page_heading: bool,
    /// Extra classes, such as `govuk-date-input__label`.
    #[prop(optional, into)]
    classes: Option<String>,
) -> impl IntoView {
    let mut class = String::from("govuk-label");
    if let Some(size) = size {
        class.push_str(" govuk-label--");
        class.push_str(size.suffix());
    }
    if let Some(extra) = classes {
        class.push(' ');
        class.push_str(&extra);
    }
    let label = view! { <label class=class for=for_id>{text}</label> };
    if is_page_heading {
        view! { <h1 class="govuk-label-wrapper">{label}</h1> }.into_any()
    } else {
        label.into_any()
    }
}
