//! The topic index: every topic, each with its pages.
use leptos::prelude::*;

use super::LinkList;
use crate::api::guidance::load_guidance_index;
use crate::components::{DangerWarning, Layout};
use crate::pages::loaded::with_loaded;

#[component]
pub fn GuidanceIndexPage() -> impl IntoView {
    with_loaded(load_guidance_index, |topics| {
        let sections = topics
            .into_iter()
            .map(|topic| {
                view! {
                    <h2 class="govuk-heading-m">
                        <a class="govuk-link" href=topic.topic.href>{topic.topic.title}</a>
                    </h2>
                    <LinkList links=topic.pages/>
                }
            })
            .collect_view();
        view! {
            <Layout title="Information and advice" back="/">
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <h1 class="govuk-heading-xl">"Information and advice"</h1>
                        <p class="govuk-body-l">"Find out about help for adults who need care and support, and for the people who look after them."</p>
                        <DangerWarning/>
                        <crate::pages::search::SearchBox/>
                        {sections}
                    </div>
                </div>
            </Layout>
        }
    })
}
