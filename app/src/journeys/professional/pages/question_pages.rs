//! Every question page of the professional referral (`/refer-as-a-professional/:page`).
//!
//! The fields of each page, named after the request's field paths (so an error links to its
//! input) and filled from the draft. Nothing is autofilled: the details are someone else's.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::{
    Checkboxes, Choice, DateInput, Fieldset, HeadingSize, Input, Radios, Textarea,
};
use crate::domain::professional::{
    DISCHARGE_PATHWAYS, EHC_PLAN, LAWFUL_BASES, PROFESSIONAL_SETTINGS, RISKS,
};
use crate::domain::referral::{PREFERRED_CONTACT, URGENT_REASONS};
use crate::forms::{field_id, field_name, FieldErrors};
use crate::journeys::flow::{yes_no_value, Journey};
use crate::journeys::professional::flow::{ProfessionalDraft, ProfessionalPage as P};
use crate::journeys::professional::{load_professional, SaveProfessionalAnswer};
use crate::journeys::question_route::{question_route, radios_question, selected, QuestionParts};

#[component]
pub fn ProfessionalQuestionPage() -> impl IntoView {
    question_route(
        load_professional,
        SaveProfessionalAnswer::url(),
        |page, state| QuestionParts::new(question_fields(page, &state.draft, &state.errors)),
    )
}

fn choices(list: &[(&str, &str)]) -> Vec<Choice> {
    list.iter()
        .map(|(code, label)| Choice::new(*code, *label))
        .collect()
}

pub fn question_fields(page: P, draft: &ProfessionalDraft, errors: &FieldErrors) -> AnyView {
    let error = |field: &str| errors.message_for(field);
    let question = page.question(draft).into_owned();
    let heading = view! { <h1 class="govuk-heading-l">{question.clone()}</h1> };
    let request = &draft.request;
    let person = request.person.clone();
    let referrer = request.referrer.clone().unwrap_or_default();
    let discharge = request.discharge.clone().unwrap_or_default();
    let yes_or_no = || vec![Choice::new("yes", "Yes"), Choice::new("no", "No")];
    let text = move |field: &'static str, label: &str, value: String, hint: Option<&str>| {
        match hint {
        Some(hint) => view! {
            <Input name=field_name(field) id=field_id(field) label=label.to_owned() hint=hint.to_owned()
                value=value autocomplete="off" spellcheck=false error=error(field)/>
        }
        .into_any(),
        None => view! {
            <Input name=field_name(field) id=field_id(field) label=label.to_owned()
                value=value autocomplete="off" spellcheck=false error=error(field)/>
        }
        .into_any(),
    }
    };
    match page {
        P::AboutYou => view! {
            {heading}
            {text("referrer.given_name", "Your first name", referrer.given_name, None)}
            {text("referrer.family_name", "Your last name", referrer.family_name, None)}
            {text("referrer.job_title", "Your job title", referrer.job_title, Some("For example, discharge coordinator or community nurse"))}
            {text("referrer.organisation", "Organisation", referrer.organisation, Some("For example, Exampletown General Hospital"))}
            <Input name=field_name("referrer.phone") id=field_id("referrer.phone") label="Your work phone number" value=referrer.phone input_type="tel" autocomplete="work tel" classes="govuk-input--width-20" error=error("referrer.phone")/>
            <Input name=field_name("referrer.email") id=field_id("referrer.email") label="Your work email address" hint="We send the reference here" value=referrer.email input_type="email" autocomplete="work email" spellcheck=false error=error("referrer.email")/>
        }
        .into_any(),
        P::WhereYouWork => radios_question(question, "referrer.setting", &referrer.setting, choices(&PROFESSIONAL_SETTINGS), "", error("referrer.setting")),
        P::Name => view! {
            {heading}
            {text("person.given_name", "First name", person.given_name, None)}
            {text("person.family_name", "Last name", person.family_name, None)}
        }
        .into_any(),
        P::DateOfBirth => view! {
            <DateInput
                name=field_name("person.date_of_birth") id=field_id("person.date_of_birth") legend=question is_page_heading=true
                hint="For example, 27 3 1950"
                day=draft.date_of_birth.day.clone() month=draft.date_of_birth.month.clone() year=draft.date_of_birth.year.clone()
                error=error("person.date_of_birth")
            />
        }
        .into_any(),
        P::NhsNumber => view! {
            {heading}
            <Input name=field_name("person.nhs_number") id=field_id("person.nhs_number") label="NHS number (optional)" hint="10 digits, for example 943 476 5919" value=person.nhs_number inputmode="numeric" autocomplete="off" spellcheck=false classes="govuk-input--width-10" error=error("person.nhs_number")/>
            {text("involved.gp", "GP practice (optional)", request.involved.gp.clone(), None)}
        }
        .into_any(),
        P::Address => {
            let line_1 = text("person.address_line_1", "Address line 1", person.address_line_1, None);
            let line_2 = text("person.address_line_2", "Address line 2 (optional)", person.address_line_2, None);
            let (town_error, postcode_error) = (error("person.town"), error("person.postcode"));
            view! {
                <Fieldset legend=question size=HeadingSize::L is_page_heading=true>
                    {line_1}
                    {line_2}
                    <Input name=field_name("person.town") id=field_id("person.town") label="Town or city" value=person.town autocomplete="off" classes="govuk-!-width-two-thirds" error=town_error/>
                    <Input name=field_name("person.postcode") id=field_id("person.postcode") label="Postcode" value=person.postcode autocomplete="off" classes="govuk-input--width-10" error=postcode_error/>
                </Fieldset>
            }
            .into_any()
        }
        P::Contact => view! {
            {heading}
            <Input name=field_name("person.phone") id=field_id("person.phone") label="Their phone number (optional)" value=person.phone input_type="tel" autocomplete="off" classes="govuk-input--width-20" error=error("person.phone")/>
            <Input name=field_name("person.email") id=field_id("person.email") label="Their email address (optional)" value=person.email input_type="email" autocomplete="off" spellcheck=false error=error("person.email")/>
            <Radios
                name=field_name("person.preferred_contact") id=field_id("person.preferred_contact")
                legend="How would they like us to contact them?" legend_size=HeadingSize::M
                items=choices(&PREFERRED_CONTACT) selected=selected(&person.preferred_contact)
                error=error("person.preferred_contact")
            />
        }
        .into_any(),
        P::Agreement => radios_question(
            question, "consent.person_agrees", &yes_no_value(request.consent.person_agrees),
            vec![Choice::new("yes", "Yes, they agree"), Choice::new("no", "No, they cannot or do not agree")],
            "Refer without their agreement only on a lawful basis: you will be asked which.",
            error("consent.person_agrees"),
        ),
        P::WithoutAgreement => {
            let consent = request.consent.clone();
            view! {
                {heading}
                <Radios
                    name=field_name("consent.lawful_basis") id=field_id("consent.lawful_basis")
                    legend="On what basis are you referring them?" legend_size=HeadingSize::M
                    items=choices(&LAWFUL_BASES) selected=selected(&consent.lawful_basis)
                    error=error("consent.lawful_basis")
                />
                <Radios
                    name=field_name("consent.capacity_concern") id=field_id("consent.capacity_concern")
                    legend="Is there a concern about their capacity to decide this?" legend_size=HeadingSize::M inline=true
                    items=yes_or_no() selected=selected(&yes_no_value(consent.capacity_concern))
                    error=error("consent.capacity_concern")
                />
                <Textarea name=field_name("consent.reason_without_consent") id=field_id("consent.reason_without_consent") label="Why have they not agreed?" hint="For example, what they said, or why they cannot decide now" value=consent.reason_without_consent rows=3 error=error("consent.reason_without_consent")/>
            }
            .into_any()
        }
        P::IsDischarge => radios_question(
            question, "is_discharge", &draft.is_discharge, yes_or_no(),
            "For example, a patient on a ward who will need care and support at home or in a care home",
            error("is_discharge"),
        ),
        P::Discharge => {
            let pathways = DISCHARGE_PATHWAYS
                .iter()
                .map(|(number, name, words)| Choice::new(number.to_string(), format!("{name}: {words}")))
                .collect();
            let expected = draft.expected_date.clone();
            view! {
                {heading}
                {text("discharge.hospital", "Hospital", discharge.hospital, None)}
                {text("discharge.ward", "Ward", discharge.ward, None)}
                <Input name=field_name("discharge.ward_phone") id=field_id("discharge.ward_phone") label="Ward phone number" value=discharge.ward_phone input_type="tel" autocomplete="off" classes="govuk-input--width-20" error=error("discharge.ward_phone")/>
                <DateInput
                    name=field_name("discharge.expected_date") id=field_id("discharge.expected_date")
                    legend="Expected discharge date" legend_size=HeadingSize::M hint="For example, 8 12 2026"
                    day=expected.day month=expected.month year=expected.year error=error("discharge.expected_date")
                />
                <Radios
                    name=field_name("discharge.medically_optimised") id=field_id("discharge.medically_optimised")
                    legend="Is the person medically optimised for discharge?" legend_size=HeadingSize::M inline=true
                    hint="Medically optimised means they no longer need to be in hospital for treatment"
                    items=yes_or_no() selected=selected(&yes_no_value(discharge.medically_optimised))
                    error=error("discharge.medically_optimised")
                />
                <Radios
                    name=field_name("discharge.pathway") id=field_id("discharge.pathway")
                    legend="Discharge pathway" legend_size=HeadingSize::M
                    items=pathways selected=discharge.pathway.map(|p| p.to_string())
                    error=error("discharge.pathway")
                />
            }
            .into_any()
        }
        P::DischargeSupport => {
            let from = draft.support_from.clone();
            view! {
                {heading}
                <Textarea name=field_name("discharge.support_needed") id=field_id("discharge.support_needed") label="Support needed" hint="For example, two calls a day to help with washing and dressing" value=discharge.support_needed rows=4 error=error("discharge.support_needed")/>
                <DateInput
                    name=field_name("discharge.support_from") id=field_id("discharge.support_from")
                    legend="Needed from (optional)" legend_size=HeadingSize::M hint="For example, 8 12 2026"
                    day=from.day month=from.month year=from.year error=error("discharge.support_from")
                />
                <Textarea name=field_name("discharge.equipment") id=field_id("discharge.equipment") label="Equipment needed (optional)" hint="For example, a hospital bed, a commode or a hoist" value=discharge.equipment rows=3 error=error("discharge.equipment")/>
            }
            .into_any()
        }
        P::Transition => {
            let transition = request.transition.clone().unwrap_or_default();
            view! {
                {heading}
                <p class="govuk-body">"For a young person aged 14 to 17 moving from children's services to adult services. We plan with them before their 18th birthday."</p>
                <Radios
                    name=field_name("transition.ehc_plan") id=field_id("transition.ehc_plan")
                    legend="Do they have an education, health and care plan?" legend_size=HeadingSize::M
                    items=choices(&EHC_PLAN) selected=selected(&transition.ehc_plan)
                    error=error("transition.ehc_plan")
                />
                {text("transition.lead", "Who leads their support now? (optional)", transition.lead, Some("For example, their social worker's name and team"))}
            }
            .into_any()
        }
        P::WhatIsNeeded => view! {
            {heading}
            <Textarea name=field_name("needs.summary") id=field_id("needs.summary") label="What is needed, and why now?" hint="What has changed, what is hard for them, and what you think would help. Up to 1,200 characters." value=request.needs.summary.clone() rows=6 error=error("needs.summary")/>
            <Checkboxes
                name=field_name("needs.risks") id=field_id("needs.risks") legend="Risks (optional)" legend_size=HeadingSize::M keyed=true
                hint="Select all that apply" items=choices(&RISKS) selected=request.needs.risks.clone() error=error("needs.risks")
            />
            <Textarea name=field_name("needs.current_support") id=field_id("needs.current_support") label="Support they have now (optional)" hint="For example, family who visit daily, or a care agency" value=request.needs.current_support.clone() rows=3 error=error("needs.current_support")/>
            <Textarea name=field_name("involved.carers_and_family") id=field_id("involved.carers_and_family") label="Who else is involved? (optional)" hint="Family, carers and other professionals, with how to reach them" value=request.involved.carers_and_family.clone() rows=3 error=error("involved.carers_and_family")/>
        }
        .into_any(),
        P::Urgent => view! {
            <Checkboxes
                name=field_name("needs.urgent") id=field_id("needs.urgent") legend=question is_page_heading=true keyed=true
                hint="Select all that apply. We look at urgent referrals first. If someone is in immediate danger, call 999."
                items=choices(&URGENT_REASONS) selected=request.needs.urgent.clone() error=error("needs.urgent")
            />
        }
        .into_any(),
        P::CheckAnswers => ().into_any(),
    }
}
