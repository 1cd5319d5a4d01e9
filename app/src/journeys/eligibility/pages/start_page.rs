//! The start page: what the check is (advice, not a decision), that anyone can ask for an
//! assessment, 999 first, and "Start now".
use leptos::prelude::*;

use crate::components::{Button, DangerWarning, InsetText, Layout};
use crate::journeys::eligibility::flow::CheckPage;
use crate::journeys::flow::Journey;

#[component]
pub fn CheckStartPage() -> impl IntoView {
    view! {
        <Layout title="Check if you can get care and support" back="/">
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">"Check if you can get care and support"</h1>
                    <DangerWarning/>
                    <p class="govuk-body">
                        "Answer some questions to see if you, or someone you know, may get care and support from the council, "
                        "or support as a carer. It takes about 5 minutes."
                    </p>
                    <p class="govuk-body">"We will show you help you can get now, such as local groups and equipment."</p>
                    <InsetText>
                        "This check is advice, not a decision. Anyone can ask for an assessment, whatever the check says. "
                        "An assessment is free."
                    </InsetText>
                    <p class="govuk-body">"We do not keep your answers after you finish, unless you go on to ask for an assessment."</p>
                    <Button text="Start now" href=CheckPage::WhoIsItFor.path() start=true/>
                </div>
            </div>
        </Layout>
    }
}
