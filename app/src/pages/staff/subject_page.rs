//! Subject access: find everything held about one person, read it, download it as JSON, and
//! erase what the policy allows.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use serde_json::Value;

use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::subject::{
    load_subject, DownloadSubjectExport, EraseSubject, ExportedRecord, FindSubject, SubjectExport,
};
use crate::components::{
    Button, ButtonKind, DateInput, ErrorSummary, Input, NotificationBanner, NotificationKind,
    WarningText,
};
use crate::forms::{field_id, field_name, page_title};

const TITLE: &str = "Everything held about a person";

#[component]
pub fn SubjectAccessPage() -> impl IntoView {
    with_staff_loaded(load_subject, |view| {
        let title = page_title(TITLE, !view.errors.is_empty());
        let header = view.header.clone();
        let errors = Signal::stored(view.errors.clone());
        let dob = view.form.date_of_birth.clone();
        let flash = view.flash.clone().map(|text| {
            view! { <NotificationBanner kind=NotificationKind::Success heading=text/> }
        });
        view! {
            <StaffFrame title=title header=header>
                <ErrorSummary errors=errors/>
                {flash}
                <h1 class="govuk-heading-l">{TITLE}</h1>
                <p class="govuk-body">"For a subject access request or a request to erase. Search by the name and date of birth the person gave; every search is recorded."</p>
                <form method="post" action=FindSubject::url() novalidate>
                    <Input name=field_name("given_name") id=field_id("given_name") label="First name"
                        value=view.form.given_name.clone() error=view.errors.message_for("given_name") spellcheck=false/>
                    <Input name=field_name("family_name") id=field_id("family_name") label="Last name"
                        value=view.form.family_name.clone() error=view.errors.message_for("family_name") spellcheck=false/>
                    <DateInput name=field_name("date_of_birth") id=field_id("date_of_birth") legend="Date of birth"
                        hint="For example, 2 3 1948" day=dob.day month=dob.month year=dob.year
                        error=view.errors.message_for("date_of_birth")/>
                    <Button text="Search"/>
                </form>
                {view.export.map(export_view)}
            </StaffFrame>
        }
    })
}

fn export_view(export: SubjectExport) -> impl IntoView {
    let count = export.records.len();
    let any_erasable = export.records.iter().any(|r| r.erasable.is_ok());
    let records = export.records.into_iter().map(record_view).collect_view();
    view! {
        <h2 class="govuk-heading-l govuk-!-margin-top-6" id="found">
            {match count { 0 => "Nothing found".to_owned(), 1 => "1 record found".to_owned(), n => format!("{n} records found") }}
        </h2>
        {(count > 0).then(|| view! {
            <p class="govuk-body">
                <a class="govuk-link" href=DownloadSubjectExport::url() download="subject-access.json">"Download everything as JSON"</a>
                " (for the reply to the person, with the access log)."
            </p>
            {records}
            {any_erasable.then(|| view! {
                <h2 class="govuk-heading-m">"Erase"</h2>
                <WarningText>"Erasing removes the person's details from the records marked 'can be erased' at once. It cannot be undone."</WarningText>
                <form method="post" action=EraseSubject::url()>
                    <Button text="Erase what can be erased" kind=ButtonKind::Warning/>
                </form>
            })}
        })}
    }
}

fn record_view(record: ExportedRecord) -> impl IntoView {
    let erasable = match &record.erasable {
        Ok(()) => "Can be erased".to_owned(),
        Err(why) => format!("Kept: {why}"),
    };
    view! {
        <section class="app-subject-record">
            <h3 class="govuk-heading-m">{record.what.clone()} ": " {record.reference.clone()}</h3>
            <p class="govuk-body"><strong>"Found by: "</strong>{record.found_by.clone()} "."</p>
            <p class="govuk-body"><strong>"Status: "</strong>{record.status.clone()} ". " {erasable}</p>
            {value_view(record.data)}
        </section>
    }
}

/// Any JSON, readable: objects as definition lists, arrays as numbered lists.
fn value_view(value: Value) -> AnyView {
    match value {
        Value::Object(map) => {
            let items = map
                .into_iter()
                .filter(|(_, v)| !v.is_null() && v != &Value::String(String::new()))
                .map(|(key, v)| {
                    let key = key.replace('_', " ");
                    view! { <dt class="app-subject__key">{key}</dt><dd class="app-subject__value">{value_view(v)}</dd> }
                })
                .collect_view();
            view! { <dl class="app-subject">{items}</dl> }.into_any()
        }
        Value::Array(items) if items.is_empty() => view! { "None" }.into_any(),
        Value::Array(items) => {
            let items = items
                .into_iter()
                .map(|v| view! { <li>{value_view(v)}</li> })
                .collect_view();
            view! { <ol class="govuk-list govuk-list--number">{items}</ol> }.into_any()
        }
        Value::String(text) => view! { {text} }.into_any(),
        Value::Bool(yes) => view! { {if yes { "Yes" } else { "No" }} }.into_any(),
        Value::Number(n) => view! { {n.to_string()} }.into_any(),
        Value::Null => view! { "Not given" }.into_any(),
    }
}
