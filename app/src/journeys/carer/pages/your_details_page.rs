//! "Change your details or leave the register": a registered carer opens their own
//! registration with their reference and date of birth (the same protections as progress
//! lookups), then the one-time code sent to their email; then "Leave the register" asks
//! first, and says when it is done.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::{Button, ButtonKind, DateInput, Input, Layout};
use crate::forms::{field_id, field_name, page_title};
use crate::journeys::carer::flow::CarerPage;
use crate::journeys::carer::flow::{CHECK_PATH, LEAVE_PATH};
use crate::journeys::carer::one_time_code::{load_code, SubmitCode};
use crate::journeys::carer::{load_carer_page, load_open, OpenRegistration, WithdrawRegistration};
use crate::journeys::question_form::{Checker, QuestionForm};
use crate::pages::loaded::with_loaded;

const TITLE: &str = "Change your details or leave the carers' register";

#[component]
pub fn YourDetailsPage() -> impl IntoView {
    with_loaded(load_open, |state| {
        let title = page_title(TITLE, !state.errors.is_empty());
        let dob = state.form.date_of_birth.clone();
        let errors = state.errors.clone();
        view! {
            <Layout title=title back={crate::journeys::carer::flow::BASE}>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <h1 class="govuk-heading-l">{TITLE}</h1>
                        <p class="govuk-body">"Use the reference on your carer's card, and your date of birth."</p>
                        <QuestionForm checker=Checker::Server action=OpenRegistration::url() errors=state.errors.clone()>
                            <Input
                                name=field_name("reference") id=field_id("reference") label="Carer reference"
                                hint="For example, CAR-7K3M-9QX2-HD4P" spellcheck=false autocomplete="off"
                                classes="govuk-input--width-20" error=errors.message_for("reference")
                            />
                            <DateInput
                                name=field_name("date_of_birth") id=field_id("date_of_birth") legend="Your date of birth"
                                hint="For example, 27 3 1970" bday=true
                                day=dob.day month=dob.month year=dob.year error=errors.message_for("date_of_birth")
                            />
                            <Button text="Continue"/>
                        </QuestionForm>
                    </div>
                </div>
            </Layout>
        }
    })
}

/// "Enter the code we sent you": the second step of opening a registration.
#[component]
pub fn EnterCodePage() -> impl IntoView {
    use crate::journeys::carer::flow::YOUR_DETAILS_PATH;
    let care_line = || {
        view! {
            <p class="govuk-body">
                "Call the Care Line on " <a class="govuk-link" href=crate::council::care_line_tel()>{crate::council::CARE_LINE_PHONE}</a>
                " (" {crate::council::CARE_LINE_HOURS} ")."
            </p>
        }
    };
    with_loaded(load_code, move |state| {
        if state.no_email {
            let title = "We cannot send you a code";
            return view! {
                <Layout title=title back=YOUR_DETAILS_PATH>
                    <h1 class="govuk-heading-l">{title}</h1>
                    <p class="govuk-body">"Your registration has no email address, so we cannot send you a code to change your details or leave the register online."</p>
                    <p class="govuk-body">"To change your details or leave the register:"</p>
                    {care_line()}
                </Layout>
            }
            .into_any();
        }
        if state.start_again && state.errors.is_empty() {
            let title = "Start again";
            return view! {
                <Layout title=title back=YOUR_DETAILS_PATH>
                    <h1 class="govuk-heading-l">{title}</h1>
                    <p class="govuk-body"><a class="govuk-link" href=YOUR_DETAILS_PATH>"Enter your reference and date of birth"</a>" to get a code."</p>
                </Layout>
            }
            .into_any();
        }
        let heading = "Enter the code we sent you";
        let title = page_title(heading, !state.errors.is_empty());
        let errors = state.errors.clone();
        let sent_to = state
            .sent_to
            .clone()
            .unwrap_or_else(|| "your email address".to_owned());
        let summary_errors = errors.clone();
        let form = (!state.start_again).then(|| {
            view! {
                <QuestionForm checker=Checker::Server action=SubmitCode::url() errors=errors.clone()>
                    <Input
                        name=field_name("code") id=field_id("code") label="Code"
                        hint="6 numbers, for example 482019" spellcheck=false autocomplete="one-time-code"
                        inputmode="numeric" classes="govuk-input--width-5" error=errors.message_for("code")
                    />
                    <Button text="Continue"/>
                </QuestionForm>
            }
        });
        view! {
            <Layout title=title back=YOUR_DETAILS_PATH>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <h1 class="govuk-heading-l">{heading}</h1>
                        {if state.start_again {
                            view! {
                                <crate::components::ErrorSummary errors=Signal::stored(summary_errors)/>
                                <p class="govuk-body"><a class="govuk-link" href=YOUR_DETAILS_PATH>"Start again"</a></p>
                            }.into_any()
                        } else {
                            view! {
                                <p class="govuk-body">"We have sent a code to " <strong>{sent_to}</strong> ". It works for 15 minutes."</p>
                            }.into_any()
                        }}
                        {form}
                        <h2 class="govuk-heading-s">"The email has not arrived?"</h2>
                        <p class="govuk-body">"Check your spam or junk folder, or "<a class="govuk-link" href=YOUR_DETAILS_PATH>"start again to get a new code"</a>". If you no longer use that email address:"</p>
                        {care_line()}
                    </div>
                </div>
            </Layout>
        }
        .into_any()
    })
}

#[component]
pub fn LeavePage() -> impl IntoView {
    with_loaded(
        || load_carer_page(CarerPage::CheckAnswers),
        |state| {
            match state.draft.updating {
            None => view! {
                <Layout title="Open your registration first" back={crate::journeys::carer::flow::BASE}>
                    <h1 class="govuk-heading-l">"Open your registration first"</h1>
                    <p class="govuk-body"><a class="govuk-link" href=crate::journeys::carer::flow::YOUR_DETAILS_PATH>"Change your details or leave the register"</a></p>
                </Layout>
            }
            .into_any(),
            Some(_) => view! {
                <Layout title="Are you sure you want to leave the carers' register?" back=CHECK_PATH>
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            <h1 class="govuk-heading-l">"Are you sure you want to leave the carers' register?"</h1>
                            <p class="govuk-body">
                                "We will delete your details, the people you look after and your emergency plan straight away. "
                                "Your carer's card will stop working. We keep only the reference and the dates, with no names, for our records."
                            </p>
                            <form method="post" action=WithdrawRegistration::url()>
                                <Button text="Yes, leave the register" kind=ButtonKind::Warning/>
                            </form>
                            <p class="govuk-body"><a class="govuk-link" href=CHECK_PATH>"No, go back"</a></p>
                        </div>
                    </div>
                </Layout>
            }
            .into_any(),
        }
        },
    )
}

#[component]
pub fn LeftPage() -> impl IntoView {
    view! {
        <Layout title="You have left the carers' register">
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-l">"You have left the carers' register"</h1>
                    <p class="govuk-body">"We have deleted your details. You can join again at any time."</p>
                    <p class="govuk-body"><a class="govuk-link" href="/information-and-advice/support-for-carers">"Support for carers"</a></p>
                </div>
            </div>
        </Layout>
    }
}

/// Shown under the check answers page when changing an existing registration.
pub fn leave_link() -> impl IntoView {
    view! { <p class="govuk-body"><a class="govuk-link" href=LEAVE_PATH>"Leave the carers' register"</a></p> }
}
