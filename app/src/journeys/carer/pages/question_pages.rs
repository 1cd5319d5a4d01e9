//! Every question page of the registration (`/register-as-a-carer/:page`).
//!
//! The fields of each question page, named so each error links to its input, filled from
//! the draft.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::{
    Checkboxes, Choice, DateInput, Fieldset, HeadingSize, Input, Radios, SummaryAction,
    SummaryList, SummaryRow, Textarea, WarningText,
};
use crate::domain::carer::{
    CaredFor, EmergencyContact, Keyholder, AFFECTS, KEEP_CARING, TASKS, WHEN,
};
use crate::domain::referral::PREFERRED_CONTACT;
use crate::forms::{field_id, field_name, FieldErrors};
use crate::journeys::carer::flow::{CarerDraft, CarerPage};
use crate::journeys::carer::{load_carer_page, SaveCarerAnswer};
use crate::journeys::flow::Journey;
use crate::journeys::question_route::{question_route, selected, QuestionParts};

use CarerPage as P;

#[component]
pub fn CarerQuestionPage() -> impl IntoView {
    question_route(load_carer_page, SaveCarerAnswer::url(), |page, state| {
        QuestionParts::new(question_fields(page, &state.draft, &state.errors))
    })
}

pub fn question_fields(page: CarerPage, draft: &CarerDraft, errors: &FieldErrors) -> AnyView {
    let all = errors.clone();
    let error = move |field: &str| all.message_for(field);
    let question = page.question(draft).into_owned();
    let heading = view! { <h1 class="govuk-heading-l">{question.clone()}</h1> };
    let c = draft.registration.carer.clone();
    // A text box named `form[name]` whose errors are the domain's `field`.
    let text = |name: &str, field: &str, label: &str, value: &str, autocomplete: &str| {
        view! {
            <Input
                name=field_name(name) id=field_id(field) label=label.to_owned() value=value.to_owned()
                autocomplete=autocomplete.to_owned() error=error(field)
            />
        }
    };
    match page {
        P::Adult => view! {
            <Radios
                name=field_name("adult") id=field_id("adult") legend=question is_page_heading=true
                items=vec![Choice::new("yes", "Yes"), Choice::new("no", "No")]
                selected=selected(&draft.adult) error=error("adult")
            />
        }
        .into_any(),
        P::Name => view! {
            {heading}
            {text("carer.given_name", "carer.given_name", "First name", &c.given_name, "given-name")}
            {text("carer.family_name", "carer.family_name", "Last name", &c.family_name, "family-name")}
        }
        .into_any(),
        P::DateOfBirth => view! {
            <DateInput
                name=field_name("date_of_birth") id=field_id("carer.date_of_birth") legend=question is_page_heading=true
                hint="For example, 27 3 1970" bday=true
                day=draft.date_of_birth.day.clone() month=draft.date_of_birth.month.clone() year=draft.date_of_birth.year.clone()
                error=error("carer.date_of_birth")
            />
        }
        .into_any(),
        P::Address => view! {
            {heading}
            {text("carer.address_line_1", "carer.address_line_1", "Address line 1", &c.address_line_1, "address-line1")}
            {text("carer.address_line_2", "carer.address_line_2", "Address line 2 (optional)", &c.address_line_2, "address-line2")}
            {text("carer.town", "carer.town", "Town or city", &c.town, "address-level2")}
            {text("carer.postcode", "carer.postcode", "Postcode", &c.postcode, "postal-code")}
        }
        .into_any(),
        P::Contact => view! {
            {heading}
            <p class="govuk-body">"Give a phone number, an email address, or both."</p>
            {text("carer.phone", "carer.phone", "Phone number", &c.phone, "tel")}
            {text("carer.email", "carer.email", "Email address", &c.email, "email")}
            <Radios
                name=field_name("carer.preferred_contact") id=field_id("carer.preferred_contact")
                legend="How would you like us to contact you? (optional)" legend_size=HeadingSize::S
                items=PREFERRED_CONTACT.iter().map(|(code, words)| Choice::new(*code, *words)).collect()
                selected=selected(&c.preferred_contact) error=error("carer.preferred_contact")
            />
        }
        .into_any(),
        P::AboutYou => view! {
            {heading}
            <p class="govuk-body">"All of these are optional. They help us support you."</p>
            {text("carer.gp_surgery", "carer.gp_surgery", "Your GP surgery", &c.gp_surgery, "off")}
            <Radios
                name=field_name("gp_knows") id=field_id("gp_knows") legend="Does your GP know you are a carer?"
                legend_size=HeadingSize::S
                items=vec![Choice::new("yes", "Yes"), Choice::new("no", "No"), Choice::new("not_sure", "I'm not sure")]
                selected=selected(&draft.gp_knows) error=error("gp_knows")
            />
            <Textarea
                name=field_name("carer.work_or_study") id=field_id("carer.work_or_study")
                label="Do you work or study as well as caring? Tell us a little" value=c.work_or_study.clone()
                error=error("carer.work_or_study")
            />
            {text("carer.language", "carer.language", "The language you prefer", &c.language, "off")}
            <Textarea
                name=field_name("carer.communication_needs") id=field_id("carer.communication_needs")
                label="Anything that helps us communicate with you" value=c.communication_needs.clone()
                error=error("carer.communication_needs")
            />
        }
        .into_any(),
        P::Person(i) => person_fields(i, draft.registration.cared_for.get(i).cloned().unwrap_or_default(), errors, question),
        P::People => {
            let rows = draft
                .registration
                .cared_for
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let name = format!("{} {}", p.given_name, p.family_name);
                    let mut row = SummaryRow::answer(&name, vec![p.relationship.clone()], P::Person(i).path(), &name);
                    row.actions.push(SummaryAction {
                        href: format!("{}/{}", crate::journeys::carer::flow::REMOVE_PATH, i + 1),
                        text: "Remove".to_owned(),
                        visually_hidden_text: name.clone(),
                    });
                    row
                })
                .collect::<Vec<_>>();
            view! {
                {heading}
                <SummaryList rows=rows/>
                <Radios
                    name=field_name("more_people") id=field_id("more_people") legend="Do you look after anyone else?"
                    legend_size=HeadingSize::M
                    items=vec![Choice::new("yes", "Yes"), Choice::new("no", "No")]
                    selected=None error=error("more_people")
                />
            }
            .into_any()
        }
        P::Caring => {
            let caring = &draft.registration.caring;
            view! {
                {heading}
                <Checkboxes
                    name=field_name("tasks") id=field_id("caring.tasks") legend="What do you help with?"
                    legend_size=HeadingSize::M hint="Select all that apply." keyed=true
                    items=TASKS.iter().map(|(code, words)| Choice::new(*code, *words)).collect()
                    selected=caring.tasks.clone() error=error("caring.tasks")
                />
                <Textarea
                    name=field_name("other_tasks") id=field_id("caring.other_tasks")
                    label="Anything else you do (optional)" value=caring.other_tasks.clone() error=error("caring.other_tasks")
                />
                <Input
                    name=field_name("hours") id=field_id("caring.hours_per_week") label="About how many hours a week do you care?"
                    hint="A rough number is fine." value=draft.hours.clone() inputmode="numeric"
                    classes="govuk-input--width-3" suffix="hours" error=error("caring.hours_per_week")
                />
                <Radios
                    name=field_name("when") id=field_id("caring.when") legend="When do you care?" legend_size=HeadingSize::S
                    items=WHEN.iter().map(|(code, words)| Choice::new(*code, *words)).collect()
                    selected=selected(&caring.when) error=error("caring.when")
                />
                <Textarea
                    name=field_name("others_who_help") id=field_id("caring.others_who_help")
                    label="Does anyone else help? (optional)" value=caring.others_who_help.clone() error=error("caring.others_who_help")
                />
            }
            .into_any()
        }
        P::Impact => {
            let caring = &draft.registration.caring;
            view! {
                {heading}
                <p class="govuk-body">"These questions are optional. If you check whether you can get support as a carer, your answers start the check."</p>
                <Checkboxes
                    name=field_name("affects") id=field_id("caring.affects") legend="Is caring affecting any of these?"
                    legend_size=HeadingSize::M hint="Select all that apply." keyed=true
                    items=AFFECTS.iter().map(|(code, words)| Choice::new(*code, *words)).collect()
                    selected=caring.affects.clone() error=error("caring.affects")
                />
                <Radios
                    name=field_name("can_keep_caring") id=field_id("caring.can_keep_caring")
                    legend="Can you keep caring as you do now?" legend_size=HeadingSize::M
                    items=KEEP_CARING.iter().map(|(code, words)| Choice::new(*code, *words)).collect()
                    selected=selected(&caring.can_keep_caring) error=error("caring.can_keep_caring")
                />
            }
            .into_any()
        }
        P::PlanChoice => view! {
            <Radios
                name=field_name("wants_plan") id=field_id("wants_plan") legend=question is_page_heading=true
                hint="An emergency plan tells us what the person you look after needs if something happens to you. It is optional, but we encourage it."
                items=vec![Choice::new("yes", "Yes"), Choice::new("no", "No, not now")]
                selected=selected(&draft.wants_plan) error=error("wants_plan")
            />
        }
        .into_any(),
        P::Plan => plan_fields(draft, errors, heading),
        P::Consent => view! {
            {heading}
            <p class="govuk-body">
                "We keep your details on the carers' register to contact you about support for carers and, in an emergency, "
                "to make sure the person you look after is safe. You can change your details or leave the register at any time."
            </p>
            <Checkboxes
                name=field_name("agrees") id=field_id("consent.agrees") legend="Your agreement" legend_size=HeadingSize::S
                items=vec![Choice::new("yes", "I agree to be on the carers' register")]
                selected=if draft.registration.consent.agrees { vec!["yes".to_owned()] } else { vec![] }
                error=error("consent.agrees")
            />
        }
        .into_any(),
        P::CheckAnswers => ().into_any(),
    }
}

fn person_fields(i: usize, p: CaredFor, errors: &FieldErrors, question: String) -> AnyView {
    let error = |field: &str| errors.message_for(&format!("cared_for.{i}.{field}"));
    let id = move |field: &str| field_id(&format!("cared_for.{i}.{field}"));
    let name = |field: &str| field_name(&format!("person.{field}"));
    let (year, month, day) = {
        let mut parts = p.date_of_birth.splitn(3, '-');
        (
            parts.next().unwrap_or("").to_owned(),
            parts.next().unwrap_or("").to_owned(),
            parts.next().unwrap_or("").to_owned(),
        )
    };
    let err_given_name = error("given_name");
    let err_family_name = error("family_name");
    let err_date_of_birth = error("date_of_birth");
    let err_relationship = error("relationship");
    let err_same_address = error("same_address");
    let err_address_line_1 = error("address_line_1");
    let err_address_line_2 = error("address_line_2");
    let err_town = error("town");
    let err_postcode = error("postcode");
    let err_had_assessment = error("had_assessment");
    let err_main_needs = error("main_needs");
    view! {
        <h1 class="govuk-heading-l">{question}</h1>
        <Input name=name("given_name") id=id("given_name") label="Their first name" value=p.given_name.clone() autocomplete="off" error=err_given_name.clone()/>
        <Input name=name("family_name") id=id("family_name") label="Their last name" value=p.family_name.clone() autocomplete="off" error=err_family_name.clone()/>
        <DateInput
            name=name("date_of_birth") id=id("date_of_birth") legend="Their date of birth (optional)"
            legend_size=HeadingSize::S hint="For example, 2 2 1940" day=day month=month year=year error=err_date_of_birth.clone()
        />
        <Input name=name("relationship") id=id("relationship") label="How are you related to them?" hint="For example, father, wife or friend" value=p.relationship.clone() error=err_relationship.clone()/>
        <Radios
            name=name("same_address") id=id("same_address") legend="Do they live with you?" legend_size=HeadingSize::S
            items=vec![Choice::new("yes", "Yes"), Choice::new("no", "No")]
            selected=Some(if p.same_address || p.given_name.is_empty() && p.address_line_1.is_empty() { "yes" } else { "no" }.to_owned())
            error=err_same_address.clone()
        />
        <Fieldset legend="Their address, if they do not live with you" size=Some(HeadingSize::S)>
            <Input name=name("address_line_1") id=id("address_line_1") label="Address line 1" value=p.address_line_1.clone() autocomplete="off" error=err_address_line_1.clone()/>
            <Input name=name("address_line_2") id=id("address_line_2") label="Address line 2 (optional)" value=p.address_line_2.clone() autocomplete="off" error=err_address_line_2.clone()/>
            <Input name=name("town") id=id("town") label="Town or city" value=p.town.clone() autocomplete="off" error=err_town.clone()/>
            <Input name=name("postcode") id=id("postcode") label="Postcode" value=p.postcode.clone() autocomplete="off" classes="govuk-input--width-10" error=err_postcode.clone()/>
        </Fieldset>
        <Radios
            name=name("had_assessment") id=id("had_assessment") legend="Have they had an assessment of their care needs? (optional)"
            legend_size=HeadingSize::S
            items=vec![Choice::new("yes", "Yes"), Choice::new("no", "No"), Choice::new("not_sure", "I'm not sure")]
            selected=selected(&p.had_assessment) error=err_had_assessment.clone()
        />
        <Textarea name=name("main_needs") id=id("main_needs") label="What do they need help with most? (optional)" value=p.main_needs.clone() error=err_main_needs.clone()/>
    }
    .into_any()
}

fn plan_fields(
    draft: &CarerDraft,
    errors: &FieldErrors,
    heading: impl IntoView + 'static,
) -> AnyView {
    let error = |field: &str| errors.message_for(field);
    let plan = draft
        .registration
        .emergency_plan
        .clone()
        .unwrap_or_default();
    let contacts = (0..2)
        .map(|i| {
            let c = plan.contacts.get(i).cloned().unwrap_or_else(EmergencyContact::default);
            let part = |f: &str| {
                let at = format!("emergency_plan.contacts.{i}.{f}");
                (field_name(&format!("contacts.{i}.{f}")), field_id(&at), error(&at))
            };
            let (name, relationship, phone) = (part("name"), part("relationship"), part("phone"));
            view! {
                <Fieldset legend=format!("Emergency contact {} (optional)", i + 1) size=Some(HeadingSize::S)>
                    <Input name=name.0 id=name.1 label="Name" value=c.name autocomplete="off" error=name.2/>
                    <Input name=relationship.0 id=relationship.1 label="Relationship" value=c.relationship autocomplete="off" error=relationship.2/>
                    <Input name=phone.0 id=phone.1 label="Phone number" value=c.phone autocomplete="off" error=phone.2/>
                </Fieldset>
            }
        })
        .collect_view();
    let keyholders = (0..2)
        .map(|i| {
            let k = plan.keyholders.get(i).cloned().unwrap_or_else(Keyholder::default);
            let part = |f: &str| {
                let at = format!("emergency_plan.keyholders.{i}.{f}");
                (field_name(&format!("keyholders.{i}.{f}")), field_id(&at), error(&at))
            };
            let (name, phone) = (part("name"), part("phone"));
            view! {
                <Fieldset legend=format!("Keyholder {} (optional)", i + 1) size=Some(HeadingSize::S)>
                    <Input name=name.0 id=name.1 label="Name" value=k.name autocomplete="off" error=name.2/>
                    <Input name=phone.0 id=phone.1 label="Phone number" value=k.phone autocomplete="off" error=phone.2/>
                </Fieldset>
            }
        })
        .collect_view();
    let needs_error = error("emergency_plan.needs");
    view! {
        {heading}
        <Textarea
            name=field_name("plan_needs") id=field_id("emergency_plan.needs")
            label="What does the person you look after need if you cannot be there?"
            hint="For example, their medicines and when, how they move about, what calms them, and who else should be told."
            value=plan.needs error=needs_error
        />
        {contacts}
        <WarningText>"Never write down a key safe code. We will ask for it by phone if we need it."</WarningText>
        {keyholders}
    }
    .into_any()
}
