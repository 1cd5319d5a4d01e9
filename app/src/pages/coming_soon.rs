//! Journeys not built yet: each has a real page (200) that says so and how to get help now,
//! so no link in the service is ever broken.
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::{InsetText, Layout};
use crate::council::{CARE_LINE_EMAIL, CARE_LINE_HOURS, CARE_LINE_PHONE};

/// A journey of the portal, as the home page lists it.
pub struct Journey {
    pub path: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
}

/// Every journey, in the order the home page shows them.
pub const JOURNEYS: &[Journey] = &[
    Journey {
        path: "/information-and-advice",
        title: "Information and advice",
        summary: "Help at home, equipment, carers, paying for care, keeping safe and more.",
    },
    Journey {
        path: "/find-local-services",
        title: "Find local services and groups",
        summary: "Lunch clubs, befriending, carers’ centres, transport and other help near you.",
    },
    Journey {
        path: "/check-if-you-can-get-care",
        title: "Check if you can get care and support",
        summary: "Answer some questions to see if you, or someone you care for, may get help.",
    },
    Journey {
        path: "/estimate-what-you-might-pay",
        title: "Estimate what you might pay for care",
        summary: "Work out what you might pay towards care at home or in a care home.",
    },
    Journey {
        path: "/request-an-assessment",
        title: "Ask for a care needs assessment",
        summary: "Ask us to talk with you about the help you, or someone you know, may need.",
    },
    Journey {
        path: "/report-a-concern",
        title: "Report a concern about an adult",
        summary: "Tell us if you think an adult is being abused or neglected. You do not have to give your name.",
    },
    Journey {
        path: "/register-as-a-carer",
        title: "Register as a carer",
        summary: "Tell us you look after someone, make an emergency plan and get a carer’s card.",
    },
    Journey {
        path: "/track-a-request",
        title: "Check the progress of a request",
        summary: "Use your reference number to see what is happening with a request.",
    },
];

/// The page for a journey that is still being built.
#[component]
pub fn ComingSoonPage() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    let journey = JOURNEYS.iter().find(|j| j.path == path);
    let title = journey
        .map(|j| j.title)
        .unwrap_or("This part of the service");
    view! {
        <Layout title=title back="/">
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">{title}</h1>
                    <p class="govuk-body-l">"We are still building this part of the service."</p>
                    <InsetText>
                        "Until it is ready, call our Care Line on "
                        <a class="govuk-link" href="tel:01632960000">{CARE_LINE_PHONE}</a>
                        " (" {CARE_LINE_HOURS} ") or email "
                        <a class="govuk-link" href=format!("mailto:{CARE_LINE_EMAIL}")>{CARE_LINE_EMAIL}</a>
                        ". We can do this with you over the phone."
                    </InsetText>
                    <p class="govuk-body">"If someone is in immediate danger, call 999."</p>
                    <p class="govuk-body"><a class="govuk-link" href="/">"Go to the start of the service"</a></p>
                </div>
            </div>
        </Layout>
    }
}
