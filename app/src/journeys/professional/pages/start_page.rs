//! The start page for health and care professionals: what the referral covers (hospital
//! discharges and young people moving from children's services among them), what to have
//! ready, and that no account is needed.
use leptos::prelude::*;

use crate::components::{Button, DangerWarning, Layout};
use crate::council::OUT_OF_HOURS_PHONE;
use crate::journeys::flow::Journey;
use crate::journeys::professional::flow::ProfessionalPage;
use crate::pages::current_settings::current_settings;

#[component]
pub fn ProfessionalStartPage() -> impl IntoView {
    let days = current_settings().contact_within_working_days;
    view! {
        <Layout title="Refer someone as a professional" back="/">
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">"Refer someone as a professional"</h1>
                    <DangerWarning/>
                    <p class="govuk-body">
                        "Out of office hours, call the emergency duty team on " <strong>{OUT_OF_HOURS_PHONE}</strong> "."
                    </p>
                    <p class="govuk-body">
                        "Use this form if you work in health, social care, housing, the police or a voluntary organisation "
                        "and want adult social care to assess someone. You do not need an account."
                    </p>
                    <p class="govuk-body">"Use it also for:"</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>"a patient leaving hospital who will need care and support"</li>
                        <li>"a young person aged 14 to 17 moving from children's services to adult services"</li>
                    </ul>
                    <h2 class="govuk-heading-m">"Before you start"</h2>
                    <p class="govuk-body">"It takes about 10 minutes. You will need:"</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>"the person's name, date of birth and address, and their NHS number if you have it"</li>
                        <li>"whether they agree to the referral, and if not, why you are making it"</li>
                        <li>"for a hospital discharge: the ward, its phone number, the expected discharge date and the pathway"</li>
                    </ul>
                    <h2 class="govuk-heading-m">"What happens next"</h2>
                    <p class="govuk-body">
                        "We send the reference to your work email. The First Contact Team looks at hospital discharges first, "
                        "by their expected discharge date, and contacts the person within " {days} " working days."
                    </p>
                    <Button text="Start now" href=ProfessionalPage::AboutYou.path() start=true/>
                </div>
            </div>
        </Layout>
    }
}
