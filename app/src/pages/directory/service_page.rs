//! One service from the directory: what it is, who it is for, where and when, what it costs,
//! how to get in touch, and when the entry was last checked (with a warning when that was
//! over a year ago: directories go stale).
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::directory::{load_service, ServiceDetails, DIRECTORY_BASE};
use crate::components::{Layout, SummaryList, SummaryRow, WarningText};
use crate::pages::loaded::with_loaded;
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn ServicePage() -> impl IntoView {
    let id = use_params_map()
        .with_untracked(|p| p.get("id"))
        .unwrap_or_default();
    with_loaded(
        move || load_service(id.clone()),
        |service| match service {
            None => view! { <NotFoundPage/> }.into_any(),
            Some(service) => service_view(service).into_any(),
        },
    )
}

fn row(key: &str, value: Vec<String>) -> Option<SummaryRow> {
    (!value.is_empty()).then(|| SummaryRow {
        key: key.to_owned(),
        value,
        actions: vec![],
    })
}

fn service_view(s: ServiceDetails) -> impl IntoView {
    let places: Vec<String> = s
        .places
        .iter()
        .map(|p| {
            let mut lines = vec![p.name.clone()];
            lines.extend(p.address.iter().cloned());
            lines.join("\n")
        })
        .collect();
    let access: Vec<String> = s
        .places
        .iter()
        .flat_map(|p| p.accessibility.clone())
        .collect();
    let rows: Vec<SummaryRow> = [
        row("Who it is for", vec![s.who_for.clone()]),
        row("Helps with", s.helps_with.clone()),
        row("Where", places),
        row("Access", access),
        row("When", s.times.clone()),
        row("Cost", s.cost.clone()),
        row("Languages", s.languages.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let contact: Vec<SummaryRow> = [
        row("Phone", s.phones.clone()),
        row("Email", s.email.clone().into_iter().collect()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let reviewed = s.last_reviewed.clone().map(|date| {
        view! { <p class="govuk-body-s app-reviewed">"This entry was last checked on " {date} "."</p> }
    });
    view! {
        <Layout title=s.name.clone() back=DIRECTORY_BASE>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <span class="govuk-caption-l">{s.organization.clone()}</span>
                    <h1 class="govuk-heading-xl">{s.name.clone()}</h1>
                    {s.temporarily_closed.then(|| view! { <WarningText>" This service is closed for now."</WarningText> })}
                    {s.alert.clone().map(|alert| view! { <p class="govuk-body"><strong>{alert}</strong></p> })}
                    {s.review_due.then(|| view! {
                        <WarningText>" This entry was last checked over a year ago. Contact them before you go, to check the details are still right."</WarningText>
                    })}
                    <p class="govuk-body">{s.description.clone()}</p>
                    <SummaryList rows=rows/>
                    <h2 class="govuk-heading-m">"Get in touch"</h2>
                    <SummaryList rows=contact/>
                    {s.website.clone().map(|url| view! {
                        <p class="govuk-body"><a class="govuk-link" href=url rel="noopener noreferrer">{format!("Visit the {} website", s.name)}</a></p>
                    })}
                    {reviewed}
                    <p class="govuk-body">
                        "If something here is wrong, tell the Care Line on " {crate::council::CARE_LINE_PHONE} "."
                    </p>
                </div>
            </div>
        </Layout>
    }
}
