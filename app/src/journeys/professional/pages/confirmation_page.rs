//! Confirmation: the reference (also sent to the professional's work email) and what happens
//! next.
use leptos::prelude::*;

use crate::components::{Layout, Panel};
use crate::council::{CARE_LINE_PHONE, OUT_OF_HOURS_PHONE};
use crate::journeys::professional::{flow::BASE, load_sent_professional};
use crate::pages::loaded::with_loaded;

#[component]
pub fn ProfessionalConfirmationPage() -> impl IntoView {
    with_loaded(load_sent_professional, |sent| {
        match sent {
        None => view! {
            <Layout title="There is no referral to show">
                <h1 class="govuk-heading-l">"There is no referral to show"</h1>
                <p class="govuk-body">"We show a referral's confirmation only in the browser session that sent it. Its reference was also sent to your work email."</p>
                <p class="govuk-body"><a class="govuk-link" href=BASE>"Refer someone as a professional"</a></p>
            </Layout>
        }
        .into_any(),
        Some(sent) => {
            let when = match &sent.read_when {
                None => "The First Contact Team will read it today.".to_owned(),
                Some(at) => format!("Our office is closed now. The First Contact Team will read it on {at}."),
            };
            view! {
                <Layout title="Referral sent">
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            <Panel title="Referral sent">
                                "The reference is" <br/> <strong class="app-reference">{sent.reference.clone()}</strong>
                            </Panel>
                            <p class="govuk-body">"We have sent the reference to your work email address."</p>
                            <h2 class="govuk-heading-m">"What happens next"</h2>
                            <p class="govuk-body">{when}</p>
                            <p class="govuk-body">
                                "Hospital discharges are looked at first, by their expected discharge date. We will contact the person, or you if we need to know more, within "
                                {sent.contact_within_working_days} " working days."
                            </p>
                            <p class="govuk-body">
                                "If anything changes, call the Care Line on " {CARE_LINE_PHONE} ", " {sent.office_hours.clone()}
                                ", quoting the reference. Out of hours, call the emergency duty team on " <strong>{OUT_OF_HOURS_PHONE}</strong> "."
                            </p>
                            <p class="govuk-body"><a class="govuk-link" href=BASE>"Make another referral"</a></p>
                        </div>
                    </div>
                </Layout>
            }
            .into_any()
        }
    }
    })
}
