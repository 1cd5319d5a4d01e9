//! GOV.UK checkboxes: any number of answers from a list, in a fieldset whose legend asks the
//! question; or a single checkbox ("I confirm…") with no fieldset.
use leptos::prelude::*;

use super::field::FieldParts;
use super::{question_legend_size, Choice, Fieldset, HeadingSize};

/// Ids as for radios: `id`, `id-2`, `id-3`…, so an error summary link to `#id` lands on the
/// first option. Every checkbox has the same `name`: the form posts one value per ticked box.
/// Without a `legend` there is no fieldset, and the hint and error describe each checkbox
/// instead (GOV.UK's single-checkbox pattern).
#[component]
pub fn Checkboxes(
    #[prop(into)] name: String,
    #[prop(into)] id: String,
    #[prop(optional, into)] legend: Option<String>,
    #[prop(optional)] legend_size: Option<HeadingSize>,
    #[prop(optional)] is_page_heading: bool,
    #[prop(optional, into)] hint: Option<String>,
    items: Vec<Choice>,
    #[prop(optional, into)] selected: Vec<String>,
    #[prop(optional, into)] error: MaybeProp<String>,
    /// Name each box `{name}[{value}]` (a map of the ticked values, which server functions and
    /// the browser read alike) instead of repeating `name`.
    #[prop(optional)]
    keyed: bool,
) -> impl IntoView {
    let field = FieldParts::new(&id, hint, error);
    let group_class = field.group_class();
    let describe = field.describe;
    let has_fieldset = legend.is_some();
    let options = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let item_id = if index == 0 { id.clone() } else { format!("{id}-{}", index + 1) };
            let checked = selected.contains(&item.value);
            let item_name = if keyed { format!("{name}[{}]", item.value) } else { name.clone() };
            let item_describe = move || if has_fieldset { None } else { describe.get() };
            view! {
                <div class="govuk-checkboxes__item">
                    <input class="govuk-checkboxes__input" id=item_id.clone() name=item_name type="checkbox" value=item.value checked=checked aria-describedby=item_describe/>
                    <label class="govuk-label govuk-checkboxes__label" for=item_id>{item.text}</label>
                </div>
            }
        })
        .collect_view();
    let contents = view! {
        {field.hint_and_error()}
        <div class="govuk-checkboxes" data-module="govuk-checkboxes">{options}</div>
    };
    let body = match legend {
        Some(legend) => view! {
            <Fieldset legend=legend size=question_legend_size(legend_size, is_page_heading) is_page_heading=is_page_heading described_by=describe>
                {contents}
            </Fieldset>
        }
        .into_any(),
        None => contents.into_any(),
    };
    view! { <div class=group_class>{body}</div> }
}
