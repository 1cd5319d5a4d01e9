//! What every form field derives from its id, hint and error, said once: the hint's and the
//! error's ids, the form group's class, `aria-describedby`, and the hint and error message.
use leptos::prelude::*;

use super::{described_by, ErrorMessage, Hint};

pub(crate) struct FieldParts {
    hint: Option<(String, String)>,
    error_id: String,
    error: MaybeProp<String>,
    /// The ids of the hint and (when shown) the error, for `aria-describedby`.
    pub describe: Signal<Option<String>>,
}

impl FieldParts {
    pub fn new(id: &str, hint: Option<String>, error: MaybeProp<String>) -> Self {
        let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
        let error_id = format!("{id}-error");
        let describe = {
            let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
            Signal::derive(move || {
                described_by(&[hint_id.clone(), error.get().map(|_| error_id.clone())])
            })
        };
        Self {
            hint: hint.zip(hint_id),
            error_id,
            error,
            describe,
        }
    }

    /// `govuk-form-group`, marked `--error` while there is an error.
    pub fn group_class(&self) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let error = self.error;
        move || {
            if error.get().is_some() {
                "govuk-form-group govuk-form-group--error"
            } else {
                "govuk-form-group"
            }
        }
    }

    /// The hint, then the error message while there is one (GOV.UK's order).
    pub fn hint_and_error(self) -> impl IntoView {
        let Self {
            hint,
            error_id,
            error,
            ..
        } = self;
        view! {
            {hint.map(|(text, id)| view! { <Hint id=id text=text/> })}
            {move || error.get().map(|text| view! { <ErrorMessage id=error_id.clone() text=text/> })}
        }
    }
}
