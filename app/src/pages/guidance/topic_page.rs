//! A topic: its summary and the guidance pages about it.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::LinkList;
use crate::api::guidance::{load_guidance_topic, GUIDANCE_BASE};
use crate::components::Layout;
use crate::pages::loaded::with_loaded;
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn GuidanceTopicPage() -> impl IntoView {
    let slug = use_params_map()
        .with_untracked(|p| p.get("topic"))
        .unwrap_or_default();
    with_loaded(
        move || load_guidance_topic(slug.clone()),
        |topic| match topic {
            None => view! { <NotFoundPage/> }.into_any(),
            Some(topic) => view! {
                <Layout title=topic.topic.title.clone() back=GUIDANCE_BASE>
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            <span class="govuk-caption-l">"Information and advice"</span>
                            <h1 class="govuk-heading-xl">{topic.topic.title.clone()}</h1>
                            <p class="govuk-body-l">{topic.topic.summary.clone()}</p>
                            <LinkList links=topic.pages.clone()/>
                        </div>
                    </div>
                </Layout>
            }
            .into_any(),
        },
    )
}
