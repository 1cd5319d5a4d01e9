//! The queue (requests for an assessment and carer's assessments) and the safeguarding view
//! (concerns only, for roles allowed to see them): a GET form of filters, a table with a link
//! to each record, urgent ones first (hospital discharges, filtered by route, by their
//! expected date, tagged "Due in N days" or "Overdue"), and pages.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::queue::{load_queue, QueueFilters, QueueView};
use crate::components::{
    Button, ButtonKind, OptionGroup, Pagination, Select, TableFrame, Tag, TagColour,
};
use crate::domain::referral_status::STATUSES;

#[component]
pub fn QueuePage() -> impl IntoView {
    queue(false)
}

#[component]
pub fn SafeguardingPage() -> impl IntoView {
    queue(true)
}

fn queue(safeguarding: bool) -> impl IntoView {
    let filters = use_query_map().with_untracked(|q| QueueFilters::from_query(|key| q.get(key)));
    with_staff_loaded(
        move || load_queue(filters.clone(), safeguarding),
        move |view| {
            let title = if safeguarding {
                "Safeguarding concerns"
            } else {
                "Queue"
            };
            let base = if safeguarding {
                crate::paths::STAFF_SAFEGUARDING
            } else {
                crate::api::staff::paths::QUEUE_PATH
            };
            let header = view.header.clone();
            view! {
                <StaffFrame title=title header=header>
                    <h1 class="govuk-heading-l">{title}</h1>
                    {safeguarding.then(|| view! {
                        <p class="govuk-body">"Concerns about adults at risk. Act on urgent ones today: if someone is in immediate danger, call 999."</p>
                    })}
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-one-quarter">{filter_form(&view, base)}</div>
                        <div class="govuk-grid-column-three-quarters">{results(&view, base)}</div>
                    </div>
                </StaffFrame>
            }
        },
    )
}

fn select(
    name: &str,
    label: &str,
    options: Vec<(String, String)>,
    selected: &str,
) -> impl IntoView {
    let groups = vec![OptionGroup {
        label: None,
        options,
    }];
    view! { <Select name=name.to_owned() id=name.replace('_', "-") label=label.to_owned() groups=groups selected=selected.to_owned()/> }
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(v, t)| ((*v).to_owned(), (*t).to_owned()))
        .collect()
}

fn filter_form(view: &QueueView, base: &str) -> impl IntoView {
    let f = &view.filters;
    let mut statuses = pairs(&[("open", "Open (not closed)"), ("all", "All")]);
    statuses.extend(
        STATUSES
            .iter()
            .map(|s| (s.code.to_owned(), s.label.to_owned())),
    );
    let mut kinds = pairs(&[("", "All types")]);
    kinds.extend(view.kinds.iter().cloned());
    let mut assignees = pairs(&[("", "Anyone"), ("me", "Me"), ("nobody", "Nobody")]);
    assignees.extend(view.team.iter().cloned());
    let ages = pairs(&[
        ("", "Any age"),
        ("2", "Older than 2 days"),
        ("5", "Older than 5 days"),
        ("10", "Older than 10 days"),
    ]);
    let sorts = pairs(&[("oldest", "Oldest first"), ("newest", "Newest first")]);
    let mut routes = pairs(&[("", "Any route")]);
    routes.extend(view.routes.iter().cloned());
    let urgent = f.urgent == "yes";
    view! {
        <form method="get" action=base.to_owned() class="app-filters">
            <h2 class="govuk-heading-m">"Filter"</h2>
            {select("status", "Status", statuses, if f.status.is_empty() { "open" } else { &f.status })}
            {(view.kinds.len() > 1).then(|| select("kind", "Type", kinds, &f.kind))}
            {select("assignee", "Assigned to", assignees, &f.assignee)}
            {select("older_than", "Waiting", ages, &f.older_than)}
            {select("route", "Route of access", routes, &f.route)}
            {select("sort", "Order", sorts, if f.sort.is_empty() { "oldest" } else { &f.sort })}
            <div class="govuk-form-group">
                <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                    <div class="govuk-checkboxes__item">
                        <input class="govuk-checkboxes__input" id="urgent" name="urgent" type="checkbox" value="yes" checked=urgent/>
                        <label class="govuk-label govuk-checkboxes__label" for="urgent">"Urgent only"</label>
                    </div>
                </div>
            </div>
            <Button text="Apply filters" kind=ButtonKind::Secondary/>
        </form>
    }
}

fn results(view: &QueueView, base: &str) -> impl IntoView {
    let count = match view.total {
        1 => "1 request".to_owned(),
        n if n >= crate::domain::staff::QUEUE_COUNT_CAP => {
            format!(
                "{} or more requests: narrow the filters to see the rest",
                crate::domain::checks::thousands(n as usize)
            )
        }
        n => format!("{n} requests"),
    };
    let rows = view
        .lines
        .iter()
        .map(|line| {
            let href = line.href.clone();
            let urgent = line
                .urgent
                .then(|| view! { " " <Tag text="Urgent" colour=Some(TagColour::Red)/> });
            let communication = line
                .communication_needs
                .then(|| view! { " " <Tag text="Communication needs" colour=Some(TagColour::Purple)/> });
            let changed = line
                .changed
                .then(|| view! { " " <Tag text="Something has changed" colour=Some(TagColour::Orange)/> });
            let due = line.tag.clone().map(|(text, pressing)| {
                let colour = if pressing { TagColour::Red } else { TagColour::Yellow };
                view! { <br/><Tag text=text colour=Some(colour)/> }
            });
            let waiting = match line.days_waiting {
                0 => "Today".to_owned(),
                1 => "1 day".to_owned(),
                n => format!("{n} days"),
            };
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">
                        <a class="govuk-link" href=href>{line.reference.clone()}</a>{urgent}{changed}{communication}{due}
                    </th>
                    <td class="govuk-table__cell">{line.name.clone()}</td>
                    <td class="govuk-table__cell">{line.kind.clone()}<br/><span class="govuk-body-s">{line.channel.clone()}</span></td>
                    <td class="govuk-table__cell">{line.status.clone()}</td>
                    <td class="govuk-table__cell">{line.submitted.clone()}<br/><span class="govuk-body-s">{waiting}</span></td>
                    <td class="govuk-table__cell">{line.assigned.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let filters = view.filters.clone();
    let base = base.to_owned();
    let empty = view
        .lines
        .is_empty()
        .then(|| view! { <p class="govuk-body">"Nothing matches these filters."</p> });
    view! {
        <h2 class="govuk-heading-m" id="results-heading">{count}</h2>
        {empty}
        {(!view.lines.is_empty()).then(|| view! {
            <TableFrame class="app-queue" labelled_by="results-heading" head=vec!["Reference", "Name", "Type", "Status", "Received", "Assigned to"]>
                {rows}
            </TableFrame>
        })}
        <Pagination
            current=view.page as u32 total=view.pages as u32
            href=move |page| format!("{base}{}", filters.query_for_page(page as i64))
        />
    }
}
