//! Administrators' staff accounts: the list with "Deactivate", "Reactivate" and "Reset
//! sign-in details", requests waiting for a second administrator's approval, and "Add a staff
//! member". No secret is ever shown here: the staff member sets their own through the
//! enrolment link the service emails them.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::manage_accounts::{
    load_accounts, AccountLine, ApproveEnrolment, AwaitingApproval, ChangeAccount, CreateAccount,
};
use crate::components::{
    Button, Choice, ErrorSummary, Input, NotificationBanner, NotificationKind, Radios, Tag,
    TagColour,
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
        let awaiting = (!view.awaiting.is_empty()).then(|| {
            let rows = view.awaiting.iter().map(awaiting_row).collect_view();
            view! {
                <h2 class="govuk-heading-m">"Waiting for a second administrator"</h2>
                <p class="govuk-body">"Adding or resetting a manager or an administrator needs another administrator's approval before the link is sent."</p>
                <ul class="govuk-list">{rows}</ul>
            }
        });
        view! {
            <StaffFrame title=title header=header>
                <ErrorSummary errors=errors/>
                {flash}
                <h1 class="govuk-heading-l">{TITLE}</h1>
                {awaiting}
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
                <p class="govuk-body">"We email them a link to set their own password and authenticator app. It works once, for 24 hours. You never see their sign-in details. A manager or an administrator needs another administrator's approval first."</p>
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

fn awaiting_row(request: &AwaitingApproval) -> impl IntoView {
    let action = if request.yours {
        view! { <span class="govuk-body-s">" (you asked for this: another administrator must approve it)"</span> }.into_any()
    } else {
        let label = format!("Approve: {}", request.what);
        view! {
            <form method="post" action=ApproveEnrolment::url() class="app-inline-form">
                <input type="hidden" name="form[id]" value=request.id.to_string()/>
                <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" data-module="govuk-button" aria-label=label>"Approve"</button>
            </form>
        }
        .into_any()
    };
    view! {
        <li>{request.what.clone()} ", asked for by " {request.asked_by.clone()} {action}</li>
    }
}
