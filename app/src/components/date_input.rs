//! GOV.UK date input: day, month and year boxes in a fieldset whose legend asks the question.
use leptos::prelude::*;

use super::field::FieldParts;
use super::{class_names, question_legend_size, Fieldset, HeadingSize};

/// The three fields are named after `name`, the way a server function's nested struct is:
/// `form[date_of_birth]` gives `form[date_of_birth][day]`, `…[month]`, `…[year]`. Their ids are
/// `{id}-day`, `{id}-month`, `{id}-year`; an error summary should link to `#{id}-day` (or to the
/// first field that is wrong). With an error, all three boxes are highlighted. `bday` marks the
/// fields for the browser to fill in a date of birth (`autocomplete="bday-day"` and so on).
#[component]
pub fn DateInput(
    #[prop(into)] name: String,
    #[prop(into)] id: String,
    #[prop(into)] legend: String,
    #[prop(optional)] legend_size: Option<HeadingSize>,
    #[prop(optional)] is_page_heading: bool,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] day: String,
    #[prop(optional, into)] month: String,
    #[prop(optional, into)] year: String,
    #[prop(optional, into)] error: MaybeProp<String>,
    #[prop(optional)] bday: bool,
) -> impl IntoView {
    let field = FieldParts::new(&id, hint, error);
    let group_class = field.group_class();
    let describe = field.describe;
    let fields = [("day", "Day", day, 2), ("month", "Month", month, 2), ("year", "Year", year, 4)]
        .into_iter()
        .map(|(part, label, value, width)| {
            let field_id = format!("{id}-{part}");
            let width_class = format!("govuk-input--width-{width}");
            let class = move || {
                let error_class = if error.get().is_some() { "govuk-input--error" } else { "" };
                class_names(["govuk-input", "govuk-date-input__input", error_class, &width_class])
            };
            let value = (!value.is_empty()).then_some(value);
            view! {
                <div class="govuk-date-input__item">
                    <div class="govuk-form-group">
                        <label class="govuk-label govuk-date-input__label" for=field_id.clone()>{label}</label>
                        <input
                            class=class
                            id=field_id
                            name=format!("{name}[{part}]")
                            type="text"
                            value=value
                            autocomplete=bday.then(|| format!("bday-{part}"))
                            inputmode="numeric"
                        />
                    </div>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=group_class>
            <Fieldset legend=legend size=question_legend_size(legend_size, is_page_heading) is_page_heading=is_page_heading described_by=describe role="group">
                {field.hint_and_error()}
                <div class="govuk-date-input" id=id.clone()>{fields}</div>
            </Fieldset>
        </div>
    }
}
