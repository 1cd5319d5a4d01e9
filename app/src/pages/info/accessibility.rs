//! The accessibility statement the 2018 regulations require, following the GOV.UK model
//! statement: how accessible the service is, how to get help, and how we test it.
use leptos::prelude::*;

use crate::components::Layout;
use crate::council::{
    CARE_LINE_EMAIL, CARE_LINE_HOURS, CARE_LINE_PHONE, COUNCIL_NAME, SERVICE_NAME, TEXT_RELAY,
};

#[component]
pub fn AccessibilityStatementPage() -> impl IntoView {
    view! {
        <Layout title="Accessibility statement">
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">"Accessibility statement for " {SERVICE_NAME}</h1>
                    <p class="govuk-body-l">
                        "This statement is about the " {SERVICE_NAME} " online service. "
                        "The service is run by " {COUNCIL_NAME} "."
                    </p>
                    <p class="govuk-body">
                        "We want as many people as possible to be able to use this service. "
                        "For example, you should be able to:"
                    </p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>"change colours, contrast levels and fonts"</li>
                        <li>"zoom in up to 400% without the text spilling off the screen"</li>
                        <li>"use the whole service with just a keyboard"</li>
                        <li>"use the service with speech recognition software"</li>
                        <li>"listen to the service using a screen reader, such as JAWS, NVDA or VoiceOver"</li>
                        <li>"use the service with JavaScript turned off"</li>
                    </ul>
                    <p class="govuk-body">"We have also made the words as simple as we can."</p>
                    <p class="govuk-body">
                        <a class="govuk-link" href="https://mcmw.abilitynet.org.uk/">
                            "AbilityNet has advice on making your device easier to use if you have a disability"
                        </a>
                        "."
                    </p>

                    <h2 class="govuk-heading-m">"How accessible this service is"</h2>
                    <p class="govuk-body">
                        "We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. "
                        "This is the standard the law asks for."
                    </p>
                    <p class="govuk-body">
                        "This is a new service. It is in beta, which means we are still building and testing it. "
                        "We know some parts are not ready yet:"
                    </p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>"some parts of the service are still being built, so you cannot use them online yet"</li>
                        <li>"we have not yet finished checking the service by hand with assistive technology"</li>
                    </ul>

                    <h2 class="govuk-heading-m">"What to do if you cannot use parts of this service"</h2>
                    <p class="govuk-body">
                        "If you cannot use any part of this service, contact us. We can help you over the phone. "
                        "We can also send you information in another format, such as large print, easy read, "
                        "audio or braille."
                    </p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>
                            "call our Care Line on " <a class="govuk-link" href="tel:01632960000">{CARE_LINE_PHONE}</a>
                            " (" {CARE_LINE_HOURS} ")"
                        </li>
                        <li>
                            "email " <a class="govuk-link" href=format!("mailto:{CARE_LINE_EMAIL}")>{CARE_LINE_EMAIL}</a>
                        </li>
                        <li>"if you cannot hear or speak on the phone, use text relay: " {TEXT_RELAY}</li>
                    </ul>
                    <p class="govuk-body">"We will reply within 10 working days."</p>

                    <h2 class="govuk-heading-m">"Reporting accessibility problems with this service"</h2>
                    <p class="govuk-body">
                        "We are always looking to make this service easier to use. If you find a problem that "
                        "is not listed on this page, or you think we are not meeting the law, please tell us. "
                        "Email " <a class="govuk-link" href=format!("mailto:{CARE_LINE_EMAIL}")>{CARE_LINE_EMAIL}</a>
                        " or call " <a class="govuk-link" href="tel:01632960000">{CARE_LINE_PHONE}</a> "."
                    </p>
                    <p class="govuk-body">
                        "You can also " <a class="govuk-link" href={crate::journeys::feedback::paths::SATISFACTION}>"give feedback on this service"</a> "."
                    </p>

                    <h2 class="govuk-heading-m">"Enforcement procedure"</h2>
                    <p class="govuk-body">
                        "The Equality and Human Rights Commission (EHRC) makes sure public bodies follow the "
                        "accessibility law. This law is the Public Sector Bodies (Websites and Mobile Applications) "
                        "(No. 2) Accessibility Regulations 2018."
                    </p>
                    <p class="govuk-body">
                        "If you are not happy with how we answer your complaint, contact the Equality Advisory "
                        "and Support Service (EASS)."
                    </p>
                    <p class="govuk-body">
                        <a class="govuk-link" href="https://www.equalityadvisoryservice.com/">
                            "Contact the Equality Advisory and Support Service (EASS) on their website"
                        </a>
                    </p>

                    <h2 class="govuk-heading-m">"Technical information about this service’s accessibility"</h2>
                    <p class="govuk-body">
                        {COUNCIL_NAME} " is committed to making this service accessible, in line with the "
                        "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
                        "Regulations 2018."
                    </p>
                    <h3 class="govuk-heading-s">"Compliance status"</h3>
                    <p class="govuk-body">
                        "This service is partially compliant with the Web Content Accessibility Guidelines "
                        "version 2.2 AA standard. This is because it is new and we are still testing it. "
                        "The parts that are not accessible are listed below."
                    </p>

                    <h2 class="govuk-heading-m">"Non-accessible content"</h2>
                    <p class="govuk-body">"The content listed below is not accessible yet."</p>
                    <h3 class="govuk-heading-s">"Parts of the service that are still being built"</h3>
                    <p class="govuk-body">
                        "Some journeys in this service are still being built, such as asking for a care needs "
                        "assessment and registering as a carer. You cannot use them online yet. When you choose "
                        "one, a page tells you so and gives you our phone number and email address, so you can "
                        "do it with us instead."
                    </p>
                    <p class="govuk-body">
                        "We will test each journey for accessibility before we let people use it."
                    </p>
                    <h3 class="govuk-heading-s">"Testing we have not finished"</h3>
                    <p class="govuk-body">
                        "We have not yet checked the service by hand with screen readers, speech recognition "
                        "software, zoom and keyboard only. There may be problems we have not found yet. "
                        "If you find one, please tell us."
                    </p>
                    <h3 class="govuk-heading-s">"Disproportionate burden"</h3>
                    <p class="govuk-body">"We are not saying that any problem is too costly or too hard to fix."</p>

                    <h2 class="govuk-heading-m">"How we test this service"</h2>
                    <p class="govuk-body">
                        "We check every page with an automated tool called axe. We do this every time we run "
                        "our tests. We check each page with JavaScript turned on and with JavaScript turned off."
                    </p>
                    <p class="govuk-body">
                        "Automated tools cannot find every problem. We plan to check the service by hand, using "
                        "only a keyboard, using screen readers and zooming in to 400%. We also plan to ask "
                        "disabled people and accessibility experts to test it before it leaves beta."
                    </p>

                    <h2 class="govuk-heading-m">"Preparation of this accessibility statement"</h2>
                    <p class="govuk-body">
                        "This statement was prepared on 22 November 2026. It was last reviewed on 22 November 2026."
                    </p>
                </div>
            </div>
        </Layout>
    }
}
