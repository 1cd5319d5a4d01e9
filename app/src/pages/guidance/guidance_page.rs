//! A guidance page: its title and summary, the body rendered from Markdown, when it was
//! last reviewed and by whom, related pages and topics. Safeguarding pages say "call 999"
//! first and have "Exit this page".
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::guidance::{load_guidance_page, ContentLink, GUIDANCE_BASE};
use crate::components::{DangerWarning, Layout};
use crate::pages::loaded::with_loaded;
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn GuidancePage() -> impl IntoView {
    let slug = use_params_map()
        .with_untracked(|p| p.get("slug"))
        .unwrap_or_default();
    with_loaded(
        move || load_guidance_page(slug.clone()),
        |page| {
            match page {
            None => view! { <NotFoundPage/> }.into_any(),
            Some(page) => view! {
                <Layout title=page.title.clone() back=GUIDANCE_BASE exit_page=page.safeguarding>
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            <span class="govuk-caption-l">"Information and advice"</span>
                            <h1 class="govuk-heading-xl">{page.title.clone()}</h1>
                            <p class="govuk-body-l">{page.summary.clone()}</p>
                            {page.safeguarding.then(|| view! { <DangerWarning/> })}
                            <div class="app-guidance" inner_html=page.html.clone()></div>
                            <p class="govuk-body-s app-reviewed">
                                "Last reviewed on " {page.last_reviewed.clone()} " by the " {page.owner.clone()} "."
                            </p>
                        </div>
                        <aside class="govuk-grid-column-one-third app-related" aria-labelledby="related-heading">
                            <h2 class="govuk-heading-s" id="related-heading">"Related content"</h2>
                            {links(page.related.clone())}
                            <h2 class="govuk-heading-s">"Topics"</h2>
                            {links(page.topics.clone())}
                        </aside>
                    </div>
                </Layout>
            }
            .into_any(),
        }
        },
    )
}

fn links(links: Vec<ContentLink>) -> impl IntoView {
    let items = links
        .into_iter()
        .map(|l| view! { <li><a class="govuk-link" href=l.href>{l.title}</a></li> })
        .collect_view();
    view! { <ul class="govuk-list govuk-!-font-size-16">{items}</ul> }
}
