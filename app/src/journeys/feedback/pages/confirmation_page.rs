//! Confirmation: the feedback was sent.
use leptos::prelude::*;

use crate::components::{Layout, Panel};

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    view! {
        <Layout title="Feedback sent">
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <Panel title="Feedback sent">"Thank you for helping us improve this service"</Panel>
                    <h2 class="govuk-heading-m">"What happens next"</h2>
                    <p class="govuk-body">
                        "We read all feedback. We use it to make this service better. "
                        "We cannot reply to feedback because we do not ask for your contact details."
                    </p>
                    <p class="govuk-body">
                        "If you need help with care and support, "
                        <a class="govuk-link" href={crate::paths::GET_HELP}>"contact adult social care"</a> "."
                    </p>
                    <p class="govuk-body"><a class="govuk-link" href="/">"Go to the start of the service"</a></p>
                </div>
            </div>
        </Layout>
    }
}
