//! The one route component behind every journey's question pages (`{START}/:page`): it finds
//! the page the slug names (or shows "Page not found"), loads the draft and the page's
//! errors, and renders the question page around the fields the journey gives it.
use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::errors::PortalError;
use crate::forms::page_title;
use crate::journeys::flow::{Journey, PageState, RETURN_TO_CHECK};
use crate::journeys::question_form::{Checker, QuestionPage};
use crate::pages::loaded::{return_to_from_query, with_loaded};
use crate::pages::not_found::NotFoundPage;

/// What a journey puts on one of its question pages.
pub struct QuestionParts {
    /// The page's fields, its question as their legend or label.
    pub fields: AnyView,
    /// The rules the form's island runs in the browser.
    pub checker: Checker,
    /// Shown below the form ("Save and come back later", the running result).
    pub after: Option<AnyView>,
    /// Safeguarding content: shows "Exit this page".
    pub exit_page: bool,
}

impl QuestionParts {
    /// Fields whose rules run on the server only, with nothing below the form.
    pub fn new(fields: AnyView) -> Self {
        QuestionParts {
            fields,
            checker: Checker::Server,
            after: None,
            exit_page: false,
        }
    }
}

/// The question page the route's `:page` names, loaded with `load` (the journey's server
/// function), posting to `action`, with the journey's `parts`.
pub fn question_route<P, Load, Fut>(
    load: Load,
    action: &'static str,
    parts: fn(P, &PageState<P::Draft>) -> QuestionParts,
) -> AnyView
where
    P: Journey,
    Load: Fn(P) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<PageState<P::Draft>, PortalError>> + Send + 'static,
{
    let slug = use_params_map()
        .with_untracked(|p| p.get("page"))
        .unwrap_or_default();
    let Some(page) = P::from_slug(&slug).filter(|p| *p != P::CHECK_ANSWERS) else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let return_to = return_to_from_query(RETURN_TO_CHECK);
    with_loaded(
        move || load(page),
        move |state: PageState<P::Draft>| {
            let back = if return_to.is_some() {
                P::CHECK_ANSWERS.path()
            } else {
                page.previous_path(&state.draft)
            };
            let title = page_title(&page.question(&state.draft), !state.errors.is_empty());
            let QuestionParts {
                fields,
                checker,
                after,
                exit_page,
            } = parts(page, &state);
            view! {
                <QuestionPage
                    title=title back=back checker=checker action=action
                    errors=state.errors.clone() page=page.slug().into_owned() return_to=return_to.clone()
                    exit_page=exit_page after=after
                >
                    {fields}
                </QuestionPage>
            }
        },
    )
    .into_any()
}

/// A radio button's value as the component selects it: nothing when unanswered.
pub fn selected(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

/// A page whose one question is a set of radios: the question is their legend and the
/// page's heading.
pub fn radios_question(
    question: String,
    field: &'static str,
    value: &str,
    items: Vec<crate::components::Choice>,
    hint: &str,
    error: Option<String>,
) -> AnyView {
    use crate::components::Radios;
    use crate::forms::{field_id, field_name};
    view! {
        <Radios
            name=field_name(field) id=field_id(field) legend=question is_page_heading=true
            hint=hint.to_owned() items=items selected=selected(value) error=error
        />
    }
    .into_any()
}
