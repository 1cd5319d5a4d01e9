//! "Change your password", for every staff member. Password managers may fill and make
//! passwords here (WCAG 3.3.8): `current-password` and `new-password` autocomplete.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::password::{load_password, ChangePassword};
use crate::components::{Button, ErrorSummary, Input, NotificationBanner, NotificationKind};
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
