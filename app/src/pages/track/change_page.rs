//! "Tell us something has changed": what has changed while the person waits, and whether
//! things are more urgent now, for the request this browser session looked up.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::track::{load_change, TellWhatChanged, LOOKUP_PATH, PROGRESS_PATH};
use crate::components::{Button, Choice, HeadingSize, Layout, Radios, Textarea, WarningText};
use crate::council::CARE_LINE_PHONE;
use crate::forms::{field_id, field_name, page_title};
use crate::journeys::question_form::{Checker, QuestionForm};
use crate::pages::loaded::with_loaded;

const TITLE: &str = "Tell us something has changed";

#[component]
pub fn TrackChangePage() -> impl IntoView {
    with_loaded(load_change, |state| {
        let Some(reference) = state.reference else {
            return view! {
                <Layout title=TITLE back=LOOKUP_PATH>
                    <h1 class="govuk-heading-l">{TITLE}</h1>
                    <p class="govuk-body">
                        <a class="govuk-link" href=LOOKUP_PATH>"Find the request with its reference and date of birth"</a>
                        " first. You can tell us about changes to a request that is still open."
                    </p>
                </Layout>
            }
            .into_any();
        };
        let title = page_title(TITLE, !state.errors.is_empty());
        let what_error = state.errors.message_for("what_changed");
        let urgent_error = state.errors.message_for("more_urgent");
        let urgent = (!state.form.more_urgent.is_empty()).then(|| state.form.more_urgent.clone());
        view! {
            <Layout title=title back=PROGRESS_PATH>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <span class="govuk-caption-l">{reference}</span>
                        <h1 class="govuk-heading-l">{TITLE}</h1>
                        <WarningText>"If someone is in danger now, call 999."</WarningText>
                        <QuestionForm checker=Checker::Server action=TellWhatChanged::url() errors=state.errors.clone()>
                            <Textarea
                                name=field_name("what_changed") id=field_id("what_changed") label="What has changed?"
                                label_size=HeadingSize::M
                                hint="For example, a fall, a stay in hospital, or someone who helped who no longer can. You can write up to 1,200 characters."
                                value=state.form.what_changed.clone() rows=6 error=what_error
                            />
                            <Radios
                                name=field_name("more_urgent") id=field_id("more_urgent")
                                legend="Is help needed more urgently now?" legend_size=HeadingSize::M inline=true
                                items=vec![Choice::new("yes", "Yes"), Choice::new("no", "No")]
                                selected=urgent error=urgent_error
                            />
                            <Button text="Send"/>
                        </QuestionForm>
                        <p class="govuk-body">{format!("You can also call the Care Line on {CARE_LINE_PHONE}.")}</p>
                    </div>
                </div>
            </Layout>
        }
        .into_any()
    })
}
