//! The home page: what the service is for, the urgent message first, and doors to each journey.
use leptos::prelude::*;

use crate::components::{DangerWarning, Layout};
use crate::council::{CARE_LINE_PHONE, OUT_OF_HOURS_PHONE};

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

/// A journey of the portal, as the home page lists it.
pub struct Journey {
    pub path: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
}

/// Every journey, in the order the home page shows them.
pub const JOURNEYS: &[Journey] = &[
    Journey {
        path: crate::api::guidance::GUIDANCE_BASE,
        title: "Information and advice",
        summary: "Help at home, equipment, carers, paying for care, keeping safe and more.",
    },
    Journey {
        path: crate::api::directory::DIRECTORY_BASE,
        title: "Find local services and groups",
        summary: "Lunch clubs, befriending, carers’ centres, transport and other help near you.",
    },
    Journey {
        path: crate::journeys::eligibility::flow::BASE,
        title: "Check if you can get care and support",
        summary: "Answer some questions to see if you, or someone you care for, may get help.",
    },
    Journey {
        path: crate::journeys::estimate::flow::BASE,
        title: "Estimate what you might pay for care",
        summary: "Work out what you might pay towards care at home or in a care home.",
    },
    Journey {
        path: crate::journeys::referral::flow::BASE,
        title: "Ask for a care needs assessment",
        summary: "Ask us to talk with you about the help you, or someone you know, may need.",
    },
    Journey {
        path: crate::journeys::concern::flow::BASE,
        title: "Report a concern about an adult",
        summary: "Tell us if you think an adult is being abused or neglected. You do not have to give your name.",
    },
    Journey {
        path: crate::journeys::carer::flow::BASE,
        title: "Register as a carer",
        summary: "Tell us you look after someone, make an emergency plan and get a carer’s card.",
    },
    Journey {
        path: crate::journeys::professional::flow::BASE,
        title: "Refer someone as a professional",
        summary: "For health, care, housing, police and voluntary sector workers, including hospital discharges.",
    },
    Journey {
        path: crate::api::track::LOOKUP_PATH,
        title: "Check the progress of a request",
        summary: "Use your reference number to see what is happening with a request.",
    },
];
