//! GOV.UK button: a submit button, or a start button (a link styled as a button).
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ButtonKind {
    #[default]
    Primary,
    Secondary,
    Warning,
}

/// A form's submit button. With `href`, a link that looks like a button; with `start`, the
/// "Start now" style with its arrow. `name` tells the server which of several buttons was
/// pressed; `prevent_double_click` has GOV.UK Frontend's script ignore a second click.
#[component]
pub fn Button(
    #[prop(into)] text: String,
    #[prop(optional)] kind: ButtonKind,
    #[prop(optional, into)] href: Option<String>,
    #[prop(optional)] start: bool,
    #[prop(optional, into)] name: Option<String>,
    #[prop(optional)] prevent_double_click: bool,
) -> impl IntoView {
    let mut class = String::from("govuk-button");
    match kind {
        ButtonKind::Primary => {}
        ButtonKind::Secondary => class.push_str(" govuk-button--secondary"),
        ButtonKind::Warning => class.push_str(" govuk-button--warning"),
    }
    if start {
        class.push_str(" govuk-button--start");
    }
    match href {
        Some(href) => view! {
            <a href=href role="button" draggable="false" class=class data-module="govuk-button">
                {text}
                {start.then(start_icon)}
            </a>
        }
        .into_any(),
        None => view! {
            <button
                type="submit"
                name=name
                data-prevent-double-click=prevent_double_click.then_some("true")
                class=class
                data-module="govuk-button"
            >
                {text}
                {start.then(start_icon)}
            </button>
        }
        .into_any(),
    }
}

fn start_icon() -> impl IntoView {
    view! {
        <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"></path>
        </svg>
    }
}
