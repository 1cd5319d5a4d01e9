//! "Information and advice": the topic index, a topic's pages, and a guidance page.

mod guidance_page;
mod index_page;
mod topic_page;

pub use guidance_page::GuidancePage;
pub use index_page::GuidanceIndexPage;
pub use topic_page::GuidanceTopicPage;

use leptos::prelude::*;

use crate::api::guidance::ContentLink;

/// Links with a summary under each, as on a GOV.UK topic page.
#[component]
fn LinkList(links: Vec<ContentLink>) -> impl IntoView {
    let items = links
        .into_iter()
        .map(|link| {
            view! {
                <li class="app-link-list__item">
                    <a class="govuk-link govuk-!-font-weight-bold" href=link.href>{link.title}</a>
                    <p class="govuk-body govuk-!-margin-top-1">{link.summary}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="govuk-list app-link-list">{items}</ul> }
}
