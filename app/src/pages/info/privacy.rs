//! The privacy notice UK GDPR requires: who holds residents' information, why, on what
//! lawful basis, who sees it, how long we keep it, and residents' rights.
use leptos::prelude::*;

use crate::components::Layout;
use crate::council::{COUNCIL_NAME, SERVICE_NAME};

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <Layout title="Privacy notice">
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">"Privacy notice"</h1>
                    <p class="govuk-body-l">
                        "This notice tells you how we use your personal information when you use the "
                        {SERVICE_NAME} " online service."
                    </p>

                    <h2 class="govuk-heading-m">"Who we are"</h2>
                    <p class="govuk-body">
                        {COUNCIL_NAME} " runs this service. We are the controller of your information. "
                        "This means we decide how it is used and we must keep it safe."
                    </p>
                    <p class="govuk-body">
                        "If you have a question about your information, contact our Data Protection Officer at "
                        <a class="govuk-link" href="mailto:dpo@exampleshire.example">"dpo@exampleshire.example"</a>
                        "."
                    </p>

                    <h2 class="govuk-heading-m">"What information we collect"</h2>
                    <p class="govuk-body">"We only collect the details you give us in the forms. This can be:"</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>"details about you, such as your name, address, date of birth and phone number"</li>
                        <li>"details about the person you are asking for help for, if that is not you"</li>
                        <li>"details about health, disability and care needs"</li>
                    </ul>
                    <p class="govuk-body">
                        "The law calls details about health and care needs special category data. "
                        "It needs extra protection, and we treat it with extra care."
                    </p>
                    <p class="govuk-body">
                        "When you give feedback on this service, we do not ask for any personal details. "
                        "Please do not write any in your feedback."
                    </p>
                    <p class="govuk-body">
                        "We do not put personal details in web addresses or in our system logs. We use one "
                        "cookie to remember your answers as you move between pages. "
                        <a class="govuk-link" href={crate::paths::COOKIES}>"Find out how we use cookies"</a> "."
                    </p>

                    <h2 class="govuk-heading-m">"Why we use your information"</h2>
                    <p class="govuk-body">"We use your information to:"</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>"answer your questions and requests"</li>
                        <li>"work out what care and support you, or the person you care for, may need"</li>
                        <li>"arrange care and support"</li>
                        <li>"keep adults safe from abuse and neglect"</li>
                    </ul>

                    <h2 class="govuk-heading-m">"Our lawful basis for using your information"</h2>
                    <p class="govuk-body">
                        "The law says we must have a reason, called a lawful basis, to use your information."
                    </p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>
                            "We use your information to do our public tasks as a council. The main law for adult "
                            "social care is the Care Act 2014. This is UK GDPR Article 6(1)(e)."
                        </li>
                        <li>
                            "We use details about health and care needs to provide health or social care. "
                            "This is UK GDPR Article 9(2)(h), and the Data Protection Act 2018, Schedule 1, "
                            "Part 1, paragraph 2."
                        </li>
                        <li>
                            "When we need to keep an adult safe from harm, we use UK GDPR Article 9(2)(g), and "
                            "the Data Protection Act 2018, Schedule 1, Part 2, paragraph 18."
                        </li>
                    </ul>

                    <h2 class="govuk-heading-m">"Who we share your information with"</h2>
                    <p class="govuk-body">
                        "When you send us a form, your answers go into our case management system. This is "
                        "the system our social care staff use to keep records."
                    </p>
                    <p class="govuk-body">
                        "We share your information with the NHS or with care providers only when they need it "
                        "to give you care. We may also share it if someone is at risk of harm, or if the law "
                        "says we must."
                    </p>
                    <p class="govuk-body">"We never sell your information."</p>

                    <h2 class="govuk-heading-m">"How long we keep your information"</h2>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>"If you do not finish a form, we delete your answers within 30 days."</li>
                        <li>"We keep feedback on this service for 2 years. It does not ask for personal details."</li>
                        <li>
                            "We keep records of your care and support for as long as our records policy "
                            "(retention schedule) says. Ask our Data Protection Officer for a copy."
                        </li>
                    </ul>

                    <h2 class="govuk-heading-m">"Your rights"</h2>
                    <p class="govuk-body">"You have the right to:"</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>"ask for a copy of the information we hold about you"</li>
                        <li>"ask us to correct information that is wrong"</li>
                        <li>
                            "ask us to delete your information, but this does not apply to records the law says "
                            "we must keep"
                        </li>
                        <li>"ask us to limit how we use your information"</li>
                        <li>"object to how we use your information"</li>
                    </ul>
                    <p class="govuk-body">
                        "To use any of these rights, email our Data Protection Officer at "
                        <a class="govuk-link" href="mailto:dpo@exampleshire.example">"dpo@exampleshire.example"</a>
                        ". We will usually reply within one month."
                    </p>

                    <h2 class="govuk-heading-m">"How to complain"</h2>
                    <p class="govuk-body">
                        "If you are not happy with how we use your information, please tell our Data Protection "
                        "Officer first."
                    </p>
                    <p class="govuk-body">
                        "You can also complain to the Information Commissioner’s Office (ICO). "
                        "The ICO makes sure organisations follow data protection law."
                    </p>
                    <ul class="govuk-list">
                        <li>
                            <a class="govuk-link" href="https://ico.org.uk/make-a-complaint/">
                                "Complain on the Information Commissioner’s Office website (ico.org.uk)"
                            </a>
                        </li>
                        <li>
                            "Phone the ICO on " <a class="govuk-link" href="tel:03031231113">"0303 123 1113"</a>
                        </li>
                    </ul>
                </div>
            </div>
        </Layout>
    }
}
