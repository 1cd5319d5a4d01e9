//! GOV.UK summary list: the "Check your answers" rows, each with its "Change" link.
use leptos::prelude::*;

/// A row's action link ("Change"), with hidden text naming what it changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryAction {
    pub href: String,
    pub text: String,
    pub visually_hidden_text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryRow {
    pub key: String,
    /// The answer. More than one entry: a paragraph each. A line break (`\n`) within an entry,
    /// such as between an address's lines, is kept as `<br>`.
    pub value: Vec<String>,
    pub actions: Vec<SummaryAction>,
}

impl SummaryRow {
    /// An answer on a "Check your answers" page with its "Change" link (`what` completes
    /// "Change" for screen readers). An answer left blank reads "Not given".
    pub fn answer(key: &str, value: Vec<String>, change_href: String, what: &str) -> Self {
        SummaryRow {
            key: key.to_owned(),
            value: if value.iter().all(|v| v.trim().is_empty()) {
                vec!["Not given".to_owned()]
            } else {
                value
            },
            actions: vec![SummaryAction {
                href: change_href,
                text: "Change".to_owned(),
                visually_hidden_text: what.to_owned(),
            }],
        }
    }

    /// A row to read, with no "Change" link. Left blank, it reads "Not given".
    pub fn fact(key: &str, value: Vec<String>) -> Self {
        Self::answer(key, value, String::new(), "").without_actions()
    }

    /// The same row with no "Change" link (a record shown to read, not to edit).
    pub fn without_actions(mut self) -> Self {
        self.actions.clear();
        self
    }
}

/// Summary lists under their headings (a check-answers page's sections, a record's answers).
#[component]
pub fn SummarySections(sections: Vec<(String, Vec<SummaryRow>)>) -> impl IntoView {
    sections
        .into_iter()
        .map(|(heading, rows)| {
            view! {
                <h2 class="govuk-heading-m">{heading}</h2>
                <SummaryList rows=rows/>
            }
        })
        .collect_view()
}

#[component]
pub fn SummaryList(rows: Vec<SummaryRow>) -> impl IntoView {
    let any_actions = rows.iter().any(|r| !r.actions.is_empty());
    let rows = rows
        .into_iter()
        .map(|row| {
            let class = if any_actions && row.actions.is_empty() {
                "govuk-summary-list__row govuk-summary-list__row--no-actions"
            } else {
                "govuk-summary-list__row"
            };
            let value = row_value(row.value);
            let actions = row_actions(row.actions);
            view! {
                <div class=class>
                    <dt class="govuk-summary-list__key">{row.key}</dt>
                    <dd class="govuk-summary-list__value">{value}</dd>
                    {actions}
                </div>
            }
        })
        .collect_view();
    view! { <dl class="govuk-summary-list">{rows}</dl> }
}

fn row_value(paragraphs: Vec<String>) -> AnyView {
    if paragraphs.len() <= 1 {
        with_line_breaks(paragraphs.into_iter().next().unwrap_or_default())
    } else {
        paragraphs
            .into_iter()
            .map(|text| view! { <p class="govuk-body">{with_line_breaks(text)}</p> })
            .collect_view()
            .into_any()
    }
}

/// Text with each `\n` shown as a line break (GOV.UK's multi-line answers, such as addresses).
fn with_line_breaks(text: String) -> AnyView {
    if !text.contains('\n') {
        return text.into_any();
    }
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let last = lines.len() - 1;
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| view! { {line} {(i < last).then(|| view! { <br/> })} })
        .collect_view()
        .into_any()
}

fn action_link(action: SummaryAction) -> impl IntoView {
    let hidden = (!action.visually_hidden_text.is_empty()).then(|| {
        let text = format!(" {}", action.visually_hidden_text);
        view! { <span class="govuk-visually-hidden">{text}</span> }
    });
    view! {
        <a class="govuk-link" href=action.href>
            {action.text}
            {hidden}
        </a>
    }
}

fn row_actions(actions: Vec<SummaryAction>) -> Option<AnyView> {
    match actions.len() {
        0 => None,
        1 => {
            let action = actions.into_iter().next().map(action_link);
            Some(view! { <dd class="govuk-summary-list__actions">{action}</dd> }.into_any())
        }
        _ => {
            let items = actions
                .into_iter()
                .map(|a| view! { <li class="govuk-summary-list__actions-list-item">{action_link(a)}</li> })
                .collect_view();
            Some(
                view! {
                    <dd class="govuk-summary-list__actions">
                        <ul class="govuk-summary-list__actions-list">{items}</ul>
                    </dd>
                }
                .into_any(),
            )
        }
    }
}
