//! The start page: 999 first, what counts as abuse or neglect, that no agreement and no name
//! are needed, when it will be read, and "Exit this page".
use leptos::prelude::*;

use crate::components::{Button, DangerWarning, InsetText, Layout};
use crate::council::{CARE_LINE_PHONE, OUT_OF_HOURS_PHONE};
use crate::journeys::concern::flow::ConcernPage;
use crate::journeys::flow::Journey;
use crate::journeys::referral::pages::WhenWeRead;

#[component]
pub fn ConcernStartPage() -> impl IntoView {
    view! {
        <Layout title="Report a concern about an adult" back="/" exit_page=true>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">"Report a concern about an adult"</h1>
                    <DangerWarning/>
                    <p class="govuk-body">
                        "Use this form to tell us if you think an adult is being abused or neglected, "
                        "or cannot keep themselves safe. It could be someone you know, someone you care for, or yourself."
                    </p>
                    <p class="govuk-body">"Abuse can be:"</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>"someone hurting them, or threatening to"</li>
                        <li>"someone taking their money or belongings, or controlling how they spend it"</li>
                        <li>"someone not giving them the care, food or medicine they need"</li>
                        <li>"domestic abuse, sexual abuse, or being made to work for little or no pay"</li>
                        <li>"poor care in a care home, hospital or at home"</li>
                        <li>"not looking after themselves, so that their health or safety is at risk"</li>
                    </ul>
                    <h2 class="govuk-heading-m">"Before you start"</h2>
                    <p class="govuk-body">"It takes about 5 minutes. You do not need:"</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>"the person’s agreement"</li>
                        <li>"proof: tell us what you saw, heard or were told"</li>
                        <li>"to give your name: you can report without it"</li>
                    </ul>
                    <p class="govuk-body">
                        "Nothing you type is kept until you send it, and we never send the person a message about your report. "
                        "If you need to leave this website quickly, use the “Exit this page” button."
                    </p>
                    <h2 class="govuk-heading-m">"What happens next"</h2>
                    <WhenWeRead team="The adult safeguarding team" what="concerns"/>
                    <p class="govuk-body">
                        "If it cannot wait until then, call the emergency duty team on " <strong>{OUT_OF_HOURS_PHONE}</strong> "."
                    </p>
                    <Button text="Start now" href=ConcernPage::WhoIsAtRisk.path() start=true/>
                    <InsetText>
                        "You can also call the Care Line on " {CARE_LINE_PHONE}
                        ". If you are worried about a child, call the same number and ask for children’s services."
                    </InsetText>
                </div>
            </div>
        </Layout>
    }
}
