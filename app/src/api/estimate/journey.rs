//! The "Estimate what you might pay" journey as data: which kind of care, then questions in
//! groups (about you, savings, income, costs, or the home for a care home), one per page;
//! how a post updates the draft; each page's problems; and the answers as the charging
//! domain's request, so the pages and the API give the same figures.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month};

use crate::api::question_pages::QuestionPages;
use crate::domain::charging::income::{income_kind, Treatment, WeeklyIncome, INCOME_KINDS};
use crate::domain::charging::money::{parse_pounds, Pence};
use crate::domain::charging::policy::{MAX_CAPITAL, MAX_WEEKLY};
use crate::domain::charging::rates::RateTables;
use crate::domain::charging::residential::OCCUPIERS;
use crate::domain::charging::{
    estimate_non_residential, estimate_residential, ChargingPolicy, Estimate,
    NonResidentialRequest, Person, Property, ResidentialRequest,
};
use crate::domain::problems::FieldErrors;

pub const BASE: &str = "/estimate-what-you-might-pay";
pub const CHECK_PATH: &str = "/estimate-what-you-might-pay/check-answers";
pub const RESULT_PATH: &str = "/estimate-what-you-might-pay/result";

/// The question pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EstimatePage {
    TypeOfCare,
    Age,
    Partner,
    Children,
    Savings,
    IncomeTypes,
    IncomeAmounts,
    HousingCosts,
    ExtraCosts,
    NightCare,
    CareCost,
    OwnHome,
    HomeValue,
    WhoLivesThere,
    WeeksInCare,
    CareHomeFee,
    CheckAnswers,
}

use EstimatePage as P;

impl EstimatePage {
    /// Every question page, in order (the kind of care decides which apply).
    pub const QUESTIONS: [EstimatePage; 16] = [
        P::TypeOfCare,
        P::Age,
        P::Partner,
        P::Children,
        P::Savings,
        P::IncomeTypes,
        P::IncomeAmounts,
        P::HousingCosts,
        P::ExtraCosts,
        P::NightCare,
        P::CareCost,
        P::OwnHome,
        P::HomeValue,
        P::WhoLivesThere,
        P::WeeksInCare,
        P::CareHomeFee,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            P::TypeOfCare => "type-of-care",
            P::Age => "your-age",
            P::Partner => "partner",
            P::Children => "children",
            P::Savings => "savings",
            P::IncomeTypes => "income",
            P::IncomeAmounts => "income-amounts",
            P::HousingCosts => "housing-costs",
            P::ExtraCosts => "extra-costs",
            P::NightCare => "night-care",
            P::CareCost => "cost-of-care",
            P::OwnHome => "your-home",
            P::HomeValue => "home-value",
            P::WhoLivesThere => "who-lives-there",
            P::WeeksInCare => "weeks-in-care",
            P::CareHomeFee => "care-home-fee",
            P::CheckAnswers => "check-answers",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::QUESTIONS
            .into_iter()
            .chain([P::CheckAnswers])
            .find(|p| p.slug() == slug)
    }

    pub fn path(self) -> String {
        format!("{BASE}/{}", self.slug())
    }

    /// The group a page belongs to, shown above its question so people see where they are.
    pub fn section(self) -> &'static str {
        match self {
            P::TypeOfCare => "The care",
            P::Age | P::Partner | P::Children => "About you",
            P::Savings => "Your savings",
            P::IncomeTypes | P::IncomeAmounts => "Your income",
            P::HousingCosts | P::ExtraCosts | P::NightCare | P::CareCost => "Your costs",
            P::OwnHome | P::HomeValue | P::WhoLivesThere | P::WeeksInCare => "Your home",
            P::CareHomeFee => "The care home",
            P::CheckAnswers => "",
        }
    }

    pub fn applies(self, draft: &EstimateDraft) -> bool {
        let home = draft.care_type == "home";
        let care_home = draft.care_type == "care_home";
        match self {
            P::TypeOfCare | P::Savings | P::IncomeTypes | P::CheckAnswers => true,
            P::IncomeAmounts => !draft.income_kinds.is_empty(),
            P::Age | P::Partner | P::Children | P::HousingCosts | P::ExtraCosts | P::CareCost => {
                home
            }
            P::NightCare => home && draft.has_disability_benefit(),
            P::OwnHome | P::WeeksInCare | P::CareHomeFee => care_home,
            P::HomeValue | P::WhoLivesThere => care_home && draft.owns_home == "yes",
        }
    }

    pub fn next(self, draft: &EstimateDraft) -> EstimatePage {
        Self::QUESTIONS
            .into_iter()
            .skip_while(|p| *p != self)
            .skip(1)
            .find(|p| p.applies(draft))
            .unwrap_or(P::CheckAnswers)
    }

    pub fn previous_path(self, draft: &EstimateDraft) -> String {
        Self::QUESTIONS
            .into_iter()
            .take_while(|p| *p != self)
            .filter(|p| p.applies(draft))
            .last()
            .map(EstimatePage::path)
            .unwrap_or_else(|| BASE.to_owned())
    }

    /// The page's question (the person answers for themselves, or for the person they help).
    pub fn question(self) -> &'static str {
        match self {
            P::TypeOfCare => "What kind of care is it for?",
            P::Age => "How old are you?",
            P::Partner => "Do you live with a husband, wife or partner?",
            P::Children => "How many children live with you and depend on you?",
            P::Savings => "How much do you have in savings and investments?",
            P::IncomeTypes => "What money do you get each week?",
            P::IncomeAmounts => "How much do you get each week?",
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
            P::CareHomeFee => "How much is the care home's weekly fee?",
            P::CheckAnswers => "Check your answers",
        }
    }
}

impl Serialize for EstimatePage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug())
    }
}

impl<'de> Deserialize<'de> for EstimatePage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let slug = String::deserialize(deserializer)?;
        EstimatePage::from_slug(&slug).ok_or_else(|| serde::de::Error::custom("unknown page"))
    }
}

impl QuestionPages for EstimatePage {
    type Draft = EstimateDraft;
    const CHECK_PATH: &'static str = CHECK_PATH;
    fn path(self) -> String {
        EstimatePage::path(self)
    }
    fn next_page(self, draft: &EstimateDraft) -> Self {
        self.next(draft)
    }
    fn first_unfinished(draft: &EstimateDraft, _today: Date) -> Option<Self> {
        draft.first_unfinished()
    }
}

/// The answers so far, as typed, kept in the session only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EstimateDraft {
    /// `home` or `care_home`.
    pub care_type: String,
    pub age: String,
    /// `yes` or `no`.
    pub partner: String,
    pub dependent_children: String,
    pub savings: String,
    /// Income kind codes, in the list's order.
    pub income_kinds: Vec<String>,
    /// Kind code → the weekly amount as typed.
    pub income_amounts: BTreeMap<String, String>,
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
    /// Blank: not known.
    pub fee: String,
}

/// What a page posts (`form[...]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EstimateForm {
    pub care_type: String,
    pub age: String,
    pub partner: String,
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

/// The financial year a date falls in (charging years start in April): `2026-27`.
pub fn financial_year_of(date: Date) -> String {
    let start = if date.month() >= Month::April {
        date.year()
    } else {
        date.year() - 1
    };
    format!("{start}-{:02}", (start + 1) % 100)
}

/// The rates year for `today`, or the latest there is if this year's are not in yet.
pub fn rates_year(tables: &RateTables, today: Date) -> String {
    let year = financial_year_of(today);
    if tables.year(&year).is_some() {
        year
    } else {
        tables.year_names().pop().unwrap_or(year)
    }
}

impl EstimateDraft {
    pub fn apply(&mut self, page: EstimatePage, form: &EstimateForm) {
        let copy = |value: &str| value.trim().to_owned();
        match page {
            P::TypeOfCare => self.care_type = copy(&form.care_type),
            P::Age => self.age = copy(&form.age),
            P::Partner => self.partner = copy(&form.partner),
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
            P::CareHomeFee => self.fee = copy(&form.fee),
            P::CheckAnswers => {}
        }
    }

    pub fn problems(&self, page: EstimatePage) -> FieldErrors {
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
            P::NightCare => choose(
                "night_care",
                &self.night_care,
                &["yes", "no"],
                "Select yes if you get care at night or will",
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
            P::Age => {
                if self.age.is_empty() {
                    errors.add("age", "Enter your age");
                } else if whole_number(&self.age, 0..=125).is_none() {
                    errors.add("age", "Enter your age in years, like 72");
                } else if whole_number(&self.age, 18..=125).is_none() {
                    errors.add("age", "This estimate is for adults aged 18 or over. Children's care is arranged by children's services");
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

    pub fn first_unfinished(&self) -> Option<EstimatePage> {
        EstimatePage::QUESTIONS
            .into_iter()
            .filter(|p| p.applies(self))
            .find(|p| !self.problems(*p).is_empty())
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
            .map(|kind| WeeklyIncome {
                kind: kind.clone(),
                amount_pence: Self::pence(
                    self.income_amounts
                        .get(kind)
                        .map(String::as_str)
                        .unwrap_or(""),
                ),
            })
            .collect()
    }

    /// Whether this income is above the day rate of a disability benefit (so the enhanced
    /// or highest rate, which brings the enhanced disability premium).
    fn higher_rate_disability_benefit(&self, tables: &RateTables, year: &str) -> bool {
        let Some(rates) = tables.year(year) else {
            return false;
        };
        self.incomes().iter().any(|income| {
            matches!(income.kind.as_str(), "pip_daily_living" | "dla_care")
                && income.amount_pence > rates.values.disability_benefit_day_rate.pence
        })
    }

    /// The answers as the care-at-home calculator's request. Premiums follow from the money
    /// the person gets: a disability benefit brings the disability premium, its higher rate
    /// the enhanced one, Carer's Allowance the carer premium.
    pub fn non_residential_request(
        &self,
        tables: &RateTables,
        year: &str,
    ) -> NonResidentialRequest {
        let has = |code: &str| self.income_kinds.iter().any(|k| k == code);
        NonResidentialRequest {
            financial_year: year.to_owned(),
            person: Person {
                age: whole_number(&self.age, 0..=125).unwrap_or(0),
                disability_premium: has("pip_daily_living")
                    || has("dla_care")
                    || has("attendance_allowance"),
                enhanced_disability_premium: self.higher_rate_disability_benefit(tables, year),
                carer_premium: has("carers_allowance"),
                dependent_children: whole_number(&self.dependent_children, 0..=20).unwrap_or(0),
                couple: self.partner == "yes",
                night_care: self.night_care == "yes",
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
            }),
            weekly_fee_pence: Self::optional_pence(&self.fee),
        }
    }

    /// The estimate for a finished draft.
    pub fn estimate(
        &self,
        tables: &RateTables,
        policy: &ChargingPolicy,
        year: &str,
    ) -> Result<Estimate, FieldErrors> {
        match self.care_type.as_str() {
            "home" => estimate_non_residential(
                &self.non_residential_request(tables, year),
                tables,
                policy,
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

    fn form(f: impl FnOnce(&mut EstimateForm)) -> EstimateForm {
        let mut form = EstimateForm::default();
        f(&mut form);
        form
    }

    #[test]
    fn pages_round_trip_through_their_slugs() {
        for page in EstimatePage::QUESTIONS.into_iter().chain([P::CheckAnswers]) {
            assert_eq!(EstimatePage::from_slug(page.slug()), Some(page));
        }
    }

    #[test]
    fn the_year_follows_april() {
        assert_eq!(financial_year_of(date!(2026 - 11 - 22)), "2026-27");
        assert_eq!(financial_year_of(date!(2026 - 03 - 31)), "2025-26");
        assert_eq!(financial_year_of(date!(2026 - 04 - 01)), "2026-27");
        assert_eq!(financial_year_of(date!(2099 - 12 - 01)), "2099-00");
        let tables = RateTables::published();
        assert_eq!(rates_year(tables, date!(2025 - 06 - 01)), "2025-26");
        assert_eq!(rates_year(tables, date!(2040 - 06 - 01)), "2026-27");
    }

    /// API.md's care-at-home example, answered page by page, gives the API's £28.65.
    #[test]
    fn the_pages_give_the_apis_figures() {
        let mut draft = EstimateDraft::default();
        let steps: Vec<(EstimatePage, EstimateForm)> = vec![
            (P::TypeOfCare, form(|f| f.care_type = "home".into())),
            (P::Age, form(|f| f.age = "40".into())),
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
            draft.apply(page, &posted);
            assert!(
                draft.problems(page).is_empty(),
                "{page:?}: {:?}",
                draft.problems(page)
            );
            page = page.next(&draft);
        }
        assert_eq!(page, P::CheckAnswers);
        assert_eq!(draft.first_unfinished(), None);
        let tables = RateTables::published();
        let request = draft.non_residential_request(tables, "2025-26");
        assert!(request.person.disability_premium && !request.person.enhanced_disability_premium);
        let estimate = draft
            .estimate(tables, &ChargingPolicy::default(), "2025-26")
            .unwrap();
        // Without the enhanced premium (standard-rate PIP): £28.65 + £24.25.
        assert_eq!(estimate.weekly_contribution_pence, Some(Pence(2865 + 2425)));
    }

    #[test]
    fn a_care_home_asks_about_the_home_only_if_owned() {
        let mut draft = EstimateDraft::default();
        draft.apply(P::TypeOfCare, &form(|f| f.care_type = "care_home".into()));
        assert_eq!(P::TypeOfCare.next(&draft), P::Savings);
        draft.apply(P::IncomeTypes, &EstimateForm::default());
        assert_eq!(P::IncomeTypes.next(&draft), P::OwnHome);
        draft.apply(P::OwnHome, &form(|f| f.owns_home = "no".into()));
        assert_eq!(P::OwnHome.next(&draft), P::WeeksInCare);
        draft.apply(P::OwnHome, &form(|f| f.owns_home = "yes".into()));
        assert_eq!(P::OwnHome.next(&draft), P::HomeValue);
    }

    #[test]
    fn bad_amounts_get_a_message_and_are_kept_as_typed() {
        let mut draft = EstimateDraft::default();
        draft.apply(P::Savings, &form(|f| f.savings = "about ten grand".into()));
        assert_eq!(draft.savings, "about ten grand");
        assert_eq!(
            draft.problems(P::Savings).message_for("savings").as_deref(),
            Some("Enter an amount in pounds and pence, like 150 or 42.50")
        );
        draft.apply(
            P::IncomeTypes,
            &form(|f| {
                f.income.insert("esa".into(), "esa".into());
            }),
        );
        assert_eq!(
            draft
                .problems(P::IncomeAmounts)
                .message_for("amount.esa")
                .as_deref(),
            Some("Enter how much Employment and Support Allowance you get each week")
        );
        draft.apply(P::Age, &form(|f| f.age = "16".into()));
        assert!(draft
            .problems(P::Age)
            .message_for("age")
            .unwrap()
            .contains("18 or over"));
    }
}
