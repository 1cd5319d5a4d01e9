//! GOV.UK textarea with label, hint and error; the label is the page's h1 on a one-question page.
use leptos::prelude::*;

use super::field::FieldParts;
use super::{escape_text, HeadingSize, Label};

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
    let field = FieldParts::new(&id, hint, error);
    let group_class = field.group_class();
    let describe = field.describe;
    // Leptos writes a <textarea>'s children out unescaped (it is raw text to the renderer), so
    // the answer is escaped here and set as inner HTML: `</textarea><script>` in an answer stays
    // text. In the browser, inner HTML of a textarea becomes its text, decoded, so it is the same.
    let content = escape_text(&value);
    view! {
        <div class=group_class>
            <Label text=label for_id=id.clone() size=label_size is_page_heading=is_page_heading/>
            {field.hint_and_error()}
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
