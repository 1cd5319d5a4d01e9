//! "Sorry, there is a problem with the service": shown instead of a page that could not load its
//! data (`ServiceProblem`, a 500 with no internals), and, written by the server's outage layer,
//! instead of the answer to a post the service could not save (`service_problem_document`): the
//! person's answers shown back and a "Try again" button that posts them again.
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::components::{Footer, Header, PhaseBanner, SkipLink, SummaryList};
use crate::council::{CARE_LINE_HOURS, CARE_LINE_PHONE};
#[cfg(feature = "ssr")]
use crate::council::{COUNCIL_NAME, SERVICE_NAME};

const HEADING: &str = "Sorry, there is a problem with the service";

#[component]
pub fn ServiceProblem() -> impl IntoView {
    #[cfg(feature = "ssr")]
    super::set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    view! {
        <crate::components::Layout title=HEADING>
            <TryAgainLater/>
        </crate::components::Layout>
    }
}

/// What a page that could not be shown says, in the app and in the outage layer's document.
#[component]
fn TryAgainLater() -> impl IntoView {
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-xl">{HEADING}</h1>
                <p class="govuk-body">"Try again later."</p>
                <HelpNow/>
            </div>
        </div>
    }
}

/// The Care Line and 999: how to get help while the service cannot.
#[component]
fn HelpNow() -> impl IntoView {
    view! {
        <p class="govuk-body">
            "If you need help now, call our Care Line on "
            <a class="govuk-link" href="tel:01632960000">{CARE_LINE_PHONE}</a>
            " (" {CARE_LINE_HOURS} ")."
        </p>
        <p class="govuk-body">"If someone is in immediate danger, call 999."</p>
    }
}

/// A browser's post that the service could not save or send.
#[derive(Clone, Debug)]
pub struct UnsavedPost {
    /// Where the form posted.
    pub action: String,
    /// The fields to post again with "Try again"; `None` when the post held a secret (a
    /// password or code), which is never put in a page.
    pub resend: Option<Vec<(String, String)>>,
    /// The answers to show back (`api::show_back`).
    pub answers: crate::api::show_back::AnswerSections,
}

/// The whole HTML document, for an unsaved post or (`None`) a page the service could not
/// show: the page shell without the router (the server's outage layer writes it, outside the
/// app), so it needs no database and no script.
#[cfg(feature = "ssr")]
pub fn service_problem_document(post: Option<UnsavedPost>) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        let title = format!("{HEADING} - {SERVICE_NAME} - {COUNCIL_NAME}");
        view! {
            <html lang="en" class="govuk-template govuk-template--rebranded">
                <head>
                    <meta charset="utf-8"/>
                    <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"/>
                    <title>{title}</title>
                    <link rel="stylesheet" href="/pkg/portal.css"/>
                </head>
                <body class="govuk-template__body">
                    <SkipLink/>
                    <Header/>
                    <PhaseBanner/>
                    <div class="govuk-width-container">
                        <main class="govuk-main-wrapper" id="main-content">
                            {match post {
                                Some(post) => view! { <UnsavedPostContent post/> }.into_any(),
                                None => view! { <TryAgainLater/> }.into_any(),
                            }}
                        </main>
                    </div>
                    <Footer/>
                </body>
            </html>
        }
        .to_html()
    });
    format!("<!DOCTYPE html>{html}")
}

#[cfg(feature = "ssr")]
#[component]
fn UnsavedPostContent(post: UnsavedPost) -> impl IntoView {
    let has_answers = !post.answers.is_empty();
    let answers = post
        .answers
        .into_iter()
        .map(|(heading, rows)| {
            view! {
                <h2 class="govuk-heading-m">{heading}</h2>
                <SummaryList rows/>
            }
        })
        .collect_view();
    let action = post.action;
    let try_again = post.resend.map(|fields| {
        let hidden = fields
            .into_iter()
            .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
            .collect_view();
        view! {
            <form method="post" action=action novalidate>
                {hidden}
                <button type="submit" class="govuk-button" data-module="govuk-button">"Try again"</button>
            </form>
        }
    });
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-xl">{HEADING}</h1>
                <p class="govuk-body">"What you have just sent has not been saved, and nothing has been sent to the council. Answers you gave on earlier pages are still kept."</p>
                {has_answers.then(|| view! {
                    <p class="govuk-body">"So that nothing is lost, here are your answers. You may want to make a note of them."</p>
                })}
                {answers}
                <p class="govuk-body">"Try again in a few minutes."</p>
                {try_again}
                <HelpNow/>
            </div>
        </div>
    }
}
