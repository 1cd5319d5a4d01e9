//! The audit log for managers: every view and change of personal data, newest first, with a
//! search by reference.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::audit::load_audit;
use crate::components::{Button, ButtonKind, Input, Pagination, TableFrame};

#[component]
pub fn AuditPage() -> impl IntoView {
    let (subject, page) = use_query_map().with_untracked(|q| {
        (
            q.get("reference").unwrap_or_default(),
            q.get("page").unwrap_or_default(),
        )
    });
    with_staff_loaded(
        move || load_audit(subject.clone(), page.clone()),
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
            let subject = view.subject.clone();
            let count = match view.total {
                1 => "1 entry".to_owned(),
                n => format!("{n} entries"),
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
                    <Pagination
                        current=view.page as u32 total=view.pages as u32
                        href=move |page| format!("{}?reference={}&page={page}", crate::paths::STAFF_AUDIT, subject.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', ""))
                    />
                </StaffFrame>
            }
        },
    )
}
