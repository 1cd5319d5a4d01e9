//! Every question page of the estimate (`/estimate-what-you-might-pay/:page`): its group,
//! the question, and once the money questions are answered, the estimate so far.
//!
//! The fields of each question page, filled from the draft, with guidance on what counts.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::RunningResult;
use crate::components::{Checkboxes, Choice, DateInput, Details, Fieldset, HeadingSize, Input};
use crate::domain::charging::income::{income_kind, Treatment, INCOME_KINDS};
use crate::domain::charging::residential::OCCUPIERS;
use crate::forms::{field_id, field_name, FieldErrors};
use crate::journeys::estimate::flow::{EstimateDraft, EstimatePage, HALF_TO_SPOUSE};
use crate::journeys::estimate::{load_estimate, SaveEstimateAnswer};
use crate::journeys::flow::Journey;
use crate::journeys::question_form::Checker;
use crate::journeys::question_route::{question_route, radios_question, QuestionParts};

use EstimatePage as P;

fn yes_no() -> Vec<Choice> {
    vec![Choice::new("yes", "Yes"), Choice::new("no", "No")]
}

/// A hint for a weekly amount: how to turn other periods into a week.
const WEEKLY: &str = "If it is paid every 4 weeks, divide by 4. If it is paid monthly, multiply by 12 and divide by 52.";

#[component]
pub fn EstimateQuestionPage() -> impl IntoView {
    question_route(load_estimate, SaveEstimateAnswer::url(), |page, state| {
        let words = state.running_result.clone().unwrap_or_default();
        let after = view! {
            <RunningResult words=words note="This changes as you answer. The full breakdown is at the end."/>
        };
        let fields = view! {
            <span class="govuk-caption-l">{page.section()}</span>
            {question_fields(page, &state.draft, &state.errors)}
        };
        QuestionParts {
            checker: Checker::Estimate { page },
            after: Some(after.into_any()),
            ..QuestionParts::new(fields.into_any())
        }
    })
}

pub fn question_fields(page: EstimatePage, draft: &EstimateDraft, errors: &FieldErrors) -> AnyView {
    let all = errors.clone();
    let error = move |field: &str| all.message_for(field);
    let question = page.question(draft).into_owned();
    let radios = |field: &'static str, value: &str, items: Vec<Choice>, hint: &str| {
        radios_question(question.clone(), field, value, items, hint, error(field))
    };
    let money = |field: &'static str, value: &str, hint: String| {
        view! {
            <Input
                name=field_name(field) id=field_id(field) label=question.clone() is_page_heading=true
                label_size=HeadingSize::L hint=hint value=value.to_owned() inputmode="decimal"
                classes="govuk-input--width-10" prefix="£" suffix="a week"
                error=error(field)
            />
        }
        .into_any()
    };
    let number = |field: &'static str, value: &str, hint: &str| {
        view! {
            <Input
                name=field_name(field) id=field_id(field) label=question.clone() is_page_heading=true
                label_size=HeadingSize::L hint=hint.to_owned() value=value.to_owned()
                inputmode="numeric" classes="govuk-input--width-3" error=error(field)
            />
        }
        .into_any()
    };
    match page {
        P::TypeOfCare => radios(
            "care_type",
            &draft.care_type,
            vec![
                Choice::new("home", "Care at home, or in the community (such as a day centre or supported living)"),
                Choice::new("care_home", "A care home, to live there permanently"),
            ],
            "Choose the care you want to know about. You can come back and estimate the other.",
        ),
        P::DateOfBirth => {
            let typed = draft.date_of_birth.clone();
            view! {
                <DateInput
                    name=field_name("date_of_birth") id=field_id("date_of_birth") legend=question.clone()
                    legend_size=HeadingSize::L is_page_heading=true
                    hint="The amount you keep for everyday living depends on your age. For example, 27 3 1958"
                    day=typed.day month=typed.month year=typed.year bday=true error=error("date_of_birth")
                />
            }
            .into_any()
        }
        P::PartnerDateOfBirth => {
            let typed = draft.partner_date_of_birth.clone();
            view! {
                <DateInput
                    name=field_name("partner_date_of_birth") id=field_id("partner_date_of_birth") legend=question.clone()
                    legend_size=HeadingSize::L is_page_heading=true
                    hint="If either of you has reached State Pension age, you keep a higher amount. For example, 27 3 1958"
                    day=typed.day month=typed.month year=typed.year error=error("partner_date_of_birth")
                />
            }
            .into_any()
        }
        P::Sight => radios(
            "registered_blind",
            &draft.registered_blind,
            yes_no(),
            "Registered with your council as blind or severely sight impaired. It means you keep more of your income.",
        ),
        P::Partner => radios("partner", &draft.partner, yes_no(), "Only your own money counts. If you share savings or income, you will give your half."),
        P::Children => number("dependent_children", &draft.dependent_children, "Count children under 16, or under 20 and in full-time education, who live with you. Enter 0 if none."),
        P::Savings => view! {
            <Input
                name=field_name("savings") id=field_id("savings") label=question.clone() is_page_heading=true
                label_size=HeadingSize::L value=draft.savings.clone() inputmode="decimal"
                classes="govuk-input--width-10" prefix="£" error=error("savings")
                hint="Include bank and building society accounts, ISAs, premium bonds, shares and cash. If you share an account, give your half. Do not include the home you live in. If you are not sure, give your best guess: the financial assessment will check."
            />
            <Details summary="What if I have more than £23,250?">
                <p class="govuk-body">"If you have more than £23,250 in savings, you usually pay the full cost of your care. The council can still arrange your care, and you can still have an assessment of your needs."</p>
            </Details>
        }
        .into_any(),
        P::IncomeTypes => {
            let items = INCOME_KINDS.iter().map(|k| Choice::new(k.code, k.label)).collect::<Vec<_>>();
            view! {
                <Checkboxes
                    name=field_name("income") id=field_id("income") legend=question.clone() is_page_heading=true keyed=true
                    hint="Select all that apply, for you only. Leave them all unticked if you get none. Some are not counted, such as earnings and the mobility part of PIP, but tell us anyway."
                    items=items selected=draft.income_kinds.clone() error=error("income")
                />
            }
            .into_any()
        }
        P::IncomeAmounts => {
            let inputs = draft
                .income_kinds
                .iter()
                .filter_map(|code| income_kind(code))
                .map(|kind| {
                    let field = format!("amount.{}", kind.code);
                    let hint = match kind.treatment {
                        Treatment::DisabilityBenefit => format!("Give the weekly amount on your award letter. {WEEKLY}"),
                        Treatment::Ignored => "This is not counted, but we show it in the breakdown.".to_owned(),
                        _ => WEEKLY.to_owned(),
                    };
                    let value = draft.income_amounts.get(kind.code).cloned().unwrap_or_default();
                    view! {
                        <Input
                            name=field_name(&field) id=field_id(&field) label=kind.label hint=hint value=value
                            inputmode="decimal" classes="govuk-input--width-10" prefix="£" suffix="a week"
                            error=error(&field)
                        />
                    }
                })
                .collect_view();
            let pension_box = (draft.care_type == "care_home"
                && draft.income_kinds.iter().any(|k| k == "private_pension"))
            .then(|| {
                let ticked: Vec<String> = (draft.pension_half_to_spouse == "yes")
                    .then(|| "yes".to_owned())
                    .into_iter()
                    .collect();
                view! {
                    <Checkboxes
                        name=field_name("pension_half_to_spouse") id=field_id("pension_half_to_spouse")
                        hint="If so, that half is not counted."
                        items=vec![Choice::new("yes", HALF_TO_SPOUSE)]
                        selected=ticked
                    />
                }
            });
            view! {
                <Fieldset legend=question.clone() size=Some(HeadingSize::L) is_page_heading=true>
                    {inputs}
                    {pension_box}
                </Fieldset>
            }
            .into_any()
        }
        P::HousingCosts => money(
            "housing",
            &draft.housing,
            "Add up your rent or mortgage and your council tax, after any Housing Benefit or Council Tax Reduction. Enter 0 if you pay nothing.".to_owned(),
        ),
        P::ExtraCosts => money(
            "extra_costs",
            &draft.extra_costs,
            "For example, extra heating or laundry, a special diet, a cleaner or gardener you need because of your condition, or paying for equipment. Leave this blank if you do not know: we will use the council's standard amount, if it has one.".to_owned(),
        ),
        P::NightCare => radios(
            "night_care",
            &draft.night_care,
            yes_no(),
            "Some councils do not count the higher, night-time rate of Attendance Allowance, Disability Living Allowance or PIP if you do not get care at night.",
        ),
        P::CareCost => money(
            "care_cost",
            &draft.care_cost,
            "If you know it, we make sure the estimate is never more than the care costs. Leave this blank if you do not know.".to_owned(),
        ),
        P::OwnHome => radios("owns_home", &draft.owns_home, yes_no(), "Say yes if you own it, or part of it, even with a mortgage."),
        P::HomeValue => {
            let (home_value, mortgage) = (draft.home_value.clone(), draft.mortgage.clone());
            view! {
            <Fieldset legend=question.clone() size=Some(HeadingSize::L) is_page_heading=true>
                <Input
                    name=field_name("home_value") id=field_id("home_value") label="What it would sell for (your share)"
                    hint="A rough figure is fine, such as what similar homes nearby sold for." value=home_value
                    inputmode="decimal" classes="govuk-input--width-10" prefix="£" error=error("home_value")
                />
                <Input
                    name=field_name("mortgage") id=field_id("mortgage") label="How much is still owed on it (optional)"
                    hint="Any mortgage or loan secured on your home. Leave blank if none." value=mortgage
                    inputmode="decimal" classes="govuk-input--width-10" prefix="£" error=error("mortgage")
                />
            </Fieldset>
            }
            .into_any()
        }
        P::WhoLivesThere => radios(
            "occupied_by",
            &draft.occupied_by,
            OCCUPIERS.iter().map(|(code, words)| Choice::new(*code, *words)).collect(),
            "If one of these people still lives there, your home is not counted.",
        ),
        P::WeeksInCare => number("weeks_in_care", &draft.weeks_in_care, "Enter 0 if you have not moved in yet. Your home is not counted for the first 12 weeks."),
        P::OccupierLeft => radios(
            "occupier_left",
            &draft.occupier_left,
            yes_no(),
            "For example, your husband, wife or partner, or a relative aged 60 or over, who died or had to move into care. If so, your home is not counted for 12 weeks from then.",
        ),
        P::CareHomeFee => money(
            "fee",
            &draft.fee,
            "If you know it, we make sure the estimate is never more than the fee. Leave this blank if you do not know.".to_owned(),
        ),
        P::CheckAnswers => ().into_any(),
    }
}
