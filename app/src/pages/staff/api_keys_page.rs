//! Administrators' partner API keys: the list with "Revoke", a key just made (shown once),
//! and "Make a key".
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::api_keys::{load_api_keys, CreateApiKey, KeyLine, RevokeApiKey};
use crate::components::{
    Button, ErrorSummary, Input, NotificationBanner, NotificationKind, Tag, TagColour, WarningText,
};
use crate::forms::{field_id, field_name, page_title};

const TITLE: &str = "API keys";

#[component]
pub fn ApiKeysPage() -> impl IntoView {
    with_staff_loaded(load_api_keys, |view| {
        let title = page_title(TITLE, !view.errors.is_empty());
        let header = view.header.clone();
        let errors = Signal::stored(view.errors.clone());
        let flash = view.flash.clone().map(|text| {
            view! { <NotificationBanner kind=NotificationKind::Success heading=text/> }
        });
        let made = view.made.clone().map(|made| {
            view! {
                <div class="govuk-panel govuk-panel--confirmation app-made-key">
                    <h2 class="govuk-panel__title">"Key made for " {made.name.clone()}</h2>
                    <div class="govuk-panel__body">
                        <code class="app-api-key">{made.key.clone()}</code>
                    </div>
                </div>
                <WarningText>"Copy the key now and give it to the partner securely. It is shown this once: only a hash of it is kept. If it is lost, revoke it and make another."</WarningText>
            }
        });
        let rows = view.keys.iter().map(key_row).collect_view();
        let no_keys = view.keys.is_empty();
        view! {
            <StaffFrame title=title header=header>
                <ErrorSummary errors=errors/>
                {flash}
                <h1 class="govuk-heading-l">{TITLE}</h1>
                <p class="govuk-body">"Partner systems (the contact centre's screens, a hospital's discharge team) send requests for an assessment and carers' registrations to the portal's API with a key. The key's name is the channel staff see on what came through it. Each key may send a limited number a minute."</p>
                {made}
                {if no_keys {
                    view! { <p class="govuk-body">"There are no keys yet."</p> }.into_any()
                } else {
                    view! {
                        <table class="govuk-table" aria-labelledby="keys-heading">
                            <caption class="govuk-table__caption govuk-table__caption--m" id="keys-heading">"Keys"</caption>
                            <thead class="govuk-table__head">
                                <tr class="govuk-table__row">
                                    <th scope="col" class="govuk-table__header">"Name"</th>
                                    <th scope="col" class="govuk-table__header">"Made"</th>
                                    <th scope="col" class="govuk-table__header">"Status"</th>
                                    <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">"Action"</span></th>
                                </tr>
                            </thead>
                            <tbody class="govuk-table__body">{rows}</tbody>
                        </table>
                    }.into_any()
                }}
                <h2 class="govuk-heading-m">"Make a key"</h2>
                <form method="post" action=CreateApiKey::url() novalidate>
                    <Input name=field_name("name") id=field_id("name") label="Name of the partner or system"
                        hint="For example, Care Line or City Hospital discharge team. Staff see this name on what comes through the key."
                        value=view.name.clone() error=view.errors.message_for("name")
                        autocomplete="off" spellcheck=false/>
                    <Button text="Make key" prevent_double_click=true/>
                </form>
            </StaffFrame>
        }
    })
}

fn key_row(key: &KeyLine) -> impl IntoView {
    let (status, action) = match &key.revoked {
        Some(when) => (
            view! { <Tag text="Revoked" colour=Some(TagColour::Grey)/> " " {when.clone()} }
                .into_any(),
            ().into_any(),
        ),
        None => {
            let label = format!("Revoke the key for {}", key.name);
            (
                view! { <Tag text="Active" colour=Some(TagColour::Green)/> }.into_any(),
                view! {
                    <form method="post" action=RevokeApiKey::url()>
                        <input type="hidden" name="form[id]" value=key.id.to_string()/>
                        <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button" aria-label=label>"Revoke"</button>
                    </form>
                }
                .into_any(),
            )
        }
    };
    view! {
        <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">{key.name.clone()}</th>
            <td class="govuk-table__cell">{key.made.clone()} " by " {key.made_by.clone()}</td>
            <td class="govuk-table__cell">{status}</td>
            <td class="govuk-table__cell">{action}</td>
        </tr>
    }
}
