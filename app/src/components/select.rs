//! GOV.UK select: a label, hint and error, and options in optional groups. For filters with
//! many choices, where radios would be too long.
use leptos::prelude::*;

use super::field::FieldParts;
use super::Label;

/// Options under an optional group label (`<optgroup>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionGroup {
    pub label: Option<String>,
    /// `(value, text)`.
    pub options: Vec<(String, String)>,
}

#[component]
pub fn Select(
    #[prop(into)] name: String,
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    groups: Vec<OptionGroup>,
    #[prop(optional, into)] selected: String,
    #[prop(optional, into)] error: MaybeProp<String>,
) -> impl IntoView {
    let field = FieldParts::new(&id, hint, error);
    let group_class = field.group_class();
    let describe = field.describe;
    let option = move |(value, text): (String, String)| {
        let is_selected = value == selected;
        view! { <option value=value selected=is_selected>{text}</option> }
    };
    let groups = groups
        .into_iter()
        .map(|group| match group.label {
            Some(label) => view! {
                <optgroup label=label>{group.options.into_iter().map(option.clone()).collect_view()}</optgroup>
            }
            .into_any(),
            None => group.options.into_iter().map(option.clone()).collect_view().into_any(),
        })
        .collect_view();
    view! {
        <div class=group_class>
            <Label text=label for_id=id.clone()/>
            {field.hint_and_error()}
            <select
                class=move || if error.get().is_some() { "govuk-select govuk-select--error" } else { "govuk-select" }
                id=id
                name=name
                aria-describedby=describe
            >
                {groups}
            </select>
        </div>
    }
}
