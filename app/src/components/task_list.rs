//! GOV.UK task list (GOV.UK Frontend 5+): the tasks of a long form, each with its status.
use leptos::prelude::*;

use super::{Tag, TagColour};

/// A task's status, shown on the right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskStatus {
    /// Plain text, such as "Completed".
    Text(String),
    /// Secondary (grey) text, such as "Cannot start yet", for a task that has no link yet.
    CannotStartYet(String),
    /// A tag, such as "Incomplete" in blue.
    Tag {
        text: String,
        colour: Option<TagColour>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskListItem {
    pub title: String,
    /// The task's page; none while it cannot be started.
    pub href: Option<String>,
    pub hint: Option<String>,
    pub status: TaskStatus,
}

impl TaskListItem {
    /// A task that links to `href`.
    pub fn new(title: impl Into<String>, href: impl Into<String>, status: TaskStatus) -> Self {
        Self {
            title: title.into(),
            href: Some(href.into()),
            hint: None,
            status,
        }
    }

    /// A task with no link (it cannot be started yet).
    pub fn without_link(title: impl Into<String>, status: TaskStatus) -> Self {
        Self {
            title: title.into(),
            href: None,
            hint: None,
            status,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// Ids are `{id_prefix}-{n}-status` and `{id_prefix}-{n}-hint`, counting from 1; the task's link
/// is described by its hint and status.
#[component]
pub fn TaskList(
    items: Vec<TaskListItem>,
    #[prop(into, default = "task-list".into())] id_prefix: String,
) -> impl IntoView {
    let items = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let number = index + 1;
            let hint_id = format!("{id_prefix}-{number}-hint");
            let status_id = format!("{id_prefix}-{number}-status");
            let item_class = if item.href.is_some() {
                "govuk-task-list__item govuk-task-list__item--with-link"
            } else {
                "govuk-task-list__item"
            };
            let title = match item.href {
                Some(href) => {
                    let describe = match &item.hint {
                        Some(_) => format!("{hint_id} {status_id}"),
                        None => status_id.clone(),
                    };
                    view! {
                        <a class="govuk-link govuk-task-list__link" href=href aria-describedby=describe>{item.title}</a>
                    }
                    .into_any()
                }
                None => view! { <div>{item.title}</div> }.into_any(),
            };
            let hint = item
                .hint
                .map(|text| view! { <div id=hint_id class="govuk-task-list__hint">{text}</div> });
            let (status_class, status) = match item.status {
                TaskStatus::Text(text) => ("govuk-task-list__status", text.into_any()),
                TaskStatus::CannotStartYet(text) => (
                    "govuk-task-list__status govuk-task-list__status--cannot-start-yet",
                    text.into_any(),
                ),
                TaskStatus::Tag { text, colour } => (
                    "govuk-task-list__status",
                    view! { <Tag text=text colour=colour/> }.into_any(),
                ),
            };
            view! {
                <li class=item_class>
                    <div class="govuk-task-list__name-and-hint">{title} {hint}</div>
                    <div class=status_class id=status_id>{status}</div>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="govuk-task-list">{items}</ul> }
}
