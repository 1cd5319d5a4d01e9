//! A staff member's enrolment link: they choose their own password and add the service to
//! their own authenticator app (a QR code, or the key typed in), prove it with a code, and then
//! see their recovery codes once. Works with HTML alone.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::api::staff::enrolment::{load_enrol, load_enrolled, Enrol, SettingUp};
use crate::components::{Button, ErrorSummary, Input, Layout, WarningText};
use crate::forms::{field_id, field_name, page_title};
use crate::pages::loaded::with_loaded;

const TITLE: &str = "Set up your sign-in";

#[component]
pub fn EnrolPage() -> impl IntoView {
    let token = use_query_map()
        .get_untracked()
        .get("token")
        .unwrap_or_default();
    with_loaded(
        move || load_enrol(token.clone()),
        |view| {
            match view.setting_up.clone() {
            None => view! {
                <Layout title="This link does not work">
                    <h1 class="govuk-heading-l">"This link does not work"</h1>
                    <p class="govuk-body">"It may have been used already, or be more than 24 hours old. Ask an administrator for a new one."</p>
                </Layout>
            }
            .into_any(),
            Some(setting_up) => set_up(setting_up, view.errors.clone()).into_any(),
        }
        },
    )
}

fn set_up(s: SettingUp, errors: crate::domain::problems::FieldErrors) -> impl IntoView {
    let title = page_title(TITLE, !errors.is_empty());
    let summary = Signal::stored(errors.clone());
    let qr_label = format!(
        "QR code to add the back office to {}'s authenticator app",
        s.name
    );
    view! {
        <Layout title=title>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors=summary/>
                    <h1 class="govuk-heading-l">{TITLE}</h1>
                    <p class="govuk-body">{format!("For {} ({}). Nobody else sees what you choose here.", s.name, s.email)}</p>
                    <form method="post" action=Enrol::url() novalidate>
                        <input type="hidden" name=field_name("token") value=s.token.clone()/>
                        <Input name=field_name("password") id=field_id("password") label="Choose a password"
                            hint="At least 12 characters. A few words you will remember is a good choice."
                            input_type="password" autocomplete="new-password" error=errors.message_for("password")/>
                        <Input name=field_name("confirm") id=field_id("confirm") label="Type the password again"
                            input_type="password" autocomplete="new-password" error=errors.message_for("confirm")/>
                        <h2 class="govuk-heading-m">"Your authenticator app"</h2>
                        <p class="govuk-body">"Scan this code with an authenticator app on your work phone:"</p>
                        <div class="app-qr-code" role="img" aria-label=qr_label inner_html=s.qr_svg></div>
                        <p class="govuk-body">"Or type this key into the app: " <code class="app-secret">{s.secret}</code></p>
                        <Input name=field_name("code") id=field_id("code") label="Enter the code the app shows"
                            hint="6 numbers" inputmode="numeric" autocomplete="one-time-code" spellcheck=false
                            classes="govuk-input--width-10" error=errors.message_for("code")/>
                        <Button text="Set up my sign-in" prevent_double_click=true/>
                    </form>
                </div>
            </div>
        </Layout>
    }
}

#[component]
pub fn EnrolledPage() -> impl IntoView {
    with_loaded(load_enrolled, |enrolled| {
        match enrolled {
        Some(enrolled) => {
            let codes = enrolled
                .recovery_codes
                .iter()
                .map(|code| view! { <li><code>{code.clone()}</code></li> })
                .collect_view();
            view! {
                <Layout title="Your sign-in is set up">
                    <h1 class="govuk-heading-l">"Your sign-in is set up"</h1>
                    <h2 class="govuk-heading-m">"Your recovery codes"</h2>
                    <WarningText>"These are shown only once. Keep them somewhere safe: each works once, instead of a code from the app, if you lose your phone."</WarningText>
                    <ul class="govuk-list app-recovery-codes">{codes}</ul>
                    <p class="govuk-body"><a class="govuk-link" href={crate::api::staff::paths::SIGN_IN_PATH}>"Sign in"</a></p>
                </Layout>
            }
            .into_any()
        }
        None => view! {
            <Layout title="Your sign-in is set up">
                <h1 class="govuk-heading-l">"Your sign-in is set up"</h1>
                <p class="govuk-body">"Your recovery codes were shown once already."</p>
                <p class="govuk-body"><a class="govuk-link" href={crate::api::staff::paths::SIGN_IN_PATH}>"Sign in"</a></p>
            </Layout>
        }
        .into_any(),
    }
    })
}
