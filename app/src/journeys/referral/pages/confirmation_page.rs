//! Confirmation: the reference, what happens next and when (office hours and the published
//! timescale, and how soon requests like it have recently been contacted), the out-of-hours number, and ways to keep a record.
use leptos::prelude::*;

use crate::components::{Layout, Panel};
use crate::council::{CARE_LINE_PHONE, OUT_OF_HOURS_PHONE};
use crate::journeys::referral::load_sent_referral;
use crate::pages::loaded::with_loaded;

#[component]
pub fn ReferralConfirmationPage() -> impl IntoView {
    with_loaded(load_sent_referral, |sent| {
        match sent {
        None => view! {
            <Layout title="There is no request to show">
                <h1 class="govuk-heading-l">"There is no request to show"</h1>
                <p class="govuk-body">"We show a request's confirmation only in the browser session that sent it."</p>
                <p class="govuk-body">
                    <a class="govuk-link" href={crate::api::track::LOOKUP_PATH}>"Check the progress of a request"</a>
                    " with its reference, or "
                    <a class="govuk-link" href={crate::journeys::referral::flow::BASE}>"ask for an assessment"</a> "."
                </p>
            </Layout>
        }
        .into_any(),
        Some(sent) => {
            let when = match &sent.read_when {
                None => "The First Contact Team will read your request today.".to_owned(),
                Some(at) => format!("Our office is closed now. The First Contact Team will read your request on {at}."),
            };
            let whom = if sent.for_someone_else { "you or the person you asked for" } else { "you" };
            view! {
                <Layout title="Request sent">
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            <Panel title="Request sent">
                                "Your reference is" <br/> <strong class="app-reference">{sent.reference.clone()}</strong>
                            </Panel>
                            <p class="govuk-body">"Write this reference down or print this page. You need it to check the progress of your request."</p>
                            <h2 class="govuk-heading-m">"What happens next"</h2>
                            <p class="govuk-body">{when}</p>
                            <p class="govuk-body">
                                "Someone will contact " {whom} " within " {sent.contact_within_working_days} " working days to talk about the help needed."
                            </p>
                            {sent.expected_wait.clone().map(|wait| view! {
                                <p class="govuk-body">{wait.when}</p>
                                <p class="govuk-body">{wait.position}</p>
                            })}
                            <p class="govuk-body">
                                "If anything changes, call the Care Line on " {CARE_LINE_PHONE} ", " {sent.office_hours.clone()} "."
                            </p>
                            <p class="govuk-body">
                                "If it cannot wait until then, call the emergency duty team on " <strong>{OUT_OF_HOURS_PHONE}</strong>
                                ". If someone is in immediate danger, call 999."
                            </p>
                            <h2 class="govuk-heading-m">"Check its progress"</h2>
                            <p class="govuk-body">
                                <a class="govuk-link" href={crate::api::track::LOOKUP_PATH}>"Check the progress of your request"</a>
                                " with the reference and the date of birth of the person it is for."
                            </p>
                            <p class="govuk-body">"To keep a copy, use your browser's print or save option."</p>
                            <p class="govuk-body">
                                <a class="govuk-link" href={crate::journeys::feedback::paths::SATISFACTION}>"What did you think of this service?"</a>
                                " (takes 30 seconds)"
                            </p>
                        </div>
                    </div>
                </Layout>
            }
            .into_any()
        }
    }
    })
}
