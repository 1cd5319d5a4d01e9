//! The start page (what the register gives: a card, an emergency plan, a carer's assessment),
//! and the page for carers under 18 (children's services; nothing is kept).
use leptos::prelude::*;

use crate::components::{Button, InsetText, Layout};
use crate::council::CARE_LINE_PHONE;
use crate::journeys::carer::flow::CarerPage;
use crate::journeys::flow::Journey;

#[component]
pub fn CarerStartPage() -> impl IntoView {
    view! {
        <Layout title="Register as a carer" back="/">
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">"Register as a carer"</h1>
                    <p class="govuk-body">
                        "If you look after a family member, partner or friend who could not manage without you, "
                        "you can join Exampleshire's carers' register. It is free and takes about 10 minutes."
                    </p>
                    <p class="govuk-body">"When you register, you get:"</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>"a carer's card to keep with you: if something happens to you, whoever finds it can call us"</li>
                        <li>"an emergency plan, so we know what the person you look after needs if you cannot be there"</li>
                        <li>"news about support for carers, and a way to ask for a carer's assessment"</li>
                    </ul>
                    <InsetText>"Being on the register does not affect any benefits you get, such as Carer's Allowance."</InsetText>
                    <Button text="Start now" href=CarerPage::Adult.path() start=true/>
                    <h2 class="govuk-heading-m">"Already registered?"</h2>
                    <p class="govuk-body">
                        <a class="govuk-link" href=crate::journeys::carer::flow::YOUR_DETAILS_PATH>"Change your details or leave the register"</a>
                    </p>
                </div>
            </div>
        </Layout>
    }
}

#[component]
pub fn YoungCarersPage() -> impl IntoView {
    view! {
        <Layout title="Support for young carers" back=CarerPage::Adult.path()>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-l">"Support for young carers"</h1>
                    <p class="govuk-body">
                        "If you are under 18 and look after someone, you are a young carer. Young carers get support "
                        "from children's services, not from this register. We have not kept anything you told us."
                    </p>
                    <p class="govuk-body">
                        "Call the Care Line on " {CARE_LINE_PHONE} " and ask for a young carers' assessment. It is free. "
                        "You can also talk to a teacher or your school nurse."
                    </p>
                    <p class="govuk-body">
                        <a class="govuk-link" href="/information-and-advice/support-for-carers">"Read about support for carers"</a>
                    </p>
                </div>
            </div>
        </Layout>
    }
}
