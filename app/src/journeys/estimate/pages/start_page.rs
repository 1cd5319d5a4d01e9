//! The start page: what the estimate is (not a bill), what is free anyway, that nothing is
//! kept, and "Start now". Says so when the answers were just deleted.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::free_anyway;
use crate::components::{Button, InsetText, Layout, NotificationBanner, NotificationKind};
use crate::journeys::estimate::flow::EstimatePage;
use crate::journeys::flow::Journey;

#[component]
pub fn EstimateStartPage() -> impl IntoView {
    let deleted = use_query_map().with_untracked(|q| q.get("deleted").is_some());
    view! {
        <Layout title="Estimate what you might pay for care" back="/">
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    {deleted.then(|| view! {
                        <NotificationBanner kind=NotificationKind::Success heading="Your answers have been deleted"/>
                    })}
                    <h1 class="govuk-heading-xl">"Estimate what you might pay for care"</h1>
                    <p class="govuk-body">
                        "Answer some questions about your money to get an idea of what you might pay each week "
                        "for care at home or in a care home. It takes about 10 minutes."
                    </p>
                    <p class="govuk-body">"It helps to have to hand:"</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>"how much you have in savings"</li>
                        <li>"the pensions and benefits you get, and how much each week"</li>
                        <li>"what you pay for your home each week"</li>
                    </ul>
                    <p class="govuk-body">"If you are doing this for someone else, answer for them."</p>
                    <InsetText>
                        "This is an estimate, not a bill. What you pay is worked out in a financial assessment, "
                        "after an assessment of your needs."
                    </InsetText>
                    <p class="govuk-body">
                        "We do not keep your answers. They are deleted when you stop using this service for a while, "
                        "or straight away if you choose “Delete my answers”."
                    </p>
                    <Button text="Start now" href=EstimatePage::TypeOfCare.path() start=true/>
                    {free_anyway()}
                </div>
            </div>
        </Layout>
    }
}
