//! GOV.UK textarea with label, hint and error; the label is the page's h1 on a one-question page.
use leptos::prelude::*;

use super::{described_by, escape_text, ErrorMessage, HeadingSize, Hint, Label};

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
    #[prop(optional)] spellcheck: Option<bool>,
) -> impl IntoView {
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let describe = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || described_by(&[hint_id.clone(), error.get().map(|_| error_id.clone())])
    };
    // Leptos writes a <textarea>'s children out unescaped (it is raw text to the renderer), so
    // the answer is escaped here and set as inner HTML: `</textarea><script>` in an answer stays
    // text. In the browser, inner HTML of a textarea becomes its text, decoded, so it is the same.
    let content = escape_text(&value);
    view! {
        <div class=move || if error.get().is_some() { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
            <Label text=label for_id=id.clone() size=label_size is_page_heading=is_page_heading/>
            {hint.zip(hint_id).map(|(text, id)| view! { <Hint id=id text=text/> })}
            {move || error.get().map(|text| view! { <ErrorMessage id=error_id.clone() text=text/> })}
            <textarea
                class=move || if error.get().is_some() { "govuk-textarea govuk-textarea--error" } else { "govuk-textarea" }
                id=id
                name=name
                rows=rows
                spellcheck=spellcheck.map(|on| if on { "true" } else { "false" })
                autocomplete=autocomplete
                aria-describedby=describe
                inner_html=content
            ></textarea>
        </div>
    }
}
