//! How to contact adult social care: the Care Line, out of hours, email, text relay, post and
//! interpreters. The header's "Get help" link comes here too.
use leptos::prelude::*;

use crate::components::{DangerWarning, Layout};
use crate::council::{
    CARE_LINE_EMAIL, CARE_LINE_HOURS, CARE_LINE_PHONE, OUT_OF_HOURS_PHONE, POSTAL_ADDRESS,
    TEXT_RELAY,
};

#[component]
pub fn ContactPage() -> impl IntoView {
    let address = POSTAL_ADDRESS
        .into_iter()
        .enumerate()
        .map(|(i, line)| view! { {(i > 0).then(|| view! { <br/> })} {line} })
        .collect_view();
    view! {
        <Layout title="Contact adult social care">
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">"Contact adult social care"</h1>
                    <p class="govuk-body-l">
                        "Contact us if you need help with care and support, for you or for someone else."
                    </p>
                    <DangerWarning/>

                    <h2 class="govuk-heading-m">"If you are worried about an adult"</h2>
                    <p class="govuk-body">
                        "If you think an adult is being abused or neglected, tell us straight away. "
                        "You do not need to be sure. Tell us what you know."
                    </p>
                    <p class="govuk-body">
                        "Call our Care Line on " <a class="govuk-link" href="tel:01632960000">{CARE_LINE_PHONE}</a>
                        ". When the Care Line is closed, call "
                        <a class="govuk-link" href="tel:01632960999">{OUT_OF_HOURS_PHONE}</a> "."
                    </p>

                    <h2 class="govuk-heading-m">"Call the Care Line"</h2>
                    <p class="govuk-body">
                        "Phone: " <a class="govuk-link" href="tel:01632960000">{CARE_LINE_PHONE}</a>
                        <br/>
                        {CARE_LINE_HOURS}
                    </p>
                    <p class="govuk-body">
                        "You can call about yourself, or about someone you know or look after."
                    </p>
                    <p class="govuk-body">
                        <a class="govuk-link" href="https://www.gov.uk/call-charges">
                            "Find out about call charges on GOV.UK"
                        </a>
                    </p>

                    <h2 class="govuk-heading-m">"When the Care Line is closed"</h2>
                    <p class="govuk-body">
                        "If you need urgent help from adult social care in the evening, at the weekend or on a "
                        "bank holiday, call our emergency duty team on "
                        <a class="govuk-link" href="tel:01632960999">{OUT_OF_HOURS_PHONE}</a> "."
                    </p>
                    <p class="govuk-body">"Only call this number if it cannot wait until the Care Line opens."</p>

                    <h2 class="govuk-heading-m">"Email"</h2>
                    <p class="govuk-body">
                        <a class="govuk-link" href=format!("mailto:{CARE_LINE_EMAIL}")>{CARE_LINE_EMAIL}</a>
                    </p>
                    <p class="govuk-body">"Do not email if someone needs help urgently. Call us instead."</p>

                    <h2 class="govuk-heading-m">"If you cannot hear or speak on the phone"</h2>
                    <p class="govuk-body">"Use text relay. Dial " {TEXT_RELAY} "."</p>
                    <p class="govuk-body">
                        <a class="govuk-link" href="https://www.relayuk.bt.com/">
                            "Find out how to use text relay on the Relay UK website"
                        </a>
                    </p>

                    <h2 class="govuk-heading-m">"Sign language, interpreters and other formats"</h2>
                    <p class="govuk-body">
                        "Tell us if you need a British Sign Language (BSL) interpreter or an interpreter for "
                        "another language. We will arrange one for you. It is free."
                    </p>
                    <p class="govuk-body">
                        "We can also send you information in large print, easy read, audio or braille."
                    </p>

                    <h2 class="govuk-heading-m">"Write to us"</h2>
                    <p class="govuk-body">{address}</p>
                    <p class="govuk-body">
                        "Letters take longer. If you need help soon, call the Care Line instead."
                    </p>

                    <h2 class="govuk-heading-m">"Help using this website"</h2>
                    <p class="govuk-body">
                        "If you cannot use part of this website, call or email us and we will help. "
                        "We can fill in any form with you over the phone."
                    </p>
                    <ul class="govuk-list">
                        <li><a class="govuk-link" href={crate::paths::ACCESSIBILITY_STATEMENT}>"Read our accessibility statement"</a></li>
                        <li><a class="govuk-link" href={crate::journeys::feedback::paths::SATISFACTION}>"Give feedback on this service"</a></li>
                    </ul>
                </div>
            </div>
        </Layout>
    }
}
