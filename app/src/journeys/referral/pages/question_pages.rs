//! Every question page of the request (`/request-an-assessment/:page`), with "Save and come
//! back later" below the form.
//!
//! The fields of each question page, named after the request's field paths (so an error
//! links to its input) and filled from the draft.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::{
    Checkboxes, Choice, DateInput, Fieldset, HeadingSize, Input, Radios, Textarea,
};
use crate::domain::communication::{FORMATS, INTERPRETERS};
use crate::domain::outcomes::ADULT_OUTCOMES;
use crate::domain::referral::{Tracker, POWER_OF_ATTORNEY, PREFERRED_CONTACT, URGENT_REASONS};
use crate::forms::{field_id, field_name, FieldErrors};
use crate::journeys::flow::Journey;
use crate::journeys::question_route::{question_route, QuestionParts};
use crate::journeys::referral::flow::{ReferralDraft, ReferralPage, WEB_TRACKERS};
use crate::journeys::referral::saved::SAVE_PATH;
use crate::journeys::referral::{load_referral, SaveReferralAnswer};

#[component]
pub fn ReferralQuestionPage() -> impl IntoView {
    question_route(load_referral, SaveReferralAnswer::url(), |page, state| {
        let save_link = view! {
            <p class="govuk-body">
                <a class="govuk-link" href=SAVE_PATH>"Save and come back later"</a>
            </p>
        };
        QuestionParts {
            after: Some(save_link.into_any()),
            ..QuestionParts::new(question_fields(page, &state.draft, &state.errors))
        }
    })
}

pub fn question_fields(page: ReferralPage, draft: &ReferralDraft, errors: &FieldErrors) -> AnyView {
    let all_errors = errors.clone();
    let error = move |field: &str| all_errors.message_for(field);
    let question = page.question(draft).into_owned();
    let heading = view! { <h1 class="govuk-heading-l">{question.clone()}</h1> };
    let request = &draft.request;
    let person = &request.person;
    let for_self = !request.is_for_someone_else();
    let they = if for_self { "you" } else { "they" };
    // The browser may fill in the person's own details, never someone else's with theirs.
    let autofill = move |token: &str| {
        if for_self {
            token.to_owned()
        } else {
            "off".to_owned()
        }
    };
    match page {
        ReferralPage::WhoIsItFor => view! {
            <Radios
                name=field_name("for") id=field_id("for") legend=question is_page_heading=true
                items=vec![Choice::new("self", "Me"), Choice::new("someone_else", "Someone else")]
                selected=(!request.for_whom.is_empty()).then(|| request.for_whom.clone())
                error=error("for")
            />
        }
        .into_any(),
        ReferralPage::AboutYou => {
            let referrer = request.referrer.clone().unwrap_or_default();
            view! {
                {heading}
                <Input name=field_name("referrer.given_name") id=field_id("referrer.given_name") label="Your first name" value=referrer.given_name autocomplete="given-name" spellcheck=false error=error("referrer.given_name")/>
                <Input name=field_name("referrer.family_name") id=field_id("referrer.family_name") label="Your last name" value=referrer.family_name autocomplete="family-name" spellcheck=false error=error("referrer.family_name")/>
                <Input name=field_name("referrer.relationship") id=field_id("referrer.relationship") label="How do you know them?" hint="For example, daughter, neighbour or friend" value=referrer.relationship error=error("referrer.relationship")/>
                <Input name=field_name("referrer.phone") id=field_id("referrer.phone") label="Your phone number" hint="Give a phone number, an email address or both" value=referrer.phone input_type="tel" autocomplete="tel" classes="govuk-input--width-20" error=error("referrer.phone")/>
                <Input name=field_name("referrer.email") id=field_id("referrer.email") label="Your email address" value=referrer.email input_type="email" autocomplete="email" spellcheck=false error=error("referrer.email")/>
            }
            .into_any()
        }
        ReferralPage::TheirAgreement => {
            let agrees = request.consent.person_agrees.map(|a| if a { "yes".to_owned() } else { "no".to_owned() });
            view! {
                <Radios
                    name=field_name("consent.person_agrees") id=field_id("consent.person_agrees") legend=question is_page_heading=true
                    hint="We need their agreement unless they cannot give it, for example because they do not have the mental capacity to decide."
                    items=vec![Choice::new("yes", "Yes, they agree"), Choice::new("no", "No, they cannot agree")]
                    selected=agrees error=error("consent.person_agrees")
                />
                <Textarea
                    name=field_name("consent.reason_without_consent") id=field_id("consent.reason_without_consent")
                    label="If they cannot agree, tell us why" value=request.consent.reason_without_consent.clone() rows=3
                    error=error("consent.reason_without_consent")
                />
            }
            .into_any()
        }
        ReferralPage::Name => view! {
            {heading}
            <Input name=field_name("person.given_name") id=field_id("person.given_name") label="First name" value=person.given_name.clone() autocomplete=autofill("given-name") spellcheck=false error=error("person.given_name")/>
            <Input name=field_name("person.family_name") id=field_id("person.family_name") label="Last name" value=person.family_name.clone() autocomplete=autofill("family-name") spellcheck=false error=error("person.family_name")/>
        }
        .into_any(),
        ReferralPage::DateOfBirth => view! {
            <DateInput
                name=field_name("person.date_of_birth") id=field_id("person.date_of_birth") legend=question is_page_heading=true
                hint="For example, 27 3 1950"
                day=draft.date_of_birth.day.clone() month=draft.date_of_birth.month.clone() year=draft.date_of_birth.year.clone()
                bday=for_self error=error("person.date_of_birth")
            />
        }
        .into_any(),
        ReferralPage::Address => {
            let person = person.clone();
            view! {
            <Fieldset legend=question size=HeadingSize::L is_page_heading=true>
                <Input name=field_name("person.address_line_1") id=field_id("person.address_line_1") label="Address line 1" value=person.address_line_1.clone() autocomplete=autofill("address-line1") error=error("person.address_line_1")/>
                <Input name=field_name("person.address_line_2") id=field_id("person.address_line_2") label="Address line 2 (optional)" value=person.address_line_2.clone() autocomplete=autofill("address-line2") error=error("person.address_line_2")/>
                <Input name=field_name("person.town") id=field_id("person.town") label="Town or city" value=person.town.clone() autocomplete=autofill("address-level2") classes="govuk-!-width-two-thirds" error=error("person.town")/>
                <Input name=field_name("person.postcode") id=field_id("person.postcode") label="Postcode" value=person.postcode.clone() autocomplete=autofill("postal-code") classes="govuk-input--width-10" error=error("person.postcode")/>
            </Fieldset>
        }
        .into_any()
        }
        ReferralPage::Contact => {
            let items = PREFERRED_CONTACT.iter().map(|(code, label)| Choice::new(*code, *label)).collect();
            view! {
                {heading}
                <Input name=field_name("person.phone") id=field_id("person.phone") label="Phone number (optional)" value=person.phone.clone() input_type="tel" autocomplete=autofill("tel") classes="govuk-input--width-20" error=error("person.phone")/>
                <Input name=field_name("person.email") id=field_id("person.email") label="Email address (optional)" value=person.email.clone() input_type="email" autocomplete=autofill("email") spellcheck=false error=error("person.email")/>
                <Radios
                    name=field_name("person.preferred_contact") id=field_id("person.preferred_contact")
                    legend=format!("How would {they} like us to contact {}?", if for_self { "you" } else { "them" }) legend_size=HeadingSize::M
                    items=items selected=(!person.preferred_contact.is_empty()).then(|| person.preferred_contact.clone())
                    error=error("person.preferred_contact")
                />
            }
            .into_any()
        }
        ReferralPage::Language => {
            let interpreters = std::iter::once(Choice::new("no", "No"))
                .chain(INTERPRETERS.iter().map(|(code, words)| Choice::new(*code, format!("Yes, a{}", &words[1..]))))
                .collect();
            let formats = FORMATS.iter().map(|(code, words)| Choice::new(*code, *words)).collect();
            let needs = &person.communication_needs;
            view! {
                {heading}
                <Input name=field_name("person.language") id=field_id("person.language") label=format!("What language would {they} like us to use? (optional)") hint="For example, English, Polish or British Sign Language" value=person.language.clone() error=error("person.language")/>
                <Radios
                    name=field_name("person.interpreter_needed") id=field_id("person.communication_needs.interpreter")
                    legend=format!("Do {they} need an interpreter? (optional)") legend_size=HeadingSize::M
                    items=interpreters
                    selected=(!draft.interpreter_answer.is_empty()).then(|| draft.interpreter_answer.clone())
                    error=error("person.communication_needs.interpreter")
                />
                <Checkboxes
                    name=field_name("person.formats") id=field_id("person.communication_needs.formats") keyed=true
                    legend=format!("Do {they} need information in another format? (optional)") legend_size=HeadingSize::M
                    hint="Select all that apply."
                    items=formats selected=needs.formats.clone() error=error("person.communication_needs.formats")
                />
                <Textarea name=field_name("person.communication_needs") id=field_id("person.communication_needs") label="Anything else that helps us communicate (optional)" hint="For example, someone to be with them when we call, or the best time to call" value=needs.support.clone() rows=3 error=error("person.communication_needs")/>
            }
            .into_any()
        }
        ReferralPage::DailyTasks => {
            let items = ADULT_OUTCOMES.iter().map(|o| Choice::new(o.code, o.label)).collect();
            view! {
                <Checkboxes
                    name=field_name("needs.outcomes") id=field_id("needs.outcomes") legend=question is_page_heading=true keyed=true
                    hint="Select all that apply. Leave them all unticked if you are not sure."
                    items=items selected=request.needs.outcomes.clone() error=error("needs.outcomes")
                />
            }
            .into_any()
        }
        ReferralPage::HelpNeeded => view! {
            {heading}
            <Textarea name=field_name("needs.summary") id=field_id("needs.summary") label="Tell us what is happening and what help is needed" hint="For example, what has changed recently, what is hard, and who helps now. You can write up to 1,200 characters." value=request.needs.summary.clone() rows=6 error=error("needs.summary")/>
            <Textarea name=field_name("needs.what_matters") id=field_id("needs.what_matters") label="What matters most to them? (optional)" hint="For example, staying at home, seeing friends, or keeping a pet" value=request.needs.what_matters.clone() rows=4 error=error("needs.what_matters")/>
        }
        .into_any(),
        ReferralPage::Urgent => {
            let items = URGENT_REASONS.iter().map(|(code, label)| Choice::new(*code, *label)).collect();
            view! {
                <Checkboxes
                    name=field_name("needs.urgent") id=field_id("needs.urgent") legend=question is_page_heading=true keyed=true
                    hint="Select all that apply. We look at urgent requests first. If someone is in immediate danger, call 999."
                    items=items selected=request.needs.urgent.clone() error=error("needs.urgent")
                />
            }
            .into_any()
        }
        ReferralPage::PeopleInvolved => {
            let items = POWER_OF_ATTORNEY.iter().map(|(code, label)| Choice::new(*code, *label)).collect();
            let involved = &request.involved;
            view! {
                {heading}
                <Textarea name=field_name("involved.carers_and_family") id=field_id("involved.carers_and_family") label="Carers, family or friends who help (optional)" hint="Their names and how they help" value=involved.carers_and_family.clone() rows=3 error=error("involved.carers_and_family")/>
                <Input name=field_name("involved.gp") id=field_id("involved.gp") label="GP surgery (optional)" value=involved.gp.clone() error=error("involved.gp")/>
                <Radios
                    name=field_name("involved.power_of_attorney") id=field_id("involved.power_of_attorney")
                    legend="Does anyone have lasting power of attorney? (optional)" legend_size=HeadingSize::M
                    items=items selected=(!involved.power_of_attorney.is_empty()).then(|| involved.power_of_attorney.clone())
                    error=error("involved.power_of_attorney")
                />
            }
            .into_any()
        }
        ReferralPage::WhoCanFollow => {
            let slots = (0..WEB_TRACKERS)
                .map(|i| {
                    let tracker = request.trackers.get(i).cloned().unwrap_or_default();
                    tracker_fields(i, tracker, &errors)
                })
                .collect_view();
            view! {
                {heading}
                <p class="govuk-body">
                    "You can name up to 2 people who may check the progress of this request, such as a family member. "
                    "They will need the reference and the date of birth of the person the request is for. They will not see the answers."
                </p>
                {slots}
            }
            .into_any()
        }
        ReferralPage::CheckAnswers => ().into_any(),
    }
}

fn tracker_fields(index: usize, tracker: Tracker, errors: &FieldErrors) -> impl IntoView {
    let path = move |field: &str| format!("trackers.{index}.{field}");
    let errors = errors.clone();
    let error = move |field: &str| errors.message_for(&path(field));
    view! {
        <Fieldset legend=format!("Person {}", index + 1) size=HeadingSize::M>
            <Input name=field_name(&path("name")) id=field_id(&path("name")) label="Full name" value=tracker.name spellcheck=false error=error("name")/>
            <Input name=field_name(&path("relationship")) id=field_id(&path("relationship")) label="How do they know the person?" hint="For example, son or neighbour" value=tracker.relationship error=error("relationship")/>
            <Input name=field_name(&path("email")) id=field_id(&path("email")) label="Email address" hint="Give an email address, a phone number or both" value=tracker.email input_type="email" spellcheck=false error=error("email")/>
            <Input name=field_name(&path("phone")) id=field_id(&path("phone")) label="Phone number" value=tracker.phone input_type="tel" classes="govuk-input--width-20" error=error("phone")/>
        </Fieldset>
    }
}
