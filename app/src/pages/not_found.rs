//! "Page not found", answered with a real 404.
use leptos::prelude::*;

use crate::components::Layout;
use crate::council::CARE_LINE_PHONE;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    super::set_status(http::StatusCode::NOT_FOUND);
    view! {
        <Layout title="Page not found">
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">"Page not found"</h1>
                    <p class="govuk-body">"If you typed the web address, check it is correct."</p>
                    <p class="govuk-body">"If you pasted the web address, check you copied the entire address."</p>
                    <p class="govuk-body">
                        "You can " <a class="govuk-link" href="/">"go to the start of the service"</a>
                        " or call our Care Line on " {CARE_LINE_PHONE} "."
                    </p>
                </div>
            </div>
        </Layout>
    }
}
