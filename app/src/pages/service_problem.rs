//! "Sorry, there is a problem with the service": shown instead of a page that could not load its
//! data, answered with a 500 and no internals.
use leptos::prelude::*;

use crate::components::Layout;
use crate::council::{CARE_LINE_HOURS, CARE_LINE_PHONE};

#[component]
pub fn ServiceProblem() -> impl IntoView {
    #[cfg(feature = "ssr")]
    super::set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    view! {
        <Layout title="Sorry, there is a problem with the service">
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">"Sorry, there is a problem with the service"</h1>
                    <p class="govuk-body">"Try again later."</p>
                    <p class="govuk-body">
                        "If you need help now, call our Care Line on "
                        <a class="govuk-link" href="tel:01632960000">{CARE_LINE_PHONE}</a>
                        " (" {CARE_LINE_HOURS} ")."
                    </p>
                    <p class="govuk-body">"If someone is in immediate danger, call 999."</p>
                </div>
            </div>
        </Layout>
    }
}
