//! GOV.UK date input: day, month and year boxes in a fieldset whose legend asks the question.
use leptos::prelude::*;

use super::{
    class_names, described_by, question_legend_size, ErrorMessage, Fieldset, HeadingSize, Hint,
};

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
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let group_class = move || {
        if error.get().is_some() {
            "govuk-form-group govuk-form-group--error"
        } else {
            "govuk-form-group"
        }
    };
    let describe = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        Signal::derive(move || {
            described_by(&[hint_id.clone(), error.get().map(|_| error_id.clone())])
        })
    };
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
                {hint.zip(hint_id).map(|(text, id)| view! { <Hint id=id text=text/> })}
                {move || error.get().map(|text| view! { <ErrorMessage id=error_id.clone() text=text/> })}
                <div class="govuk-date-input" id=id.clone()>{fields}</div>
            </Fieldset>
        </div>
    }
}
