//! The start page: what this is, how long it takes, what you need, and first of all the 999
//! message, the out-of-hours number and "Exit this page".
use leptos::prelude::*;

use crate::components::{Button, DangerWarning, InsetText, Layout};
use crate::council::OUT_OF_HOURS_PHONE;
use crate::journeys::flow::Journey;
use crate::journeys::referral::flow::ReferralPage;
use crate::pages::current_settings::current_settings;

use super::WhenWeRead;

#[component]
pub fn ReferralStartPage() -> impl IntoView {
    let settings = current_settings();
    let days = settings.contact_within_working_days;
    view! {
        <Layout title="Ask for a care and support assessment" back="/" exit_page=true>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">"Ask for a care and support assessment"</h1>
                    <DangerWarning/>
                    <p class="govuk-body">
                        "If you need help urgently outside office hours, call the emergency duty team on "
                        <strong>{OUT_OF_HOURS_PHONE}</strong> "."
                    </p>
                    <p class="govuk-body">
                        "Use this service to ask the council to assess what care and support you, or someone you know, may need. "
                        "The assessment is free. We must assess anyone who may need care and support, whatever their money."
                    </p>
                    <h2 class="govuk-heading-m">"Before you start"</h2>
                    <p class="govuk-body">"It takes about 15 minutes. You will need:"</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>"the name, date of birth and address of the person who needs help"</li>
                        <li>"a phone number or email address we can use"</li>
                        <li>"if you are asking for someone else, to know whether they agree"</li>
                    </ul>
                    <p class="govuk-body">"We do not ask about money in this request."</p>
                    <h2 class="govuk-heading-m">"What happens next"</h2>
                    <WhenWeRead team="The First Contact Team" what="requests"/>
                    <p class="govuk-body">
                        "They will contact you within " {days} " working days of reading your request."
                    </p>
                    <Button text="Start now" href=ReferralPage::WhoIsItFor.path() start=true/>
                    <p class="govuk-body">
                        "Worried that an adult is being abused or neglected? "
                        <a class="govuk-link" href=crate::journeys::concern::flow::BASE>"Report a concern about an adult"</a> "."
                    </p>
                    <InsetText>
                        "If you are a health or care professional, including for a hospital discharge, "
                        <a class="govuk-link" href=crate::journeys::professional::flow::BASE>"refer someone as a professional"</a> "."
                    </InsetText>
                    <h2 class="govuk-heading-m">"Other ways to get help"</h2>
                    <ul class="govuk-list">
                        <li><a class="govuk-link" href={crate::api::track::LOOKUP_PATH}>"Check the progress of a request"</a></li>
                        <li><a class="govuk-link" href={crate::paths::GET_HELP}>"Call or write to adult social care"</a></li>
                    </ul>
                </div>
            </div>
        </Layout>
    }
}
