//! GOV.UK "Exit this page": on safeguarding content, a quick way away to a neutral site.
//! With JavaScript, GOV.UK Frontend also answers Shift pressed three times and hides the page
//! as it leaves; without it, the link still works. Either way it goes through our own
//! `EXIT_PATH`, which deletes the session (and every draft in it) before sending the person
//! on to the neutral page.
use leptos::prelude::*;

/// Where the button goes first: the server deletes the session, then redirects to `EXIT_URL`.
pub const EXIT_PATH: &str = "/exit-this-page";

/// Where the person ends up: a neutral page that reveals nothing about this one.
pub const EXIT_URL: &str = "https://www.bbc.co.uk/weather";

#[component]
pub fn ExitThisPage() -> impl IntoView {
    view! {
        <div class="govuk-exit-this-page" data-module="govuk-exit-this-page">
            <a
                href=EXIT_PATH
                role="button"
                draggable="false"
                class="govuk-button govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button"
                data-module="govuk-button"
                rel="nofollow noreferrer"
            >
                <span class="govuk-visually-hidden">"Emergency"</span>
                " Exit this page"
            </a>
        </div>
    }
}
