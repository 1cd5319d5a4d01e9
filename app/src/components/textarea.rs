//! GOV.UK textarea with label, hint and error; the label is the page's h1 on a one-question page.
use leptos::prelude::*;

use super::{described_by, ErrorMessage, HeadingSize, Hint};

#[component]
pub fn Textarea(
    #[prop(into)] name: String,
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional)] label_size: Option<HeadingSize>,
    #[prop(optional)] is_page_heading: bool,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] value: String,
    #[prop(optional, into)] error: MaybeProp<String>,
    #[prop(default = 5)] rows: u32,
    #[prop(optional, into)] autocomplete: Option<String>,
) -> impl IntoView {
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let label_class = match label_size {
        Some(size) => format!("govuk-label govuk-label--{}", size.suffix()),
        None => "govuk-label".to_owned(),
    };
    let label = view! { <label class=label_class for=id.clone()>{label}</label> };
    let label = if is_page_heading {
        view! { <h1 class="govuk-label-wrapper">{label}</h1> }.into_any()
    } else {
        label.into_any()
    };
    let describe = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || described_by(&[hint_id.clone(), error.get().map(|_| error_id.clone())])
    };
    view! {
        <div class=move || if error.get().is_some() { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
            {label}
            {hint.zip(hint_id).map(|(text, id)| view! { <Hint id=id text=text/> })}
            {move || error.get().map(|text| view! { <ErrorMessage id=error_id.clone() text=text/> })}
            <textarea
                class=move || if error.get().is_some() { "govuk-textarea govuk-textarea--error" } else { "govuk-textarea" }
                id=id
                name=name
                rows=rows
                autocomplete=autocomplete
                aria-describedby=describe
            >{value}</textarea>
        </div>
    }
}
