//! The home page: what the service is for, the urgent message first, and doors to each journey.
use leptos::prelude::*;

use crate::components::{DangerWarning, Layout};
use crate::council::{CARE_LINE_PHONE, OUT_OF_HOURS_PHONE};
use crate::pages::coming_soon::JOURNEYS;

#[component]
pub fn HomePage() -> impl IntoView {
    let journeys = JOURNEYS
        .iter()
        .map(|j| {
            view! {
                <li class="app-journey-list__item">
                    <h2 class="govuk-heading-m"><a class="govuk-link" href=j.path>{j.title}</a></h2>
                    <p class="govuk-body">{j.summary}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <Layout title="Get help with care and support">
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">"Get help with care and support"</h1>
                    <p class="govuk-body-l">
                        "Find out about help for adults who need care, and for the people who look after them. "
                        "You do not need an account."
                    </p>
                    <DangerWarning/>
                    <p class="govuk-body">
                        "If you need to talk to someone today, call our Care Line on "
                        <a class="govuk-link" href="tel:01632960000">{CARE_LINE_PHONE}</a>
                        ". Out of hours, call "
                        <a class="govuk-link" href="tel:01632960999">{OUT_OF_HOURS_PHONE}</a>
                        "."
                    </p>
                    <crate::pages::search::SearchBox/>
                    <ul class="govuk-list app-journey-list">{journeys}</ul>
                </div>
            </div>
        </Layout>
    }
}
