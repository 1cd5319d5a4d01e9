//! GOV.UK table: a caption, an optional header row and rows of text.
use leptos::prelude::*;

use super::HeadingSize;

/// `head` is the header row (none if empty). With `first_cell_is_header`, each row's first cell
/// is a row header. `numeric_columns` (0-based) are right-aligned, as GOV.UK asks for numbers
/// people compare.
#[component]
pub fn Table(
    #[prop(optional, into)] caption: Option<String>,
    #[prop(optional)] caption_size: Option<HeadingSize>,
    #[prop(optional)] head: Vec<String>,
    rows: Vec<Vec<String>>,
    #[prop(optional)] first_cell_is_header: bool,
    #[prop(optional)] numeric_columns: Vec<usize>,
) -> impl IntoView {
    let numeric = move |column: usize| numeric_columns.contains(&column);
    let caption = caption.map(|text| {
        let class = match caption_size {
            Some(size) => format!(
                "govuk-table__caption govuk-table__caption--{}",
                size.suffix()
            ),
            None => "govuk-table__caption".to_owned(),
        };
        view! { <caption class=class>{text}</caption> }
    });
    let head = (!head.is_empty()).then(|| {
        let cells = head
            .into_iter()
            .enumerate()
            .map(|(column, text)| {
                let class = if numeric(column) {
                    "govuk-table__header govuk-table__header--numeric"
                } else {
                    "govuk-table__header"
                };
                view! { <th scope="col" class=class>{text}</th> }
            })
            .collect_view();
        view! {
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">{cells}</tr>
            </thead>
        }
    });
    let rows = rows
        .into_iter()
        .map(|row| {
            let cells = row
                .into_iter()
                .enumerate()
                .map(|(column, text)| {
                    if column == 0 && first_cell_is_header {
                        view! { <th scope="row" class="govuk-table__header">{text}</th> }.into_any()
                    } else {
                        let class = if numeric(column) {
                            "govuk-table__cell govuk-table__cell--numeric"
                        } else {
                            "govuk-table__cell"
                        };
                        view! { <td class=class>{text}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr class="govuk-table__row">{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="govuk-table">
            {caption}
            {head}
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
}

/// A GOV.UK table whose body rows the caller renders (for cells holding links, tags or
/// buttons), labelled by a heading elsewhere on the page. `head` is the header row.
#[component]
pub fn TableFrame(
    /// Added to `govuk-table`.
    #[prop(into)]
    class: String,
    /// The id of the heading that names the table.
    #[prop(into)]
    labelled_by: String,
    head: Vec<&'static str>,
    children: Children,
) -> impl IntoView {
    let head = head
        .into_iter()
        .map(|text| view! { <th scope="col" class="govuk-table__header">{text}</th> })
        .collect_view();
    view! {
        <table class=format!("govuk-table {class}") aria-labelledby=labelled_by>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">{head}</tr>
            </thead>
            <tbody class="govuk-table__body">{children()}</tbody>
        </table>
    }
}
