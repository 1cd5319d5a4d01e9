//! The page shell's parts: skip link, council header with the service name and "Get help",
//! phase banner, footer, and `Layout`, which every page renders its content inside.
use leptos::prelude::*;
use leptos_meta::Title;

use super::BackLink;
use crate::council::{COUNCIL_NAME, SERVICE_NAME};

/// The first link on every page; by default it skips to `<main id="main-content">`.
#[component]
pub fn SkipLink(
    #[prop(into, default = "#main-content".into())] href: String,
    #[prop(into, default = "Skip to main content".into())] text: String,
) -> impl IntoView {
    view! { <a href=href class="govuk-skip-link" data-module="govuk-skip-link">{text}</a> }
}

/// The council's header (its name as the logotype: never the crown or GDS Transport) and the
/// service navigation with the service name and "Get help", always in the same place.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="govuk-header app-header">
            <div class="govuk-header__container govuk-width-container">
                <div class="govuk-header__logo">
                    <a href="/" class="govuk-header__homepage-link app-header__homepage-link">
                        <span class="app-header__logotype">{COUNCIL_NAME}</span>
                    </a>
                </div>
            </div>
        </header>
        <section aria-label="Service information" class="govuk-service-navigation">
            <div class="govuk-width-container">
                <div class="govuk-service-navigation__container">
                    <span class="govuk-service-navigation__service-name">
                        <a href="/" class="govuk-service-navigation__link">{SERVICE_NAME}</a>
                    </span>
                    <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                        <ul class="govuk-service-navigation__list" id="navigation">
                            <li class="govuk-service-navigation__item">
                                <a class="govuk-service-navigation__link" href={crate::paths::GET_HELP}>"Get help"</a>
                            </li>
                        </ul>
                    </nav>
                </div>
            </div>
        </section>
    }
}

/// The phase banner. Since GOV.UK Frontend 6 it is its own width container, so it sits
/// outside the page's. By default: "Beta" and a link to the feedback form.
#[component]
pub fn PhaseBanner(
    #[prop(into, default = "Beta".into())] phase: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let text = match children {
        Some(text) => text(),
        None => view! {
            "This is a new service. Your "
            <a href={crate::journeys::feedback::paths::SATISFACTION} class="govuk-link">"feedback"</a>
            " will help us to improve it."
        }
        .into_any(),
    };
    view! {
        <div class="govuk-phase-banner govuk-width-container">
            <p class="govuk-phase-banner__content">
                <strong class="govuk-tag govuk-phase-banner__content__tag">{phase}</strong>
                <span class="govuk-phase-banner__text">{text}</span>
            </p>
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let links = [
        (
            crate::paths::ACCESSIBILITY_STATEMENT,
            "Accessibility statement",
        ),
        (crate::paths::PRIVACY, "Privacy notice"),
        (crate::paths::COOKIES, "Cookies"),
        (crate::paths::CONTACT, "Contact us"),
        (
            crate::journeys::feedback::paths::SATISFACTION,
            "Give feedback",
        ),
    ];
    let items = links
        .into_iter()
        .map(|(href, text)| {
            view! { <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href=href>{text}</a></li> }
        })
        .collect_view();
    view! {
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                <div class="govuk-footer__meta">
                    <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                        <h2 class="govuk-visually-hidden">"Support links"</h2>
                        <ul class="govuk-footer__inline-list">{items}</ul>
                        <p class="govuk-body-s app-footer__copyright">"© " {COUNCIL_NAME}</p>
                    </div>
                </div>
            </div>
        </footer>
    }
}

/// Every page: its `<title>` (with the service and council names), the phase banner, an
/// optional back link, and `<main>`.
#[component]
pub fn Layout(
    #[prop(into)] title: String,
    #[prop(optional, into)] back: Option<String>,
    /// Shows "Exit this page" (safeguarding content).
    #[prop(optional)]
    exit_page: bool,
    children: Children,
) -> impl IntoView {
    // A form post the server could not read at all (not UTF-8, a page that does not exist,
    // too large) comes back to its page with `__err`: say so, rather than nothing.
    let unreadable_post =
        leptos_router::hooks::use_query_map().with_untracked(|query| query.get("__err").is_some());
    let error_prefix = if unreadable_post && !title.starts_with("Error: ") {
        "Error: "
    } else {
        ""
    };
    // leptos_meta writes the title's text into <head> as it is: escaped here, or a search for
    // `</title><meta http-equiv=refresh ...>` would write markup into the page.
    let full_title = super::escape_text(&format!(
        "{error_prefix}{title} - {SERVICE_NAME} - {COUNCIL_NAME}"
    ));
    view! {
        <Title text=full_title/>
        <PhaseBanner/>
        <div class="govuk-width-container">
            {exit_page.then(|| view! { <super::ExitThisPage/> })}
            {back.map(|href| view! { <BackLink href=href/> })}
            <main class="govuk-main-wrapper" id="main-content">
                {unreadable_post.then(|| view! { <UnreadablePost/> })}
                {children()}
            </main>
        </div>
    }
}

/// The message for a form post the server could not read.
#[component]
fn UnreadablePost() -> impl IntoView {
    view! {
        <div class="govuk-error-summary" data-module="govuk-error-summary">
            <div role="alert">
                <h2 class="govuk-error-summary__title">"There is a problem"</h2>
                <div class="govuk-error-summary__body">
                    <p class="govuk-body">
                        "We could not read what was sent, so nothing from it was saved. "
                        "Check the answers on this page and try again. If it keeps happening, call the Care Line on "
                        {crate::council::CARE_LINE_PHONE} "."
                    </p>
                </div>
            </div>
        </div>
    }
}
