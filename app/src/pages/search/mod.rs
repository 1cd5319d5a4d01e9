//! "Search": one box across guidance pages and local services, a GET form so it works
//! without JavaScript; each result says what it is and shows the sentence that matched,
//! with the matching words marked.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::search::{load_search, SearchResult, SearchView, SEARCH_PATH};
use crate::components::{Button, ErrorSummary, Input, Layout, Tag, TagColour};
use crate::forms::page_title;
use crate::pages::loaded::with_loaded;

/// The search box, for any page: a GET form to `/search`.
#[component]
pub fn SearchBox(
    #[prop(optional, into)] value: String,
    #[prop(optional, into)] error: MaybeProp<String>,
) -> impl IntoView {
    view! {
        <form method="get" action=SEARCH_PATH role="search" class="app-search" novalidate>
            <Input name="q" id="q" label="Search this website" hint="For example, carers, dementia or short breaks" value=value error=error/>
            <Button text="Search"/>
        </form>
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map().with_untracked(|q| q.get("q"));
    with_loaded(
        move || load_search(query.clone()),
        |view| {
            let title = match &view.query {
                Some(q) if !q.trim().is_empty() => format!("Search results for ‘{}’", q.trim()),
                _ => "Search".to_owned(),
            };
            let page_title = page_title(&title, !view.errors.is_empty());
            let errors = Signal::stored(view.errors.clone());
            let error = view.errors.message_for("q");
            view! {
                <Layout title=page_title back="/">
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            <ErrorSummary errors=errors/>
                            <h1 class="govuk-heading-xl">{title}</h1>
                            <SearchBox value=view.query.clone().unwrap_or_default() error=error/>
                            {results(&view)}
                        </div>
                    </div>
                </Layout>
            }
        },
    )
}

fn results(view: &SearchView) -> Option<impl IntoView> {
    let query = view
        .query
        .as_ref()
        .filter(|q| !q.trim().is_empty() && view.errors.is_empty())?;
    let count = match view.results.len() {
        0 => format!("No results for ‘{}’", query.trim()),
        1 => "1 result".to_owned(),
        n => format!("{n} results"),
    };
    let empty = view.results.is_empty().then(|| {
        view! {
            <p class="govuk-body">"Check the spelling or try other words. You can also "
                <a class="govuk-link" href={crate::api::guidance::GUIDANCE_BASE}>"browse information and advice"</a> " or "
                <a class="govuk-link" href={crate::api::directory::DIRECTORY_BASE}>"find local services"</a> "."
            </p>
        }
    });
    let items = view.results.iter().cloned().map(result).collect_view();
    Some(view! {
        <h2 class="govuk-heading-m" id="results-heading">{count}</h2>
        {empty}
        <ul class="govuk-list app-results" aria-labelledby="results-heading">{items}</ul>
    })
}

fn result(r: SearchResult) -> impl IntoView {
    let colour = if r.kind == "Guidance" {
        TagColour::Blue
    } else {
        TagColour::Green
    };
    let snippet = r
        .snippet
        .into_iter()
        .map(|(text, marked)| {
            if marked {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view();
    view! {
        <li class="app-results__item">
            <Tag text=r.kind colour=colour/>
            <h3 class="govuk-heading-s govuk-!-margin-top-2 govuk-!-margin-bottom-1">
                <a class="govuk-link" href=r.href>{r.title}</a>
            </h3>
            <p class="govuk-body-s govuk-!-margin-bottom-1">{r.summary}</p>
            <p class="govuk-body app-snippet">{snippet}</p>
        </li>
    }
}
