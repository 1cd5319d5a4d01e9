//! Check your answers: each answer with a "Change" link that comes back here, then the
//! estimate.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::{Button, ButtonKind, SummaryRow};
use crate::date_parts::DateParts;
use crate::domain::charging::income::income_kind;
use crate::domain::charging::money::parse_pounds;
use crate::domain::charging::residential::OCCUPIERS;
use crate::domain::checks::date_of_birth_parts;
use crate::domain::office_hours::describe_date;
use crate::journeys::answers_then_result::{answers_then_result, ResultWay};
use crate::journeys::estimate::flow::{EstimateDraft, EstimatePage, HALF_TO_SPOUSE, RESULT_PATH};
use crate::journeys::estimate::{load_estimate, DeleteEstimateAnswers};
use crate::journeys::flow::Journey;
use crate::pages::loaded::with_loaded;

use EstimatePage as P;

#[component]
pub fn EstimateCheckAnswersPage() -> impl IntoView {
    with_loaded(
        || load_estimate(P::CheckAnswers),
        |state| {
            let delete = view! {
                <form method="post" action=DeleteEstimateAnswers::url()>
                    <Button text="Delete my answers" kind=ButtonKind::Secondary/>
                </form>
            };
            let way = ResultWay {
                continue_text: "Continue",
                result_text: "See your estimate",
                result_path: RESULT_PATH,
                after: Some(delete.into_any()),
            };
            answers_then_result::<EstimatePage>(&state.draft, rows(&state.draft), way)
        },
    )
}

/// An amount as the person typed it, shown as money (or as typed, if it is not money).
fn money(typed: &str, blank: &str) -> String {
    if typed.trim().is_empty() {
        return blank.to_owned();
    }
    parse_pounds(typed)
        .map(|p| p.to_string())
        .unwrap_or_else(|_| typed.to_owned())
}

/// A date as typed, written out ("2 March 1986") when it is a real one.
fn date(typed: &DateParts) -> String {
    date_of_birth_parts(
        &typed.day,
        &typed.month,
        &typed.year,
        crate::forms::today(),
        "",
    )
    .map(describe_date)
    .unwrap_or_else(|_| format!("{} {} {}", typed.day, typed.month, typed.year))
}

fn words(value: &str) -> String {
    match value {
        "home" => "Care at home".to_owned(),
        "care_home" => "A care home".to_owned(),
        "yes" => "Yes".to_owned(),
        "no" => "No".to_owned(),
        other => OCCUPIERS
            .iter()
            .find(|(code, _)| *code == other)
            .map(|(_, words)| (*words).to_owned())
            .unwrap_or_else(|| other.to_owned()),
    }
}

fn rows(draft: &EstimateDraft) -> Vec<SummaryRow> {
    P::QUESTIONS
        .into_iter()
        .filter(|p| p.applies(draft))
        .map(|page| {
            let value = match page {
                P::TypeOfCare => vec![words(&draft.care_type)],
                P::DateOfBirth => vec![date(&draft.date_of_birth)],
                P::Partner => vec![words(&draft.partner)],
                P::PartnerDateOfBirth => vec![date(&draft.partner_date_of_birth)],
                P::Sight => vec![words(&draft.registered_blind)],
                P::Children => vec![draft.dependent_children.clone()],
                P::Savings => vec![money(&draft.savings, "")],
                P::IncomeTypes if draft.income_kinds.is_empty() => vec!["None of these".to_owned()],
                P::IncomeTypes => draft
                    .income_kinds
                    .iter()
                    .map(|k| {
                        income_kind(k)
                            .map(|k| k.label.to_owned())
                            .unwrap_or_else(|| k.clone())
                    })
                    .collect(),
                P::IncomeAmounts => draft
                    .income_kinds
                    .iter()
                    .filter_map(|k| income_kind(k))
                    .map(|k| {
                        let typed = draft
                            .income_amounts
                            .get(k.code)
                            .map(String::as_str)
                            .unwrap_or("");
                        format!("{}: {} a week", k.label, money(typed, "not given"))
                    })
                    .chain(
                        (draft.care_type == "care_home"
                            && draft.pension_half_to_spouse == "yes"
                            && draft.income_kinds.iter().any(|k| k == "private_pension"))
                        .then(|| HALF_TO_SPOUSE.to_owned()),
                    )
                    .collect(),
                P::HousingCosts => vec![format!("{} a week", money(&draft.housing, ""))],
                P::ExtraCosts => vec![money(&draft.extra_costs, "I don't know")],
                P::NightCare => vec![words(&draft.night_care)],
                P::CareCost => vec![money(&draft.care_cost, "I don't know")],
                P::OwnHome => vec![words(&draft.owns_home)],
                P::HomeValue => vec![
                    format!("Worth {}", money(&draft.home_value, "")),
                    format!("Owed on it: {}", money(&draft.mortgage, "nothing")),
                ],
                P::WhoLivesThere => vec![words(&draft.occupied_by)],
                P::WeeksInCare => vec![draft.weeks_in_care.clone()],
                P::OccupierLeft => vec![words(&draft.occupier_left)],
                P::CareHomeFee => vec![money(&draft.fee, "I don't know")],
                P::CheckAnswers => vec![],
            };
            let key = page.question(draft);
            SummaryRow::answer(&key, value, page.change_path(), &key.to_lowercase())
        })
        .collect()
}
