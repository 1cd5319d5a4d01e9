//! The directory: a GET form of filters (words, need, type of service, town, age, free) and a
//! page of results with page numbers. Everything is in the address, so it works without
//! JavaScript and a search can be bookmarked or shared.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::directory::{
    load_directory, DirectoryFilters, DirectoryView, FilterChoice, ServiceSummary, DIRECTORY_BASE,
};
use crate::components::{
    Button, Checkboxes, Choice, ErrorSummary, Input, Layout, OptionGroup, Pagination, Select, Tag,
    TagColour,
};
use crate::forms::page_title;
use crate::pages::loaded::with_loaded;

const TITLE: &str = "Find local services and groups";

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let filters = use_query_map().with_untracked(|q| {
        let get = |key: &str| q.get(key).unwrap_or_default();
        DirectoryFilters {
            q: get("q"),
            need: get("need"),
            service_type: get("type"),
            town: get("town"),
            age: get("age"),
            free: get("free"),
            page: get("page"),
        }
    });
    with_loaded(
        move || load_directory(filters.clone()),
        |view| {
            let title = page_title(TITLE, !view.errors.is_empty());
            let errors = Signal::stored(view.errors.clone());
            view! {
                <Layout title=title back="/">
                    <ErrorSummary errors=errors/>
                    <h1 class="govuk-heading-xl">{TITLE}</h1>
                    <p class="govuk-body-l">"Clubs, groups, advice and practical help near you. You do not need an assessment to use them."</p>
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-one-third">{filter_form(&view)}</div>
                        <div class="govuk-grid-column-two-thirds">{results(&view)}</div>
                    </div>
                </Layout>
            }
        },
    )
}

fn choices(list: &[FilterChoice]) -> Vec<(String, String)> {
    list.iter()
        .map(|c| (c.code.clone(), c.name.clone()))
        .collect()
}

fn filter_form(view: &DirectoryView) -> impl IntoView {
    let f = view.filters.clone();
    let errors = view.errors.clone();
    let error = move |field: &str| errors.message_for(field);
    let any = |text: &str| OptionGroup {
        label: None,
        options: vec![(String::new(), text.to_owned())],
    };
    let needs = vec![
        any("Any need"),
        OptionGroup {
            label: Some("For you or the person you help".into()),
            options: choices(&view.adult_needs),
        },
        OptionGroup {
            label: Some("For carers".into()),
            options: choices(&view.carer_needs),
        },
    ];
    let types = vec![
        any("Any type"),
        OptionGroup {
            label: None,
            options: choices(&view.service_types),
        },
    ];
    let towns = vec![
        any("Anywhere in Exampleshire"),
        OptionGroup {
            label: None,
            options: view.towns.iter().map(|t| (t.clone(), t.clone())).collect(),
        },
    ];
    view! {
        <form method="get" action=DIRECTORY_BASE class="app-filters" novalidate>
            <h2 class="govuk-heading-m">"Filter"</h2>
            <Input name="q" id="q" label="Search words" hint="For example, lunch, dementia or transport" value=f.q.clone() error=error("q")/>
            <Select name="need" id="need" label="What do you need help with?" groups=needs selected=f.need.clone() error=error("need")/>
            <Select name="type" id="type" label="Type of service" groups=types selected=f.service_type.clone() error=error("type")/>
            <Select name="town" id="town" label="Town" groups=towns selected=f.town.clone() error=error("town")/>
            <Input name="age" id="age" label="Age (optional)" hint="Shows services open to someone of this age" value=f.age.clone() inputmode="numeric" classes="govuk-input--width-3" error=error("age")/>
            <Checkboxes
                name="free" id="free" legend="Cost" legend_size=crate::components::HeadingSize::S
                items=vec![Choice::new("yes", "Free services only")]
                selected=if f.free == "yes" { vec!["yes".to_owned()] } else { vec![] }
            />
            <Button text="Show services"/>
            <p class="govuk-body"><a class="govuk-link" href=DIRECTORY_BASE>"Clear filters"</a></p>
        </form>
    }
}

fn results(view: &DirectoryView) -> impl IntoView {
    let count = match view.total {
        0 => "No services match".to_owned(),
        1 => "1 service".to_owned(),
        n => format!("{n} services"),
    };
    let items = view.results.iter().cloned().map(result).collect_view();
    let filters = view.filters.clone();
    let empty = (view.total == 0).then(|| {
        view! {
            <p class="govuk-body">"Try fewer filters or other words, or "
                <a class="govuk-link" href=DIRECTORY_BASE>"see every service"</a>
                ". You can also call the Care Line on " {crate::council::CARE_LINE_PHONE} " for help to find something."
            </p>
        }
    });
    view! {
        <h2 class="govuk-heading-m" id="results-heading">{count}</h2>
        {empty}
        <ul class="govuk-list app-results" aria-labelledby="results-heading">{items}</ul>
        <Pagination current=view.page total=view.pages href=move |page| filters.href(page)/>
    }
}

fn result(service: ServiceSummary) -> impl IntoView {
    let href = format!("{DIRECTORY_BASE}/{}", service.id);
    let towns = if service.towns.is_empty() {
        "Across Exampleshire".to_owned()
    } else {
        service.towns.join(", ")
    };
    view! {
        <li class="app-results__item">
            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                <a class="govuk-link" href=href>{service.name}</a>
            </h3>
            {service.temporarily_closed.then(|| view! { <Tag text="Temporarily closed" colour=TagColour::Orange/> })}
            <p class="govuk-body govuk-!-margin-bottom-1">{service.summary}</p>
            <p class="govuk-body-s govuk-!-margin-bottom-0">"Where: " {towns}</p>
            <p class="govuk-body-s">"Cost: " {service.cost}</p>
        </li>
    }
}
