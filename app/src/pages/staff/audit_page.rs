//! The audit log for managers: every view and change of personal data, newest first, with a
//! search by reference, and links to newer and older entries.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::audit::load_audit;
use crate::components::{Button, ButtonKind, Input, PreviousNext, TableFrame};

#[component]
pub fn AuditPage() -> impl IntoView {
    let (subject, before, after) = use_query_map().with_untracked(|q| {
        (
            q.get("reference").unwrap_or_default(),
            q.get("before").unwrap_or_default(),
            q.get("after").unwrap_or_default(),
        )
    });
    with_staff_loaded(
        move || load_audit(subject.clone(), before.clone(), after.clone()),
        |view| {
            let header = view.header.clone();
            let rows = view
                .lines
                .iter()
                .map(|line| {
                    view! {
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell">{line.when.clone()}</td>
                            <td class="govuk-table__cell">{line.actor.clone()}</td>
                            <td class="govuk-table__cell">{line.action.clone()}</td>
                            <td class="govuk-table__cell">{line.subject.clone()}</td>
                            <td class="govuk-table__cell">{line.detail.clone()}</td>
                            <td class="govuk-table__cell">{line.client.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            let subject: String = view
                .subject
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            let href = |cursor: &str, id: i64| {
                format!(
                    "{}?reference={subject}&{cursor}={id}",
                    crate::paths::STAFF_AUDIT
                )
            };
            let newer = view
                .newer
                .map(|id| (href("after", id), "Newer entries".to_owned()));
            let older = view
                .older
                .map(|id| (href("before", id), "Older entries".to_owned()));
            let count = match view.total {
                Some(1) => "1 entry".to_owned(),
                Some(n) => format!("{n} entries"),
                None => "Entries, newest first".to_owned(),
            };
            view! {
                <StaffFrame title="Audit log" header=header>
                    <h1 class="govuk-heading-l">"Audit log"</h1>
                    <p class="govuk-body">"Every time staff or residents opened or changed personal data. Entries cannot be changed or removed from the back office."</p>
                    <form method="get" action={crate::paths::STAFF_AUDIT}>
                        <Input
                            name="reference" id="reference" label="Reference" value=view.subject.clone()
                            hint="Show only the entries for one reference, like ASC-7K3M-9QX2-HD4P"
                            spellcheck=false classes="govuk-input--width-20"
                        />
                        <Button text="Search" kind=ButtonKind::Secondary/>
                    </form>
                    <h2 class="govuk-heading-m" id="audit-heading">{count}</h2>
                    <TableFrame class="app-audit" labelled_by="audit-heading" head=vec!["When", "Who", "What", "Record", "Detail", "From"]>
                        {rows}
                    </TableFrame>
                    <PreviousNext previous=newer next=older/>
                </StaffFrame>
            }
        },
    )
}
