//! Signing in: email and password, then the code from an authenticator app. Paste and
//! password managers work (WCAG 3.3.8): the fields are ordinary inputs with the right
//! `autocomplete`, and nothing blocks pasting.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::staff::sign_in::{load_code, load_sign_in, SignIn, SignInState, SubmitCode};
use crate::components::{Button, ErrorSummary, Input, Layout, NotificationBanner};
use crate::forms::{field_id, field_name, page_title};
use crate::pages::loaded::with_loaded;

const SIGN_IN_TITLE: &str = "Sign in to the back office";
const CODE_TITLE: &str = "Enter the code from your authenticator app";

fn ended_message(state: &SignInState) -> Option<String> {
    let why = match state.ended.as_deref()? {
        "absolute" => {
            "You were signed out because you had been signed in for the longest time allowed."
        }
        _ => "You were signed out because you had not used the back office for a while.",
    };
    Some(if state.kept_unsent {
        format!("{why} What you were sending has been kept: sign in again to finish it.")
    } else {
        format!("{why} Sign in again to continue.")
    })
}

#[component]
pub fn SignInPage() -> impl IntoView {
    with_loaded(load_sign_in, |state| {
        let title = page_title(SIGN_IN_TITLE, !state.errors.is_empty());
        let banner = ended_message(&state)
            .map(|text| view! { <NotificationBanner><p class="govuk-notification-banner__heading">{text}</p></NotificationBanner> });
        let errors = Signal::stored(state.errors.clone());
        view! {
            <Layout title=title>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <ErrorSummary errors=errors/>
                        {banner}
                        <h1 class="govuk-heading-l">{SIGN_IN_TITLE}</h1>
                        <p class="govuk-body">"For the council's adult social care staff. If you are a resident, "
                            <a class="govuk-link" href="/">"go to the start of the service"</a> "."</p>
                        <form method="post" action=SignIn::url() novalidate>
                            <Input
                                name=field_name("email") id=field_id("email") label="Email address"
                                input_type="email" autocomplete="username" spellcheck=false
                                value=state.email.clone() error=state.errors.message_for("email")
                            />
                            <Input
                                name=field_name("password") id=field_id("password") label="Password"
                                input_type="password" autocomplete="current-password"
                                error=state.errors.message_for("password")
                            />
                            <Button text="Continue" prevent_double_click=true/>
                        </form>
                        <p class="govuk-body">"If you have forgotten your password or lost your recovery codes, ask an administrator."</p>
                    </div>
                </div>
            </Layout>
        }
    })
}

#[component]
pub fn CodePage() -> impl IntoView {
    crate::pages::staff::frame::with_staff_loaded(load_code, |state| {
        let title = page_title(CODE_TITLE, !state.errors.is_empty());
        let errors = Signal::stored(state.errors.clone());
        view! {
            <Layout title=title back={crate::api::staff::paths::SIGN_IN_PATH}>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <ErrorSummary errors=errors/>
                        <form method="post" action=SubmitCode::url() novalidate>
                            <Input
                                name=field_name("code") id=field_id("code") label=CODE_TITLE
                                is_page_heading=true label_size=crate::components::HeadingSize::L
                                hint="The 6-digit code your authenticator app shows for this service. If you cannot use the app, enter one of your recovery codes."
                                autocomplete="one-time-code" spellcheck=false classes="govuk-input--width-20"
                                error=state.errors.message_for("code")
                            />
                            <Button text="Sign in" prevent_double_click=true/>
                        </form>
                    </div>
                </div>
            </Layout>
        }
    })
}
