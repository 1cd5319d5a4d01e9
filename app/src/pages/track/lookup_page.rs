//! The lookup form: the reference and the date of birth of the person the request is for.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::track::{load_track, TrackForm, TrackRequest};
use crate::components::{Button, DateInput, Input, Layout};
use crate::forms::{field_id, field_name, page_title, FieldErrors};
use crate::journeys::question_form::{Checker, QuestionForm};
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
                        <h1 class="govuk-heading-l">{TITLE}</h1>
                        <p class="govuk-body">
                            "You can check a request for an assessment, or a carer's assessment, if you sent it or the person named you as someone who can follow it. "
                            "You can check a concern you reported about an adult if you gave us your date of birth."
                        </p>
                        <QuestionForm checker=Checker::Track action=TrackRequest::url() errors=state.errors.clone()>
                            {track_fields(state.form, &state.errors)}
                        </QuestionForm>
                    </div>
                </div>
            </Layout>
        }
    })
}

fn track_fields(form: TrackForm, errors: &FieldErrors) -> impl IntoView {
    let dob = form.date_of_birth;
    view! {
        <Input
            name=field_name("reference") id=field_id("reference") label="Reference"
            hint="This is on the confirmation page and in the email we sent. For example, ASC-7K3M-9QX2-HD4P"
            spellcheck=false autocomplete="off" classes="govuk-input--width-20" error=errors.message_for("reference")
        />
        <DateInput
            name=field_name("date_of_birth") id=field_id("date_of_birth")
            legend="Date of birth of the person the request is for"
            hint="If you reported a concern about an adult, give your own date of birth. For example, 27 3 1950"
            day=dob.day month=dob.month year=dob.year error=errors.message_for("date_of_birth")
        />
        <Button text="Check progress"/>
    }
}
