//! The lookup form: the reference and the date of birth of the person the request is for.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::track::{load_track, TrackForm, TrackRequest};
use crate::components::{Button, DateInput, ErrorSummary, Input, Layout};
use crate::forms::{
    check_on_submit_with, field_id, field_name, mark_enhanced, page_title, today, FieldErrors,
};
use crate::pages::loaded::with_loaded;

const TITLE: &str = "Check the progress of a request";

#[component]
pub fn TrackLookupPage() -> impl IntoView {
    with_loaded(load_track, |state| {
        let title = page_title(TITLE, !state.errors.is_empty());
        view! {
            <Layout title=title back="/">
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <TrackLookup form=state.form errors=state.errors/>
                    </div>
                </div>
            </Layout>
        }
    })
}

#[island]
fn TrackLookup(form: TrackForm, errors: FieldErrors) -> impl IntoView {
    let errors = RwSignal::new(errors);
    let node = NodeRef::new();
    mark_enhanced(node);
    let check = check_on_submit_with(errors, |answers| {
        let posted: TrackForm = serde_json::from_value(answers).ok()?;
        Some(posted.problems(today()))
    });
    let error =
        move |field: &'static str| Signal::derive(move || errors.with(|e| e.message_for(field)));
    let dob = form.date_of_birth;
    view! {
        <ErrorSummary errors=errors/>
        <h1 class="govuk-heading-l">{TITLE}</h1>
        <p class="govuk-body">
            "You can check a request for an assessment, or a carer's assessment, if you sent it or the person named you as someone who can follow it."
        </p>
        <form node_ref=node method="post" action=TrackRequest::url() novalidate on:submit=check>
            <Input
                name=field_name("reference") id=field_id("reference") label="Reference"
                hint="This is on the confirmation page and in the email we sent. For example, ASC-7K3M-9QX2-HD4P"
                spellcheck=false autocomplete="off" classes="govuk-input--width-20" error=error("reference")
            />
            <DateInput
                name=field_name("date_of_birth") id=field_id("date_of_birth")
                legend="Date of birth of the person the request is for" hint="For example, 27 3 1950"
                day=dob.day month=dob.month year=dob.year error=error("date_of_birth")
            />
            <Button text="Check progress"/>
        </form>
    }
}
