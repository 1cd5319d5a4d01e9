//! GOV.UK text input with label, hint and error; the label is the page's h1 on a one-question page.
use leptos::prelude::*;

use super::field::FieldParts;
use super::{class_names, HeadingSize, Label};

/// `input_type` is the `type` attribute (`text` unless given: GOV.UK asks for `text` with
/// `inputmode="numeric"` rather than `number`). `classes` adds classes to the input, such as a
/// width (`govuk-input--width-10`). `value` is left out of the HTML when empty.
#[component]
pub fn Input(
    #[prop(into)] name: String,
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional)] label_size: Option<HeadingSize>,
    #[prop(optional)] is_page_heading: bool,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] value: String,
    #[prop(optional, into)] error: MaybeProp<String>,
    #[prop(into, default = "text".into())] input_type: String,
    #[prop(optional, into)] autocomplete: Option<String>,
    #[prop(optional)] spellcheck: Option<bool>,
    #[prop(optional, into)] classes: Option<String>,
    #[prop(optional, into)] inputmode: Option<String>,
    /// Shown before the box, such as `£` (GOV.UK's prefix, hidden from screen readers: say
    /// it in the label or hint too).
    #[prop(optional, into)]
    prefix: Option<String>,
    /// Shown after the box, such as `a week`.
    #[prop(optional, into)]
    suffix: Option<String>,
) -> impl IntoView {
    let field = FieldParts::new(&id, hint, error);
    let group_class = field.group_class();
    let describe = field.describe;
    let input_class = move || {
        let error_class = if error.get().is_some() {
            "govuk-input--error"
        } else {
            ""
        };
        class_names([
            "govuk-input",
            error_class,
            classes.as_deref().unwrap_or_default(),
        ])
    };
    let value = (!value.is_empty()).then_some(value);
    let input = view! {
        <input
            class=input_class
            id=id.clone()
            name=name
            type=input_type
            spellcheck=spellcheck.map(|on| if on { "true" } else { "false" })
            value=value
            aria-describedby=describe
            autocomplete=autocomplete
            inputmode=inputmode
        />
    };
    let input = if prefix.is_some() || suffix.is_some() {
        view! {
            <div class="govuk-input__wrapper">
                {prefix.map(|p| view! { <div class="govuk-input__prefix" aria-hidden="true">{p}</div> })}
                {input}
                {suffix.map(|s| view! { <div class="govuk-input__suffix" aria-hidden="true">{s}</div> })}
            </div>
        }
        .into_any()
    } else {
        input.into_any()
    };
    view! {
        <div class=group_class>
            <Label text=label for_id=id size=label_size is_page_heading=is_page_heading/>
            {field.hint_and_error()}
            {input}
        </div>
    }
}
