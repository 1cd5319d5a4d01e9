//! The cookies page: the one essential session cookie the service sets, and why it needs no
//! consent banner.
use leptos::prelude::*;

use crate::components::Layout;
use crate::council::SERVICE_NAME;

#[component]
pub fn CookiesPage() -> impl IntoView {
    view! {
        <Layout title="Cookies">
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">"Cookies"</h1>
                    <p class="govuk-body-l">
                        "Cookies are small files saved on your phone, tablet or computer when you visit a website."
                    </p>
                    <p class="govuk-body">
                        "The " {SERVICE_NAME} " service uses one cookie. The service needs it to work."
                    </p>

                    <h2 class="govuk-heading-m">"The cookie we use"</h2>
                    <p class="govuk-body">
                        "Our cookie lets the service remember your answers as you move from page to page. "
                        "It holds a random code. It does not hold your name or your answers. "
                        "We keep your answers safe on our own systems."
                    </p>
                    <table class="govuk-table">
                        <caption class="govuk-table__caption govuk-table__caption--m">"Essential cookie"</caption>
                        <thead class="govuk-table__head">
                            <tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">"Name"</th>
                                <th scope="col" class="govuk-table__header">"Purpose"</th>
                                <th scope="col" class="govuk-table__header">"Expires"</th>
                            </tr>
                        </thead>
                        <tbody class="govuk-table__body">
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell">"__Host-session"</td>
                                <td class="govuk-table__cell">
                                    "Remembers your answers as you move between pages"
                                </td>
                                <td class="govuk-table__cell">
                                    "1 hour after you last use the service"
                                </td>
                            </tr>
                        </tbody>
                    </table>
                    <details class="govuk-details">
                        <summary class="govuk-details__summary">
                            <span class="govuk-details__summary-text">"Why you might see a different cookie name"</span>
                        </summary>
                        <div class="govuk-details__text">
                            "This service uses a secure connection (HTTPS). On test copies of the service that do "
                            "not use a secure connection, the same cookie is called session instead."
                        </div>
                    </details>
                    <p class="govuk-body">
                        "If you do not use the service for 1 hour, the cookie ends. We then delete any answers "
                        "you did not send from our systems. You will need to start again."
                    </p>

                    <h2 class="govuk-heading-m">"Cookies we do not use"</h2>
                    <p class="govuk-body">
                        "We do not use cookies to measure how people use the service (analytics cookies). "
                        "We do not use cookies for advertising."
                    </p>

                    <h2 class="govuk-heading-m">"Why we do not ask you to accept cookies"</h2>
                    <p class="govuk-body">
                        "We only use a cookie the service needs to work. This is called an essential cookie. "
                        "The law says we do not need to ask you before we use it. That is why you do not see "
                        "a cookie message on this service."
                    </p>
                    <p class="govuk-body">
                        "This law is the Privacy and Electronic Communications Regulations (PECR)."
                    </p>
                    <p class="govuk-body">
                        "If you block all cookies in your browser settings, you may not be able to fill in forms "
                        "on this service."
                    </p>

                    <h2 class="govuk-heading-m">"Find out more"</h2>
                    <p class="govuk-body">
                        <a class="govuk-link" href={crate::paths::PRIVACY}>"Read our privacy notice"</a>
                        " to find out how we use and protect your information."
                    </p>
                </div>
            </div>
        </Layout>
    }
}
