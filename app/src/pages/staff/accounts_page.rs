//! Administrators' staff accounts: the list with "Deactivate", "Reactivate" and "Reset
//! sign-in details", "Add a staff member", and the enrolment sheet shown once.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::manage_accounts::{
    load_accounts, load_enrolment, AccountLine, ChangeAccount, CreateAccount, EnrolmentSheet,
    ACCOUNTS_PATH,
};
use crate::components::{
    Button, Choice, ErrorSummary, Input, NotificationBanner, NotificationKind, Radios, SummaryList,
    SummaryRow, Tag, TagColour, WarningText,
};
use crate::forms::{field_id, field_name, page_title};

const TITLE: &str = "Staff accounts";

#[component]
pub fn AccountsPage() -> impl IntoView {
    with_staff_loaded(load_accounts, |view| {
        let title = page_title(TITLE, !view.errors.is_empty());
        let header = view.header.clone();
        let errors = Signal::stored(view.errors.clone());
        let flash = view.flash.clone().map(|text| {
            view! { <NotificationBanner kind=NotificationKind::Success heading=text/> }
        });
        let roles = view
            .roles
            .iter()
            .map(|(code, label)| Choice::new(code.clone(), label.clone()))
            .collect();
        let selected_role = Some(view.form.role.clone()).filter(|r| !r.is_empty());
        let accounts = view.accounts.iter().map(account_row).collect_view();
        view! {
            <StaffFrame title=title header=header>
                <ErrorSummary errors=errors/>
                {flash}
                <h1 class="govuk-heading-l">{TITLE}</h1>
                <table class="govuk-table" aria-labelledby="accounts-heading">
                    <caption class="govuk-table__caption govuk-table__caption--m" id="accounts-heading">"Everyone with an account"</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">"Name"</th>
                            <th scope="col" class="govuk-table__header">"Role"</th>
                            <th scope="col" class="govuk-table__header">"Status"</th>
                            <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">{accounts}</tbody>
                </table>
                <h2 class="govuk-heading-m" id="add">"Add a staff member"</h2>
                <p class="govuk-body">"The service makes their first password, the code for their authenticator app and their recovery codes. You will see them once, to give to the staff member in person."</p>
                <form method="post" action=CreateAccount::url() novalidate>
                    <Input name=field_name("name") id=field_id("name") label="Full name"
                        value=view.form.name.clone() error=view.errors.message_for("name")
                        autocomplete="off" spellcheck=false/>
                    <Input name=field_name("email") id=field_id("email") label="Work email address"
                        input_type="email" value=view.form.email.clone() error=view.errors.message_for("email")
                        autocomplete="off" spellcheck=false/>
                    <Radios name=field_name("role") id=field_id("role") legend="Role"
                        hint="Give the least a person's work needs. Only managers see safeguarding concerns; administrators see no residents' records."
                        items=roles selected=selected_role error=view.errors.message_for("role")/>
                    <Button text="Add staff member" prevent_double_click=true/>
                </form>
            </StaffFrame>
        }
    })
}

fn account_row(account: &AccountLine) -> impl IntoView {
    let status = if account.active {
        view! { <Tag text="Active" colour=Some(TagColour::Green)/> }.into_any()
    } else {
        view! { <Tag text="Deactivated" colour=Some(TagColour::Grey)/> }.into_any()
    };
    let actions = if account.is_you {
        view! { <p class="govuk-body-s govuk-!-margin-bottom-0">"This is you"</p> }.into_any()
    } else {
        let (action, text) = if account.active {
            ("deactivate", "Deactivate")
        } else {
            ("reactivate", "Reactivate")
        };
        let button = |action: &'static str, text: &'static str| {
            let label = format!("{text} {}", account.name);
            view! {
                <form method="post" action=ChangeAccount::url() class="app-inline-form">
                    <input type="hidden" name="form[id]" value=account.id.to_string()/>
                    <input type="hidden" name="form[action]" value=action/>
                    <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" data-module="govuk-button" aria-label=label>{text}</button>
                </form>
            }
        };
        view! {
            {button(action, text)}
            {account.active.then(|| button("reset", "Reset sign-in details"))}
        }
        .into_any()
    };
    view! {
        <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">{account.name.clone()}<br/><span class="govuk-body-s">{account.email.clone()}</span></th>
            <td class="govuk-table__cell">{account.role.clone()}</td>
            <td class="govuk-table__cell">{status}</td>
            <td class="govuk-table__cell">{actions}</td>
        </tr>
    }
}

const ENROLMENT_TITLE: &str = "Sign-in details for a staff member";

#[component]
pub fn EnrolmentPage() -> impl IntoView {
    with_staff_loaded(load_enrolment, |view| {
        let header = view.header.clone();
        let body = match view.sheet.clone() {
            Some(sheet) => sheet_view(sheet).into_any(),
            None => view! {
                <h1 class="govuk-heading-l">{ENROLMENT_TITLE}</h1>
                <p class="govuk-body">"These details are shown only once, and have been shown already. If they were lost, reset the account's sign-in details to make new ones."</p>
                <p class="govuk-body"><a class="govuk-link" href=ACCOUNTS_PATH>"Go to staff accounts"</a></p>
            }
            .into_any(),
        };
        view! {
            <StaffFrame title=ENROLMENT_TITLE header=header>
                {body}
            </StaffFrame>
        }
    })
}

fn sheet_view(sheet: EnrolmentSheet) -> impl IntoView {
    let codes = sheet
        .recovery_codes
        .iter()
        .map(|code| view! { <li><code>{code.clone()}</code></li> })
        .collect_view();
    let qr_label = format!("QR code for {}'s authenticator app", sheet.name);
    view! {
        <h1 class="govuk-heading-l">{format!("Sign-in details for {}", sheet.name)}</h1>
        <WarningText>"These are shown only once. Give them to the staff member in person, then close this page. Nobody, including you, can see them again."</WarningText>
        <SummaryList rows=vec![
            SummaryRow::fact("Email address", vec![sheet.email.clone()]),
            SummaryRow::fact("Role", vec![sheet.role.clone()]),
            SummaryRow::fact("First password", vec![sheet.first_password.clone()]),
        ]/>
        <p class="govuk-body">"After signing in, they should change the first password to one of their own (\"Change your password\", at the top of every back-office page)."</p>
        <h2 class="govuk-heading-m">"Their authenticator app"</h2>
        <p class="govuk-body">"They scan this code with an authenticator app on their work phone:"</p>
        <div class="app-qr-code" role="img" aria-label=qr_label inner_html=sheet.qr_svg></div>
        <p class="govuk-body">"Or they type this key into the app: " <code class="app-secret">{sheet.totp_secret}</code></p>
        <h2 class="govuk-heading-m">"Their recovery codes"</h2>
        <p class="govuk-body">"Each works once, instead of a code from the app, if they lose their phone. They should keep them somewhere safe."</p>
        <ul class="govuk-list app-recovery-codes">{codes}</ul>
        <p class="govuk-body"><a class="govuk-link" href=ACCOUNTS_PATH>"Go to staff accounts"</a></p>
    }
}
