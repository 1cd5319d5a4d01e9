//! The "Estimate what you might pay" journey as data: which kind of care, then questions in
//! groups (about you, savings, income, costs, or the home for a care home), one per page;
//! how a post updates the draft; each page's problems; and the answers as the charging
//! domain's request, so the pages and the API give the same figures.

use std::collections::BTreeMap;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::date_parts::DateParts;
use crate::domain::ages::{age_on, pension_credit_age_reached};
use crate::domain::charging::income::{income_kind, Treatment, WeeklyIncome, INCOME_KINDS};
use crate::domain::charging::money::{parse_pounds, Pence};
use crate::domain::charging::policy::{MAX_CAPITAL, MAX_WEEKLY};
use crate::domain::charging::premiums::brings_disability_premium;
use crate::domain::charging::rates::RateTables;
use crate::domain::charging::residential::{OCCUPIERS, PROPERTY_DISREGARD_WEEKS};
use crate::domain::charging::{
    estimate_non_residential, estimate_residential, ChargingPolicy, Estimate,
    NonResidentialRequest, Person, Property, ResidentialRequest,
};
use crate::domain::checks::{date_of_birth_parts, iso_date};
use crate::domain::problems::FieldErrors;
use crate::journeys::flow::{pages_by_slug, pages_named, Journey, CHECK_ANSWERS_SLUG};

pub const BASE: &str = "/estimate-what-you-might-pay";
pub const CHECK_PATH: &str = "/estimate-what-you-might-pay/check-answers";
pub const RESULT_PATH: &str = "/estimate-what-you-might-pay/result";

/// The care-home pension box's words (on its page and on check answers).
pub const HALF_TO_SPOUSE: &str =
    "I pay half of my private or work pension to my husband, wife or civil partner, who still lives at home";

/// The question pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EstimatePage {
    TypeOfCare,
    DateOfBirth,
    Partner,
    PartnerDateOfBirth,
    Children,
    Savings,
    IncomeTypes,
    IncomeAmounts,
    Sight,
    HousingCosts,
    ExtraCosts,
    NightCare,
    CareCost,
    OwnHome,
    HomeValue,
    WhoLivesThere,
    WeeksInCare,
    OccupierLeft,
    CareHomeFee,
    CheckAnswers,
}

use EstimatePage as P;

impl EstimatePage {
    /// Every question page, in order (the kind of care decides which apply).
    pub const QUESTIONS: [EstimatePage; 19] = [
        P::TypeOfCare,
        P::DateOfBirth,
        P::Partner,
        P::PartnerDateOfBirth,
        P::Children,
        P::Savings,
        P::IncomeTypes,
        P::IncomeAmounts,
        P::Sight,
        P::HousingCosts,
        P::ExtraCosts,
        P::NightCare,
        P::CareCost,
        P::OwnHome,
        P::HomeValue,
        P::WhoLivesThere,
        P::WeeksInCare,
        P::OccupierLeft,
        P::CareHomeFee,
    ];

    /// The group a page belongs to, shown above its question so people see where they are.
    pub fn section(self) -> &'static str {
        match self {
            P::TypeOfCare => "The care",
            P::DateOfBirth | P::Partner | P::PartnerDateOfBirth | P::Children => "About you",
            P::Savings => "Your savings",
            P::IncomeTypes | P::IncomeAmounts => "Your income",
            P::Sight => "About you",
            P::HousingCosts | P::ExtraCosts | P::NightCare | P::CareCost => "Your costs",
            P::OwnHome | P::HomeValue | P::WhoLivesThere | P::WeeksInCare | P::OccupierLeft => {
                "Your home"
            }
            P::CareHomeFee => "The care home",
            P::CheckAnswers => "",
        }
    }
}

impl Journey for EstimatePage {
    type Draft = EstimateDraft;
    const START: &'static str = BASE;
    const KEY: &'static str = "estimate";
    const CHECK_ANSWERS: Self = P::CheckAnswers;

    fn questions(_draft: &EstimateDraft) -> Vec<Self> {
        Self::QUESTIONS.to_vec()
    }

    /// Its questions do not depend on the answers: no draft needed to find one.
    fn from_slug(slug: &str) -> Option<Self> {
        pages_named(Self::QUESTIONS, slug)
    }

    fn slug(self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            P::TypeOfCare => "type-of-care",
            P::DateOfBirth => "date-of-birth",
            P::Partner => "partner",
            P::PartnerDateOfBirth => "partner-date-of-birth",
            P::Children => "children",
            P::Savings => "savings",
            P::IncomeTypes => "income",
            P::IncomeAmounts => "income-amounts",
            P::Sight => "sight",
            P::HousingCosts => "housing-costs",
            P::ExtraCosts => "extra-costs",
            P::NightCare => "night-care",
            P::CareCost => "cost-of-care",
            P::OwnHome => "your-home",
            P::HomeValue => "home-value",
            P::WhoLivesThere => "who-lives-there",
            P::WeeksInCare => "weeks-in-care",
            P::OccupierLeft => "someone-left",
            P::CareHomeFee => "care-home-fee",
            P::CheckAnswers => CHECK_ANSWERS_SLUG,
        })
    }

    fn applies(self, draft: &EstimateDraft) -> bool {
        let home = draft.care_type == "home";
        let care_home = draft.care_type == "care_home";
        match self {
            P::TypeOfCare | P::Savings | P::IncomeTypes | P::CheckAnswers => true,
            P::IncomeAmounts => !draft.income_kinds.is_empty(),
            P::DateOfBirth
            | P::Partner
            | P::Children
            | P::HousingCosts
            | P::ExtraCosts
            | P::CareCost => home,
            P::PartnerDateOfBirth => home && draft.partner == "yes",
            // Only where the answer can change the figure: under Pension Credit age (the
            // premiums stop there) and with no benefit that brings the premium already.
            P::Sight => {
                home && draft.pension_age_reached == Some(false)
                    && !draft
                        .income_kinds
                        .iter()
                        .any(|k| brings_disability_premium(k))
            }
            P::NightCare => home && draft.has_disability_benefit(),
            P::OwnHome | P::WeeksInCare | P::CareHomeFee => care_home,
            P::HomeValue | P::WhoLivesThere => care_home && draft.owns_home == "yes",
            // Only when nothing else keeps the home from counting: no one who qualifies lives
            // there and the first 12 weeks are over.
            P::OccupierLeft => {
                care_home
                    && draft.owns_home == "yes"
                    && draft.occupied_by == "none"
                    && whole_number(&draft.weeks_in_care, 0..=5000)
                        .is_some_and(|weeks| weeks >= PROPERTY_DISREGARD_WEEKS)
            }
        }
    }

    /// The page's question (the person answers for themselves, or for the person they help).
    fn question(self, _draft: &EstimateDraft) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            P::TypeOfCare => "What kind of care is it for?",
            P::DateOfBirth => "What is your date of birth?",
            P::Partner => "Do you live with a husband, wife or partner?",
            P::PartnerDateOfBirth => "What is your partner's date of birth?",
            P::Children => "How many children live with you and depend on you?",
            P::Savings => "How much do you have in savings and investments?",
            P::IncomeTypes => "What money do you get each week?",
            P::IncomeAmounts => "How much do you get each week?",
            P::Sight => "Are you registered blind or severely sight impaired?",
            P::HousingCosts => "How much do you pay for your home each week?",
            P::ExtraCosts => {
                "How much do you spend each week on extra costs because of illness or disability?"
            }
            P::NightCare => "Do you get care at night, or will you?",
            P::CareCost => "How much will your care cost each week?",
            P::OwnHome => "Do you own your home?",
            P::HomeValue => "How much is your home worth?",
            P::WhoLivesThere => "Who else lives in your home?",
            P::WeeksInCare => "How many weeks have you lived in the care home permanently?",
            P::OccupierLeft => {
                "In the last 12 weeks, has someone who lived in your home died or moved out unexpectedly?"
            }
            P::CareHomeFee => "How much is the care home's weekly fee?",
            P::CheckAnswers => "Check your answers",
        })
    }

    fn problems(self, draft: &EstimateDraft, today: Date) -> FieldErrors {
        draft.problems(self, today)
    }
}

pages_by_slug!(EstimatePage);

/// The answers so far, as typed, kept in the session only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EstimateDraft {
    /// `home` or `care_home`.
    pub care_type: String,
    pub date_of_birth: DateParts,
    /// `yes` or `no`.
    pub partner: String,
    pub partner_date_of_birth: DateParts,
    /// Whether Pension Credit age is reached (by the person or their partner) on the day
    /// the dates of birth were last answered: decides whether the sight question is asked.
    pub pension_age_reached: Option<bool>,
    pub dependent_children: String,
    pub savings: String,
    /// Income kind codes, in the list's order.
    pub income_kinds: Vec<String>,
    /// Kind code → the weekly amount as typed.
    pub income_amounts: BTreeMap<String, String>,
    /// Care homes: half of the private or work pension goes to a spouse at home (`yes`).
    pub pension_half_to_spouse: String,
    /// `yes` or `no`.
    pub registered_blind: String,
    pub housing: String,
    /// Blank: "I don't know" (the council's standard allowance, if it has one).
    pub extra_costs: String,
    /// `yes` or `no`.
    pub night_care: String,
    /// Blank: not known.
    pub care_cost: String,
    /// `yes` or `no`.
    pub owns_home: String,
    pub home_value: String,
    /// Blank: nothing owed.
    pub mortgage: String,
    pub occupied_by: String,
    pub weeks_in_care: String,
    /// `yes` or `no`: a partner or relative whose living there kept the home from counting
    /// died or left in the last 12 weeks.
    pub occupier_left: String,
    /// Blank: not known.
    pub fee: String,
}

/// What a page posts (`form[...]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EstimateForm {
    pub care_type: String,
    pub date_of_birth: DateParts,
    pub partner: String,
    pub partner_date_of_birth: DateParts,
    /// `yes` when the care-home pension box is ticked.
    pub pension_half_to_spouse: String,
    pub registered_blind: String,
    pub dependent_children: String,
    pub savings: String,
    /// Ticked kinds: `form[income][state_pension]=state_pension`.
    pub income: BTreeMap<String, String>,
    /// `form[amount][state_pension]=221.20`.
    pub amount: BTreeMap<String, String>,
    pub housing: String,
    pub extra_costs: String,
    pub night_care: String,
    pub care_cost: String,
    pub owns_home: String,
    pub home_value: String,
    pub mortgage: String,
    pub occupied_by: String,
    pub weeks_in_care: String,
    pub occupier_left: String,
    pub fee: String,
    pub return_to: Option<String>,
}

/// The running estimate in words: "So far, you might pay about £28.65 a week."
pub fn so_far_words(estimate: &Estimate) -> String {
    match (estimate.full_cost, estimate.weekly_contribution_pence) {
        (true, _) => "So far, it looks as if you would pay the full cost of your care.".to_owned(),
        (false, Some(amount)) => format!("So far, you might pay about {amount} a week."),
        (false, None) => String::new(),
    }
}

/// An amount typed in pounds, within `max`.
fn amount(text: &str, max: Pence) -> Result<Pence, String> {
    let amount = parse_pounds(text)?;
    if amount > max {
        return Err(format!("Enter an amount of {max} or less"));
    }
    Ok(amount)
}

/// A whole number within `range`.
fn whole_number(text: &str, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    text.trim().parse().ok().filter(|n| range.contains(n))
}

/// The rates year in force on `today`: a year starts the day its amending regulations come
/// into force (6 April lately), not on 1 April.
pub fn rates_year(tables: &RateTables, today: Date) -> String {
    tables.in_force_on(today).financial_year.clone()
}

impl EstimateDraft {
    /// Takes a page's answers as typed; `today` decides whether Pension Credit age is reached.
    pub fn apply(&mut self, page: EstimatePage, form: &EstimateForm, today: Date) {
        let copy = |value: &str| value.trim().to_owned();
        match page {
            P::TypeOfCare => self.care_type = copy(&form.care_type),
            P::DateOfBirth => self.date_of_birth = form.date_of_birth.clone(),
            P::Partner => self.partner = copy(&form.partner),
            P::PartnerDateOfBirth => {
                self.partner_date_of_birth = form.partner_date_of_birth.clone()
            }
            P::Sight => self.registered_blind = copy(&form.registered_blind),
            P::Children => self.dependent_children = copy(&form.dependent_children),
            P::Savings => self.savings = copy(&form.savings),
            P::IncomeTypes => {
                // In the list's order; anything unknown is kept so the page can say so.
                let mut kinds: Vec<String> = INCOME_KINDS
                    .iter()
                    .filter(|k| form.income.contains_key(k.code))
                    .map(|k| k.code.to_owned())
                    .collect();
                kinds.extend(
                    form.income
                        .keys()
                        .filter(|k| income_kind(k).is_none())
                        .cloned(),
                );
                self.income_amounts.retain(|kind, _| kinds.contains(kind));
                self.income_kinds = kinds;
            }
            P::IncomeAmounts => {
                for kind in &self.income_kinds {
                    let typed = form.amount.get(kind).map(|a| copy(a)).unwrap_or_default();
                    self.income_amounts.insert(kind.clone(), typed);
                }
                self.pension_half_to_spouse = copy(&form.pension_half_to_spouse);
            }
            P::HousingCosts => self.housing = copy(&form.housing),
            P::ExtraCosts => self.extra_costs = copy(&form.extra_costs),
            P::NightCare => self.night_care = copy(&form.night_care),
            P::CareCost => self.care_cost = copy(&form.care_cost),
            P::OwnHome => self.owns_home = copy(&form.owns_home),
            P::HomeValue => {
                self.home_value = copy(&form.home_value);
                self.mortgage = copy(&form.mortgage);
            }
            P::WhoLivesThere => self.occupied_by = copy(&form.occupied_by),
            P::WeeksInCare => self.weeks_in_care = copy(&form.weeks_in_care),
            P::OccupierLeft => self.occupier_left = copy(&form.occupier_left),
            P::CareHomeFee => self.fee = copy(&form.fee),
            P::CheckAnswers => {}
        }
        if matches!(page, P::DateOfBirth | P::Partner | P::PartnerDateOfBirth) {
            self.pension_age_reached = self.pension_age_reached_on(today);
        }
    }

    /// A date of birth as typed, if it is a real one in the past.
    fn born(typed: &DateParts, today: Date) -> Option<Date> {
        typed.date_of_birth(today)
    }

    /// Whether the person, or their partner, has reached Pension Credit age on `today`
    /// (`None` until the person's date of birth is answered).
    pub fn pension_age_reached_on(&self, today: Date) -> Option<bool> {
        let own = Self::born(&self.date_of_birth, today)?;
        let partner = (self.partner == "yes")
            .then(|| Self::born(&self.partner_date_of_birth, today))
            .flatten();
        Some(
            pension_credit_age_reached(own, today)
                || partner.is_some_and(|born| pension_credit_age_reached(born, today)),
        )
    }

    pub fn problems(&self, page: EstimatePage, today: Date) -> FieldErrors {
        let mut errors = FieldErrors::default();
        let mut choose = |field: &str, value: &str, allowed: &[&str], message: &str| {
            if !allowed.contains(&value) {
                errors.add(field, message);
            }
        };
        match page {
            P::TypeOfCare => choose(
                "care_type",
                &self.care_type,
                &["home", "care_home"],
                "Select the kind of care",
            ),
            P::Partner => choose(
                "partner",
                &self.partner,
                &["yes", "no"],
                "Select yes if you live with a husband, wife or partner",
            ),
            P::Sight => choose(
                "registered_blind",
                &self.registered_blind,
                &["yes", "no"],
                "Select yes if you are registered blind or severely sight impaired",
            ),
            P::NightCare => choose(
                "night_care",
                &self.night_care,
                &["yes", "no"],
                "Select yes if you get care at night or will",
            ),
            P::OccupierLeft => choose(
                "occupier_left",
                &self.occupier_left,
                &["yes", "no"],
                "Select yes if someone who lived in your home died or moved out in the last 12 weeks",
            ),
            P::OwnHome => choose(
                "owns_home",
                &self.owns_home,
                &["yes", "no"],
                "Select yes if you own your home",
            ),
            P::WhoLivesThere => {
                let codes: Vec<&str> = OCCUPIERS.iter().map(|(code, _)| *code).collect();
                choose(
                    "occupied_by",
                    &self.occupied_by,
                    &codes,
                    "Select who else lives in your home",
                )
            }
            P::DateOfBirth => {
                let typed = &self.date_of_birth;
                match date_of_birth_parts(
                    &typed.day,
                    &typed.month,
                    &typed.year,
                    today,
                    "Enter your date of birth",
                ) {
                    Err(problem) => errors.add("date_of_birth", problem.message),
                    Ok(born) if age_on(born, today) < 18 => errors.add(
                        "date_of_birth",
                        "This estimate is for adults aged 18 or over. Children's care is arranged by children's services",
                    ),
                    Ok(born) if age_on(born, today) > 125 => errors.add(
                        "date_of_birth",
                        "Date of birth must be less than 125 years ago",
                    ),
                    Ok(_) => {}
                }
            }
            P::PartnerDateOfBirth => {
                let born = &self.partner_date_of_birth;
                if let Some(problem) =
                    born.date_of_birth_problem(today, "Enter your partner's date of birth")
                {
                    errors.add("partner_date_of_birth", problem);
                }
            }
            P::Children => {
                if whole_number(&self.dependent_children, 0..=20).is_none() {
                    errors.add(
                        "dependent_children",
                        "Enter the number of children, like 0 or 2",
                    );
                }
            }
            P::WeeksInCare => {
                if whole_number(&self.weeks_in_care, 0..=5000).is_none() {
                    errors.add("weeks_in_care", "Enter the number of weeks, like 0 or 10");
                }
            }
            P::Savings => required_amount(
                "savings",
                &self.savings,
                MAX_CAPITAL,
                "Enter how much you have in savings, or 0",
                &mut errors,
            ),
            P::HousingCosts => required_amount(
                "housing",
                &self.housing,
                MAX_WEEKLY,
                "Enter how much you pay for your home each week, or 0",
                &mut errors,
            ),
            P::HomeValue => {
                required_amount(
                    "home_value",
                    &self.home_value,
                    MAX_CAPITAL,
                    "Enter roughly how much your home is worth",
                    &mut errors,
                );
                optional_amount("mortgage", &self.mortgage, MAX_CAPITAL, &mut errors);
            }
            P::ExtraCosts => {
                optional_amount("extra_costs", &self.extra_costs, MAX_WEEKLY, &mut errors)
            }
            P::CareCost => optional_amount("care_cost", &self.care_cost, MAX_WEEKLY, &mut errors),
            P::CareHomeFee => optional_amount("fee", &self.fee, MAX_WEEKLY, &mut errors),
            P::IncomeTypes => {
                if self.income_kinds.iter().any(|k| income_kind(k).is_none()) {
                    errors.add("income", "Select the kinds of money from the list");
                }
            }
            P::IncomeAmounts => {
                for kind in &self.income_kinds {
                    let Some(known) = income_kind(kind) else {
                        continue;
                    };
                    let typed = self
                        .income_amounts
                        .get(kind)
                        .map(String::as_str)
                        .unwrap_or("");
                    required_amount(
                        &format!("amount.{kind}"),
                        typed,
                        MAX_WEEKLY,
                        &format!("Enter how much {} you get each week", known.label),
                        &mut errors,
                    );
                }
            }
            P::CheckAnswers => {}
        }
        errors
    }

    /// A disability benefit whose night-rate part a council may ignore.
    pub fn has_disability_benefit(&self) -> bool {
        self.income_kinds
            .iter()
            .filter_map(|k| income_kind(k))
            .any(|k| k.treatment == Treatment::DisabilityBenefit)
    }

    fn pence(text: &str) -> Pence {
        parse_pounds(text).unwrap_or(Pence::ZERO)
    }

    fn optional_pence(text: &str) -> Option<Pence> {
        (!text.trim().is_empty()).then(|| Self::pence(text))
    }

    fn incomes(&self) -> Vec<WeeklyIncome> {
        self.income_kinds
            .iter()
            .filter(|k| income_kind(k).is_some())
            .map(|kind| {
                let typed = self.income_amounts.get(kind).map(String::as_str);
                WeeklyIncome {
                    half_paid_to_spouse_at_home: self.care_type == "care_home"
                        && kind == "private_pension"
                        && self.pension_half_to_spouse == "yes",
                    ..WeeklyIncome::of(kind, Self::pence(typed.unwrap_or("")))
                }
            })
            .collect()
    }

    /// A date of birth as the API writes it, when it is a real one.
    fn iso(typed: &DateParts, today: Date) -> Option<String> {
        Self::born(typed, today).map(iso_date)
    }

    /// The answers as the care-at-home calculator's request. The premiums are left to the
    /// rule, as the API leaves them when a caller does not say: the same function decides.
    pub fn non_residential_request(&self, year: &str, today: Date) -> NonResidentialRequest {
        let couple = self.partner == "yes";
        NonResidentialRequest {
            financial_year: year.to_owned(),
            assessment_date: Some(iso_date(today)),
            person: Person {
                date_of_birth: Self::iso(&self.date_of_birth, today),
                partner_date_of_birth: couple
                    .then(|| Self::iso(&self.partner_date_of_birth, today))
                    .flatten(),
                registered_blind: self.registered_blind == "yes",
                carer_premium: self.income_kinds.iter().any(|k| k == "carers_allowance"),
                dependent_children: whole_number(&self.dependent_children, 0..=20).unwrap_or(0),
                couple,
                night_care: self.night_care == "yes",
                ..Person::default()
            },
            capital_pence: Self::pence(&self.savings),
            weekly_income: self.incomes(),
            weekly_housing_costs_pence: Some(Self::pence(&self.housing)),
            weekly_disability_related_expenditure_pence: Self::optional_pence(&self.extra_costs),
            weekly_care_cost_pence: Self::optional_pence(&self.care_cost),
        }
    }

    /// The answers as the care-home calculator's request.
    pub fn residential_request(&self, year: &str) -> ResidentialRequest {
        ResidentialRequest {
            financial_year: year.to_owned(),
            capital_pence: Self::pence(&self.savings),
            weekly_income: self.incomes(),
            property: (self.owns_home == "yes").then(|| Property {
                value_pence: Self::pence(&self.home_value),
                occupied_by: self.occupied_by.clone(),
                weeks_in_permanent_care: whole_number(&self.weeks_in_care, 0..=5000).unwrap_or(0),
                outstanding_mortgage_pence: Self::optional_pence(&self.mortgage),
                // "In the last 12 weeks": the home is ignored now, which is all the
                // estimate needs.
                weeks_since_occupier_left: (P::OccupierLeft.applies(self)
                    && self.occupier_left == "yes")
                    .then_some(0),
            }),
            weekly_fee_pence: Self::optional_pence(&self.fee),
            couple: false,
        }
    }

    /// The estimate for a finished draft, with ages on `today`.
    pub fn estimate(
        &self,
        tables: &RateTables,
        policy: &ChargingPolicy,
        year: &str,
        today: Date,
    ) -> Result<Estimate, FieldErrors> {
        match self.care_type.as_str() {
            "home" => estimate_non_residential(
                &self.non_residential_request(year, today),
                tables,
                policy,
                today,
            ),
            _ => estimate_residential(&self.residential_request(year), tables),
        }
    }
}

fn required_amount(field: &str, typed: &str, max: Pence, empty: &str, errors: &mut FieldErrors) {
    if typed.trim().is_empty() {
        errors.add(field, empty);
    } else if let Err(message) = amount(typed, max) {
        errors.add(field, message);
    }
}

fn optional_amount(field: &str, typed: &str, max: Pence, errors: &mut FieldErrors) {
    if !typed.trim().is_empty() {
        if let Err(message) = amount(typed, max) {
            errors.add(field, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 22);

    fn born(day: &str, month: &str, year: &str) -> DateParts {
        DateParts {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    fn form(f: impl FnOnce(&mut EstimateForm)) -> EstimateForm {
        let mut form = EstimateForm::default();
        f(&mut form);
        form
    }

    #[test]
    fn pages_round_trip_through_their_slugs() {
        for page in EstimatePage::QUESTIONS.into_iter().chain([P::CheckAnswers]) {
            assert_eq!(EstimatePage::from_slug(&page.slug()), Some(page));
        }
    }

    #[test]
    fn the_year_starts_when_its_regulations_come_into_force() {
        let tables = RateTables::published();
        assert_eq!(rates_year(tables, date!(2026 - 11 - 22)), "2026-27");
        assert_eq!(rates_year(tables, date!(2026 - 04 - 05)), "2025-26");
        assert_eq!(rates_year(tables, date!(2026 - 04 - 06)), "2026-27");
        assert_eq!(rates_year(tables, date!(2025 - 06 - 01)), "2025-26");
        assert_eq!(rates_year(tables, date!(2040 - 06 - 01)), "2026-27");
        assert_eq!(rates_year(tables, date!(2020 - 06 - 01)), "2023-24");
    }

    /// API.md's care-at-home example, answered page by page, gives the API's £28.65.
    #[test]
    fn the_pages_give_the_apis_figures() {
        let mut draft = EstimateDraft::default();
        let steps: Vec<(EstimatePage, EstimateForm)> = vec![
            (P::TypeOfCare, form(|f| f.care_type = "home".into())),
            (
                P::DateOfBirth,
                form(|f| f.date_of_birth = born("2", "3", "1986")),
            ),
            (P::Partner, form(|f| f.partner = "no".into())),
            (P::Children, form(|f| f.dependent_children = "0".into())),
            (P::Savings, form(|f| f.savings = "£16,000".into())),
            (
                P::IncomeTypes,
                form(|f| {
                    for k in ["pip_daily_living", "esa", "pip_mobility"] {
                        f.income.insert(k.into(), k.into());
                    }
                }),
            ),
            (
                P::IncomeAmounts,
                form(|f| {
                    f.amount.insert("pip_daily_living".into(), "73.90".into());
                    f.amount.insert("esa".into(), "150".into());
                    f.amount.insert("pip_mobility".into(), "75.75".into());
                }),
            ),
            (P::HousingCosts, form(|f| f.housing = "5".into())),
            (P::ExtraCosts, form(|f| f.extra_costs = "10.85".into())),
            (P::NightCare, form(|f| f.night_care = "no".into())),
            (P::CareCost, form(|f| f.care_cost = "250".into())),
        ];
        let mut page = P::TypeOfCare;
        for (expected, posted) in steps {
            assert_eq!(page, expected);
            draft.apply(page, &posted, TODAY);
            assert!(
                draft.problems(page, TODAY).is_empty(),
                "{page:?}: {:?}",
                draft.problems(page, TODAY)
            );
            page = page.next(&draft);
        }
        assert_eq!(page, P::CheckAnswers);
        assert_eq!(EstimatePage::first_unfinished(&draft, TODAY), None);
        let tables = RateTables::published();
        let request = draft.non_residential_request("2025-26", TODAY);
        assert_eq!(request.person.date_of_birth.as_deref(), Some("1986-03-02"));
        assert_eq!(request.person.disability_premium, None, "left to the rule");
        let estimate = draft
            .estimate(tables, &ChargingPolicy::default(), "2025-26", TODAY)
            .unwrap();
        // Without the enhanced premium (standard-rate PIP): £28.65 + £24.25.
        assert_eq!(estimate.weekly_contribution_pence, Some(Pence(2865 + 2425)));
    }

    #[test]
    fn a_care_home_asks_about_the_home_only_if_owned() {
        let mut draft = EstimateDraft::default();
        draft.apply(
            P::TypeOfCare,
            &form(|f| f.care_type = "care_home".into()),
            TODAY,
        );
        assert_eq!(P::TypeOfCare.next(&draft), P::Savings);
        draft.apply(P::IncomeTypes, &EstimateForm::default(), TODAY);
        assert_eq!(P::IncomeTypes.next(&draft), P::OwnHome);
        draft.apply(P::OwnHome, &form(|f| f.owns_home = "no".into()), TODAY);
        assert_eq!(P::OwnHome.next(&draft), P::WeeksInCare);
        draft.apply(P::OwnHome, &form(|f| f.owns_home = "yes".into()), TODAY);
        assert_eq!(P::OwnHome.next(&draft), P::HomeValue);
    }

    /// "Has someone left?" only when nothing else keeps the home from counting; a yes keeps
    /// it from counting for those 12 weeks.
    #[test]
    fn someone_leaving_is_asked_only_when_it_can_matter() {
        let mut draft = EstimateDraft::default();
        for (page, posted) in [
            (P::TypeOfCare, form(|f| f.care_type = "care_home".into())),
            (P::Savings, form(|f| f.savings = "0".into())),
            (P::OwnHome, form(|f| f.owns_home = "yes".into())),
            (P::HomeValue, form(|f| f.home_value = "200000".into())),
            (P::WhoLivesThere, form(|f| f.occupied_by = "partner".into())),
            (P::WeeksInCare, form(|f| f.weeks_in_care = "30".into())),
        ] {
            draft.apply(page, &posted, TODAY);
        }
        assert_eq!(
            P::WeeksInCare.next(&draft),
            P::CareHomeFee,
            "the partner still lives there"
        );
        draft.apply(
            P::WhoLivesThere,
            &form(|f| f.occupied_by = "none".into()),
            TODAY,
        );
        assert_eq!(P::WeeksInCare.next(&draft), P::OccupierLeft);
        draft.apply(
            P::OccupierLeft,
            &form(|f| f.occupier_left = "yes".into()),
            TODAY,
        );
        let tables = RateTables::published();
        let estimate = draft
            .estimate(tables, &ChargingPolicy::default(), "2025-26", TODAY)
            .unwrap();
        assert!(!estimate.full_cost, "the home is not counted yet");
        assert_eq!(estimate.notes[0].code, "occupier_left_disregard");
        draft.apply(
            P::OccupierLeft,
            &form(|f| f.occupier_left = "no".into()),
            TODAY,
        );
        let estimate = draft
            .estimate(tables, &ChargingPolicy::default(), "2025-26", TODAY)
            .unwrap();
        assert!(estimate.full_cost, "£180,000 counts");
        draft.apply(
            P::WeeksInCare,
            &form(|f| f.weeks_in_care = "5".into()),
            TODAY,
        );
        assert_eq!(
            P::WeeksInCare.next(&draft),
            P::CareHomeFee,
            "the first 12 weeks"
        );
    }

    #[test]
    fn bad_amounts_get_a_message_and_are_kept_as_typed() {
        let mut draft = EstimateDraft::default();
        draft.apply(
            P::Savings,
            &form(|f| f.savings = "about ten grand".into()),
            TODAY,
        );
        assert_eq!(draft.savings, "about ten grand");
        assert_eq!(
            draft
                .problems(P::Savings, TODAY)
                .message_for("savings")
                .as_deref(),
            Some("Enter an amount in pounds and pence, like 150 or 42.50")
        );
        draft.apply(
            P::IncomeTypes,
            &form(|f| {
                f.income.insert("esa".into(), "esa".into());
            }),
            TODAY,
        );
        assert_eq!(
            draft
                .problems(P::IncomeAmounts, TODAY)
                .message_for("amount.esa")
                .as_deref(),
            Some("Enter how much Employment and Support Allowance you get each week")
        );
        draft.apply(
            P::DateOfBirth,
            &form(|f| f.date_of_birth = born("1", "1", "2010")),
            TODAY,
        );
        assert!(draft
            .problems(P::DateOfBirth, TODAY)
            .message_for("date_of_birth")
            .unwrap()
            .contains("18 or over"));
        draft.apply(
            P::DateOfBirth,
            &form(|f| f.date_of_birth = born("31", "2", "1960")),
            TODAY,
        );
        assert_eq!(draft.date_of_birth.day, "31", "kept as typed");
        assert_eq!(
            draft
                .problems(P::DateOfBirth, TODAY)
                .message_for("date_of_birth")
                .as_deref(),
            Some("Date of birth must be a real date")
        );
    }

    /// The sight question only where it can change the figure; the partner's date of birth
    /// only with a partner, and a partner over Pension Credit age brings the pension-age
    /// amount to a younger person.
    #[test]
    fn questions_only_where_the_answer_counts() {
        let mut draft = EstimateDraft::default();
        draft.apply(P::TypeOfCare, &form(|f| f.care_type = "home".into()), TODAY);
        draft.apply(
            P::DateOfBirth,
            &form(|f| f.date_of_birth = born("6", "5", "1961")),
            TODAY,
        );
        assert_eq!(draft.pension_age_reached, Some(false), "67 on 6 May 2028");
        draft.apply(P::Partner, &form(|f| f.partner = "no".into()), TODAY);
        assert_eq!(P::Partner.next(&draft), P::Children);
        assert!(P::Sight.applies(&draft));
        draft.apply(
            P::IncomeTypes,
            &form(|f| {
                f.income
                    .insert("pip_mobility".into(), "pip_mobility".into());
            }),
            TODAY,
        );
        assert!(
            !P::Sight.applies(&draft),
            "PIP mobility already brings the premium"
        );
        draft.apply(P::Partner, &form(|f| f.partner = "yes".into()), TODAY);
        assert_eq!(P::Partner.next(&draft), P::PartnerDateOfBirth);
        draft.apply(
            P::PartnerDateOfBirth,
            &form(|f| f.partner_date_of_birth = born("1", "1", "1955")),
            TODAY,
        );
        assert_eq!(draft.pension_age_reached, Some(true));
        draft.apply(P::IncomeTypes, &EstimateForm::default(), TODAY);
        assert!(
            !P::Sight.applies(&draft),
            "no premiums at Pension Credit age"
        );
    }
}
