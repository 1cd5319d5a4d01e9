//! GOV.UK radios: one answer from a short list, in a fieldset whose legend asks the question.
use leptos::prelude::*;

use super::field::FieldParts;
use super::{question_legend_size, Fieldset, HeadingSize};

/// One option of radios or checkboxes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub text: String,
}

impl Choice {
    pub fn new(value: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            text: text.into(),
        }
    }
}

/// The first radio's id is `id`, later ones `id-2`, `id-3`… (GOV.UK's scheme), so an error
/// summary link to `#id` lands on the first option. The legend is body size unless
/// `legend_size` says otherwise, or `L` when it is the page heading.
#[component]
pub fn Radios(
    #[prop(into)] name: String,
    #[prop(into)] id: String,
    #[prop(into)] legend: String,
    #[prop(optional)] legend_size: Option<HeadingSize>,
    #[prop(optional)] is_page_heading: bool,
    #[prop(optional, into)] hint: Option<String>,
    items: Vec<Choice>,
    #[prop(optional_no_strip)] selected: Option<String>,
    #[prop(optional, into)] error: MaybeProp<String>,
    #[prop(optional)] inline: bool,
) -> impl IntoView {
    let field = FieldParts::new(&id, hint, error);
    let group_class = field.group_class();
    let describe = field.describe;
    let radios_class = if inline {
        "govuk-radios govuk-radios--inline"
    } else {
        "govuk-radios"
    };
    let options = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let item_id = if index == 0 { id.clone() } else { format!("{id}-{}", index + 1) };
            let checked = selected.as_deref() == Some(item.value.as_str());
            view! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id=item_id.clone() name=name.clone() type="radio" value=item.value checked=checked/>
                    <label class="govuk-label govuk-radios__label" for=item_id>{item.text}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=group_class>
            <Fieldset legend=legend size=question_legend_size(legend_size, is_page_heading) is_page_heading=is_page_heading described_by=describe>
                {field.hint_and_error()}
                <div class=radios_class data-module="govuk-radios">{options.clone()}</div>
            </Fieldset>
        </div>
    }
}
