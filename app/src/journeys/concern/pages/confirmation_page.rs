//! Confirmation: the reference, what happens next, and (only for a reporter who gave their
//! date of birth) how to check its progress.
use leptos::prelude::*;

use crate::components::{Layout, Panel};
use crate::council::{CARE_LINE_PHONE, OUT_OF_HOURS_PHONE};
use crate::journeys::concern::load_sent_concern;
use crate::pages::loaded::with_loaded;

#[component]
pub fn ConcernConfirmationPage() -> impl IntoView {
    with_loaded(load_sent_concern, |sent| {
        match sent {
        None => view! {
            <Layout title="There is no report to show" exit_page=true>
                <h1 class="govuk-heading-l">"There is no report to show"</h1>
                <p class="govuk-body">"We show a report’s confirmation only in the browser session that sent it."</p>
                <p class="govuk-body">
                    <a class="govuk-link" href={crate::journeys::concern::flow::BASE}>"Report a concern about an adult"</a>
                </p>
            </Layout>
        }
        .into_any(),
        Some(sent) => {
            let when = match &sent.read_when {
                None => "The adult safeguarding team will look at it today.".to_owned(),
                Some(at) => format!("Our office is closed now. The adult safeguarding team will look at it on {at}."),
            };
            let follow = if sent.can_follow {
                view! {
                    <p class="govuk-body">
                        <a class="govuk-link" href={crate::api::track::LOOKUP_PATH}>"Check the progress of your report"</a>
                        " with the reference and your date of birth. You will see how far it has got, not the details."
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p class="govuk-body">"Quote the reference if you call us about this report."</p>
                }
                .into_any()
            };
            view! {
                <Layout title="Report sent" exit_page=true>
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            <Panel title="Report sent">
                                "Your reference is" <br/> <strong class="app-reference">{sent.reference.clone()}</strong>
                            </Panel>
                            <p class="govuk-body">"Thank you for telling us."</p>
                            <h2 class="govuk-heading-m">"What happens next"</h2>
                            <p class="govuk-body">{when}</p>
                            <p class="govuk-body">
                                "We will decide what needs to happen to keep the person safe. "
                                "If you gave your details, we may contact you to find out more."
                            </p>
                            {follow}
                            <p class="govuk-body">
                                "If anything changes, call the Care Line on " {CARE_LINE_PHONE} ", " {sent.office_hours.clone()}
                                ". Out of hours, call the emergency duty team on " <strong>{OUT_OF_HOURS_PHONE}</strong>
                                ". If someone is in immediate danger, call 999."
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
