//! "Change your password", for every staff member. Password managers may fill and make
//! passwords here (WCAG 3.3.8): `current-password` and `new-password` autocomplete.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::authenticator::{
    load_authenticator, SetNewAuthenticator, AUTHENTICATOR_PATH,
};
use crate::api::staff::password::{load_password, ChangePassword};
use crate::components::{
    Button, ErrorSummary, Input, NotificationBanner, NotificationKind, WarningText,
};
use crate::domain::staff::MIN_PASSWORD_CHARS;
use crate::forms::{field_id, field_name, page_title};

const TITLE: &str = "Change your password";

#[component]
pub fn PasswordPage() -> impl IntoView {
    with_staff_loaded(load_password, |view| {
        let title = page_title(TITLE, !view.errors.is_empty());
        let header = view.header.clone();
        let errors = Signal::stored(view.errors.clone());
        let changed = view.changed.then(|| {
            view! { <NotificationBanner kind=NotificationKind::Success heading="Your password has been changed"/> }
        });
        view! {
            <StaffFrame title=title header=header>
                <ErrorSummary errors=errors/>
                {changed}
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <h1 class="govuk-heading-l">{TITLE}</h1>
                        <p class="govuk-body"><a class="govuk-link" href=AUTHENTICATOR_PATH>"Move your authenticator to a new phone"</a></p>
                        <form method="post" action=ChangePassword::url() novalidate>
                            <Input name=field_name("current") id=field_id("current") label="Current password"
                                input_type="password" autocomplete="current-password"
                                error=view.errors.message_for("current")/>
                            <Input name=field_name("new") id=field_id("new") label="New password"
                                hint=format!("At least {MIN_PASSWORD_CHARS} characters. A few unrelated words make a strong password that is easy to type.")
                                input_type="password" autocomplete="new-password"
                                error=view.errors.message_for("new")/>
                            <Input name=field_name("confirm") id=field_id("confirm") label="New password again"
                                input_type="password" autocomplete="new-password"
                                error=view.errors.message_for("confirm")/>
                            <Button text="Change password" prevent_double_click=true/>
                        </form>
                    </div>
                </div>
            </StaffFrame>
        }
    })
}

const AUTHENTICATOR_TITLE: &str = "Move your authenticator to a new phone";

/// A new authenticator app for the signed-in staff member, then new recovery codes once.
#[component]
pub fn AuthenticatorPage() -> impl IntoView {
    with_staff_loaded(load_authenticator, |view| {
        let header = view.header.clone();
        if let Some(codes) = view.recovery_codes.clone() {
            let codes = codes
                .into_iter()
                .map(|code| view! { <li><code>{code}</code></li> })
                .collect_view();
            return view! {
                <StaffFrame title="Your new authenticator is set up" header=header>
                    <NotificationBanner kind=NotificationKind::Success heading="Your new authenticator is set up"/>
                    <h1 class="govuk-heading-l">"Your new recovery codes"</h1>
                    <WarningText>"These are shown only once, and your old ones no longer work. Keep them somewhere safe. You have been signed out everywhere else."</WarningText>
                    <ul class="govuk-list app-recovery-codes">{codes}</ul>
                </StaffFrame>
            }
            .into_any();
        }
        let title = page_title(AUTHENTICATOR_TITLE, !view.errors.is_empty());
        let errors = Signal::stored(view.errors.clone());
        view! {
            <StaffFrame title=title header=header>
                <ErrorSummary errors=errors/>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <h1 class="govuk-heading-l">{AUTHENTICATOR_TITLE}</h1>
                        <p class="govuk-body">"Scan this code with the authenticator app on your new phone:"</p>
                        <div class="app-qr-code" role="img" aria-label="QR code to add the back office to your new authenticator app" inner_html=view.qr_svg.clone()></div>
                        <p class="govuk-body">"Or type this key into the app: " <code class="app-secret">{view.secret.clone()}</code></p>
                        <form method="post" action=SetNewAuthenticator::url() novalidate>
                            <Input name=field_name("code") id=field_id("code") label="Enter the code your new app shows"
                                hint="6 numbers" inputmode="numeric" autocomplete="one-time-code" spellcheck=false
                                classes="govuk-input--width-10" error=view.errors.message_for("code")/>
                            <Button text="Use the new app" prevent_double_click=true/>
                        </form>
                    </div>
                </div>
            </StaffFrame>
        }
        .into_any()
    })
}
