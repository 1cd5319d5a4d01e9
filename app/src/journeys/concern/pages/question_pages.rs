//! Every question page of the report (`/report-a-concern/:page`), with "Exit this page" and
//! the rules checked in the browser.
//!
//! The fields of each question page, named after the request's field paths (so an error
//! links to its input) and filled from the draft. The adult's details never autofill from
//! the browser: they are someone else's.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::{
    Choice, DateInput, Fieldset, HeadingSize, Input, InsetText, Radios, Textarea,
};
use crate::domain::concern::PERSON_KNOWS;
use crate::forms::{field_id, field_name, FieldErrors};
use crate::journeys::concern::flow::{ConcernDraft, ConcernPage};
use crate::journeys::concern::{load_concern, SaveConcernAnswer};
use crate::journeys::flow::Journey;
use crate::journeys::question_form::Checker;
use crate::journeys::question_route::{question_route, QuestionParts};

#[component]
pub fn ConcernQuestionPage() -> impl IntoView {
    question_route(load_concern, SaveConcernAnswer::url(), |page, state| {
        QuestionParts {
            checker: Checker::Concern { page },
            exit_page: true,
            ..QuestionParts::new(question_fields(page, &state.draft, &state.errors))
        }
    })
}

pub fn question_fields(page: ConcernPage, draft: &ConcernDraft, errors: &FieldErrors) -> AnyView {
    let all_errors = errors.clone();
    let error = move |field: &str| all_errors.message_for(field);
    let question = page.question(draft).into_owned();
    let person = draft.request.person.clone();
    let concern = draft.concern();
    match page {
        ConcernPage::WhoIsAtRisk => view! {
            <h1 class="govuk-heading-l">{question}</h1>
            <Input name=field_name("person.given_name") id=field_id("person.given_name") label="Their first name" hint="If you do not know it, tell us what people call them" value=person.given_name autocomplete="off" spellcheck=false error=error("person.given_name")/>
            <Input name=field_name("person.family_name") id=field_id("person.family_name") label="Their last name (optional)" value=person.family_name autocomplete="off" spellcheck=false error=error("person.family_name")/>
            <Input name=field_name("concern.approximate_age") id=field_id("concern.approximate_age") label="About how old are they? (optional)" hint="For example, 80, or ‘in their 70s’" value=concern.approximate_age classes="govuk-input--width-10" error=error("concern.approximate_age")/>
        }
        .into_any(),
        ConcernPage::WhereAreThey => view! {
            <Fieldset legend=question size=HeadingSize::L is_page_heading=true>
                <p class="govuk-body">"Give their home address, or tell us where they can be found, such as the name of a care home."</p>
                <Input name=field_name("person.address_line_1") id=field_id("person.address_line_1") label="Address line 1, or where they are" value=person.address_line_1 autocomplete="off" error=error("person.address_line_1")/>
                <Input name=field_name("person.address_line_2") id=field_id("person.address_line_2") label="Address line 2 (optional)" value=person.address_line_2 autocomplete="off" error=error("person.address_line_2")/>
                <Input name=field_name("person.town") id=field_id("person.town") label="Town or city" value=person.town autocomplete="off" classes="govuk-!-width-two-thirds" error=error("person.town")/>
                <Input name=field_name("person.postcode") id=field_id("person.postcode") label="Postcode (optional)" value=person.postcode autocomplete="off" classes="govuk-input--width-10" error=error("person.postcode")/>
            </Fieldset>
        }
        .into_any(),
        ConcernPage::WhatHappened => view! {
            <h1 class="govuk-heading-l">{question}</h1>
            <Textarea name=field_name("concern.what_happened") id=field_id("concern.what_happened") label="Tell us what you saw, heard or were told, and why you are worried" hint="You can write up to 1,200 characters." value=concern.what_happened rows=8 error=error("concern.what_happened")/>
            <Input name=field_name("concern.when_it_happened") id=field_id("concern.when_it_happened") label="When did it happen? (optional)" hint="For example, last night, or it has been going on for months" value=concern.when_it_happened error=error("concern.when_it_happened")/>
            <Textarea name=field_name("concern.who_is_causing_harm") id=field_id("concern.who_is_causing_harm") label="Who do you think is causing harm? (optional)" hint="Their name, or how they know the person, if you know" value=concern.who_is_causing_harm rows=3 error=error("concern.who_is_causing_harm")/>
        }
        .into_any(),
        ConcernPage::DoTheyKnow => {
            let items = PERSON_KNOWS.iter().map(|(code, label)| Choice::new(*code, *label)).collect();
            view! {
                <Radios
                    name=field_name("concern.person_knows") id=field_id("concern.person_knows") legend=question is_page_heading=true
                    hint="You do not need their agreement to tell us. It helps us to know how to contact them safely."
                    items=items selected=(!concern.person_knows.is_empty()).then(|| concern.person_knows.clone())
                    error=error("concern.person_knows")
                />
            }
            .into_any()
        }
        ConcernPage::GiveDetails => view! {
            <Radios
                name=field_name("give_details") id=field_id("give_details") legend=question is_page_heading=true
                hint="You can tell us without giving your name. If you give your details, we can contact you to find out more."
                items=vec![Choice::new("yes", "Yes, I will give my details"), Choice::new("no", "No, I want to stay anonymous")]
                selected=(!draft.give_details.is_empty()).then(|| draft.give_details.clone())
                error=error("give_details")
            />
        }
        .into_any(),
        ConcernPage::YourDetails => {
            let reporter = draft.request.referrer.clone().unwrap_or_default();
            let dob = draft.reporter_date_of_birth.clone();
            view! {
                <h1 class="govuk-heading-l">{question}</h1>
                <Input name=field_name("referrer.given_name") id=field_id("referrer.given_name") label="Your first name" value=reporter.given_name autocomplete="given-name" spellcheck=false error=error("referrer.given_name")/>
                <Input name=field_name("referrer.family_name") id=field_id("referrer.family_name") label="Your last name" value=reporter.family_name autocomplete="family-name" spellcheck=false error=error("referrer.family_name")/>
                <Input name=field_name("referrer.relationship") id=field_id("referrer.relationship") label="How do you know them?" hint="For example, neighbour, friend, carer, or ‘it is me’" value=reporter.relationship error=error("referrer.relationship")/>
                <Input name=field_name("referrer.phone") id=field_id("referrer.phone") label="Your phone number" hint="Give a phone number, an email address or both" value=reporter.phone input_type="tel" autocomplete="tel" classes="govuk-input--width-20" error=error("referrer.phone")/>
                <Input name=field_name("referrer.email") id=field_id("referrer.email") label="Your email address" value=reporter.email input_type="email" autocomplete="email" spellcheck=false error=error("referrer.email")/>
                <InsetText>
                    "To check what is happening with your report later, give your date of birth. "
                    "You will need it with the reference. We will not tell you the details of what we do, only how far it has got."
                </InsetText>
                <DateInput
                    name=field_name("referrer.date_of_birth") id=field_id("referrer.date_of_birth") legend="Your date of birth (optional)" legend_size=HeadingSize::M
                    hint="For example, 27 3 1980"
                    day=dob.day month=dob.month year=dob.year bday=true error=error("referrer.date_of_birth")
                />
            }
            .into_any()
        }
        ConcernPage::CheckAnswers => ().into_any(),
    }
}
