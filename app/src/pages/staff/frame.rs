//! What every signed-in staff page shares: the layout with the staff member's name, the links
//! their role may follow and "Sign out"; and loading a page's data, where a refusal becomes a
//! redirect to sign in, a "no access" page (403) or "not found" (404), never a 500.
use std::future::Future;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use serde::{de::DeserializeOwned, Serialize};

use crate::api::staff::password::PASSWORD_PATH;
use crate::api::staff::sign_in::SignOut;
use crate::api::staff::StaffHeader;
use crate::components::Layout;
use crate::errors::PortalError;
use crate::pages::loaded::with_loaded_or;
use crate::pages::service_problem::ServiceProblem;

#[component]
pub fn StaffFrame(
    #[prop(into)] title: String,
    header: StaffHeader,
    children: Children,
) -> impl IntoView {
    let links = header
        .links
        .into_iter()
        .map(|(href, label)| {
            view! { <li class="app-staff-nav__item"><a class="govuk-link govuk-link--no-visited-state" href=href>{label}</a></li> }
        })
        .collect_view();
    view! {
        <Layout title=title>
            <nav
                class="app-staff-nav" aria-label="Back office"
                data-session-ends-at=header.session_ends_at.to_string()
                data-server-now=header.server_now.to_string()
                data-warn-seconds=header.warn_seconds.to_string()
            >
                <ul class="app-staff-nav__list">{links}</ul>
                <p class="govuk-body-s app-staff-nav__who">
                    "Signed in as " {header.name} " (" {header.role} ") · "
                    <a class="govuk-link govuk-link--no-visited-state" href=PASSWORD_PATH>"Change your password"</a>
                </p>
                <form method="post" action=SignOut::url() class="app-staff-nav__sign-out">
                    <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">"Sign out"</button>
                </form>
            </nav>
            <SessionWarning/>
            {children()}
        </Layout>
        <script type="module" src="/assets/staff-session.js"></script>
    }
}

/// The timeout warning (WCAG 2.2.1): hidden, and shown by `staff-session.js` before the
/// session ends, with "Stay signed in". Without JavaScript it never shows, and nothing typed
/// is lost: a form sent after the end is kept until the staff member signs in again.
#[component]
fn SessionWarning() -> impl IntoView {
    view! {
        <div id="session-warning" class="govuk-notification-banner app-session-warning" aria-labelledby="session-warning-title" hidden>
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id="session-warning-title">"Important"</h2>
            </div>
            <div class="govuk-notification-banner__content">
                <p class="govuk-notification-banner__heading" id="session-warning-text" role="alert"></p>
                <button type="button" class="govuk-button govuk-!-margin-bottom-0" id="session-warning-stay" data-module="govuk-button">"Stay signed in"</button>
            </div>
        </div>
    }
}

/// The page for a role that may not see this page.
#[component]
fn NoAccess() -> impl IntoView {
    view! {
        <Layout title="You do not have access to this page">
            <h1 class="govuk-heading-l">"You do not have access to this page"</h1>
            <p class="govuk-body">"Your role does not include this part of the back office. If you need it for your work, ask your manager."</p>
            <p class="govuk-body"><a class="govuk-link" href={crate::api::staff::paths::QUEUE_PATH}>"Go to the back office"</a></p>
        </Layout>
    }
}

#[component]
fn RecordNotFound() -> impl IntoView {
    view! {
        <Layout title="Record not found">
            <h1 class="govuk-heading-l">"Record not found"</h1>
            <p class="govuk-body">"There is no record with that reference that you can open. Check the reference, or search the queue."</p>
            <p class="govuk-body"><a class="govuk-link" href={crate::api::staff::paths::QUEUE_PATH}>"Go to the queue"</a></p>
        </Layout>
    }
}

/// Like `with_loaded`, for staff pages (`SsrMode::Async` routes): a refusal is a redirect to
/// sign in (already set by the server function), "no access" (403) or "not found" (404).
pub fn with_staff_loaded<T, Load, Fut, V>(
    load: Load,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    Load: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<T, PortalError>> + Send + 'static,
    V: IntoView + 'static,
{
    with_loaded_or(load, render, refusal)
}

fn refusal(error: PortalError) -> AnyView {
    match error {
        PortalError::SignedOut => ().into_any(),
        PortalError::Forbidden => view! { <NoAccess/> }.into_any(),
        PortalError::NotFound => view! { <RecordNotFound/> }.into_any(),
        _ => view! { <ServiceProblem/> }.into_any(),
    }
}
