//! "Save and come back later" and "Return to a saved request".
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::{Button, ErrorSummary, Input, Layout, Panel, WarningText};
use crate::forms::{field_id, field_name, page_title};
use crate::journeys::referral::saved::{
    load_return_state, load_save_state, ReturnToSaved, SaveForLater,
};
use crate::pages::loaded::with_loaded;

#[component]
pub fn SaveForLaterPage() -> impl IntoView {
    with_loaded(load_save_state, |state| {
        let body = match state.saved {
            Some(saved) => view! {
                <Panel title="Your answers are saved">
                    "Your code is" <br/> <strong class="app-reference">{saved.code}</strong>
                </Panel>
                <p class="govuk-body">"Write the code down and keep it safe. It works until " {saved.until} "."</p>
                <p class="govuk-body">
                    "To carry on, go to " <a class="govuk-link" href={crate::journeys::referral::saved::RETURN_PATH}>"return to a saved request"</a>
                    " and enter the code. Your request has not been sent yet."
                </p>
                <WarningText>
                    "We do not email the code. If someone else can read your email or messages and you do not want them to know, do not send it to yourself."
                </WarningText>
            }
            .into_any(),
            None if state.has_answers => view! {
                <h1 class="govuk-heading-l">"Save and come back later"</h1>
                <p class="govuk-body">
                    "We will give you a code. You can use it to come back to your answers for " {state.days} " days."
                </p>
                <WarningText>
                    "We show the code on screen only. We do not email it, because email may not be safe if someone else can read it."
                </WarningText>
                <form method="post" action=SaveForLater::url() novalidate>
                    <Button text="Save my answers"/>
                </form>
            }
            .into_any(),
            None => view! {
                <h1 class="govuk-heading-l">"Save and come back later"</h1>
                <p class="govuk-body">
                    "There are no answers to save yet. "
                    <a class="govuk-link" href={crate::journeys::referral::flow::BASE}>"Start a request"</a> "."
                </p>
            }
            .into_any(),
        };
        view! {
            <Layout title="Save and come back later" back={crate::journeys::referral::flow::CHECK_PATH}>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">{body}</div>
                </div>
            </Layout>
        }
    })
}

const RETURN_TITLE: &str = "Return to a saved request";

#[component]
pub fn ReturnToSavedPage() -> impl IntoView {
    with_loaded(load_return_state, |errors| {
        let title = page_title(RETURN_TITLE, !errors.is_empty());
        let message = errors.message_for("code");
        view! {
            <Layout title=title back={crate::journeys::referral::flow::BASE}>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <ErrorSummary errors=Signal::stored(errors)/>
                        <form method="post" action=ReturnToSaved::url() novalidate>
                            <Input
                                name=field_name("code") id=field_id("code") label=RETURN_TITLE
                                label_size=crate::components::HeadingSize::L is_page_heading=true
                                hint="Enter the code we showed you when you saved your answers, for example RTN-7K3M-9QX2-HD4P"
                                spellcheck=false autocomplete="off" classes="govuk-input--width-20"
                                error=message
                            />
                            <Button text="Continue"/>
                        </form>
                    </div>
                </div>
            </Layout>
        }
    })
}
