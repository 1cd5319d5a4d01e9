//! Care at home (non-residential): the weekly charge of SI 2014/2672 and Annex C. Capital over
//! the upper limit: the full cost. Otherwise counted income plus tariff income, less the
//! Minimum Income Guarantee (reg 7), housing costs and disability-related expenditure, is the
//! disposable income; the council charges its percentage of that, within its maximum, never
//! more than the care costs, and nothing when what is left is under its minimum. Pension Credit age comes from dates of birth (`ages`); for a couple, either
//! partner reaching it brings the pension-age amount (reg 7).

use serde::{Deserialize, Serialize};
use time::Date;

use super::breakdown::{Breakdown, Estimate};
use super::capital::add_tariff_line;
use super::income::{add_income_lines, income_problems, IncomeSetting, WeeklyIncome};
use super::money::Pence;
use super::policy::{check_amount, ChargingPolicy, MAX_CAPITAL, MAX_WEEKLY};
use super::premiums::premiums_due;
use super::rates::{RateTables, YearRates};
use super::year_problem;
use crate::ages::{age_on, pension_credit_age_reached, pension_credit_age_reached_at_age};
use crate::checks::{date_of_birth_iso, iso_day};
use crate::problems::FieldErrors;

/// The person whose care it is; only their own resources count.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Person {
    /// `YYYY-MM-DD`. This or `age` is required; the date wins when both are given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// Years on the assessment date. At 66 from 6 April 2026 it cannot say whether Pension
    /// Credit age is reached: give the date of birth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// Optional: when omitted, worked out from the incomes and `registered_blind`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disability_premium: Option<bool>,
    /// Optional: when omitted, worked out from the incomes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enhanced_disability_premium: Option<bool>,
    /// Registered blind or severely sight impaired (brings the disability premium).
    #[serde(default)]
    pub registered_blind: bool,
    pub carer_premium: bool,
    pub dependent_children: u32,
    /// The MIG's couple amounts apply; amounts sent are already the person's own share.
    pub couple: bool,
    /// For a couple, optional: `YYYY-MM-DD` (or `partner_age`). When neither is given only the
    /// person's own age decides the pension-age amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_date_of_birth: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_age: Option<u32>,
    /// Care is given at night (matters when the council ignores night-rate benefits
    /// otherwise). Optional; `false` when omitted.
    #[serde(default)]
    pub night_care: bool,
}

/// The first day an assessment may be on: the start of the first year there are rates for.
const FIRST_ASSESSMENT_DAY: Date = time::macros::date!(2023 - 04 - 01);

/// What the dates of birth or ages decide on the assessment day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Household {
    age: u32,
    /// The person, or for a couple either partner, has reached Pension Credit age.
    pension_credit_age_reached: bool,
}

/// One person's age and whether they have reached Pension Credit age (`None`: it depends on a
/// date of birth not given); `None` when neither a date nor an age is given.
fn age_and_pension_age(
    date_of_birth: Option<&str>,
    age: Option<u32>,
    on: Date,
    date_field: &str,
    errors: &mut FieldErrors,
) -> Option<(u32, Option<bool>)> {
    match (date_of_birth, age) {
        (Some(text), _) => match date_of_birth_iso(text, on, "Enter the date of birth") {
            Ok(born) => Some((
                u32::try_from(age_on(born, on)).unwrap_or(0),
                Some(pension_credit_age_reached(born, on)),
            )),
            Err(message) => {
                errors.add(date_field, message);
                None
            }
        },
        (None, Some(age)) => Some((age, pension_credit_age_reached_at_age(age, on))),
        (None, None) => None,
    }
}

/// What the care-at-home calculator needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NonResidentialRequest {
    /// `2024-25`, `2025-26` or `2026-27` (and any other year in the rates file).
    pub financial_year: String,
    /// Optional `YYYY-MM-DD`, from 1 April 2023: the day ages are taken on (default today).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_date: Option<String>,
    pub person: Person,
    /// The person's countable capital (their half of anything joint); the home is not counted.
    pub capital_pence: Pence,
    pub weekly_income: Vec<WeeklyIncome>,
    #[serde(default)]
    pub weekly_housing_costs_pence: Option<Pence>,
    /// Itemised disability-related expenditure; when omitted the policy's flat amount.
    #[serde(default)]
    pub weekly_disability_related_expenditure_pence: Option<Pence>,
    /// When given, the charge is never more than this.
    #[serde(default)]
    pub weekly_care_cost_pence: Option<Pence>,
}

impl NonResidentialRequest {
    /// The request's problems, by field; `today` is the assessment day when it gives none.
    pub fn problems(&self, tables: &RateTables, today: Date) -> FieldErrors {
        let mut errors = FieldErrors::default();
        self.checked(tables, today, &mut errors);
        errors
    }

    /// What the ages decide, adding any problem with the request to `errors`.
    fn checked(
        &self,
        tables: &RateTables,
        today: Date,
        errors: &mut FieldErrors,
    ) -> Option<Household> {
        year_problem(&self.financial_year, tables, errors);
        let household = self.household(today, errors);
        if self.person.dependent_children > 20 {
            errors.add("person.dependent_children", "Enter 20 children or fewer");
        }
        check_amount(self.capital_pence, MAX_CAPITAL, "capital_pence", errors);
        income_problems(&self.weekly_income, false, errors);
        for (field, amount) in [
            (
                "weekly_housing_costs_pence",
                self.weekly_housing_costs_pence,
            ),
            (
                "weekly_disability_related_expenditure_pence",
                self.weekly_disability_related_expenditure_pence,
            ),
            ("weekly_care_cost_pence", self.weekly_care_cost_pence),
        ] {
            if let Some(amount) = amount {
                check_amount(amount, MAX_WEEKLY, field, errors);
            }
        }
        household
    }

    /// The assessment day, the person's age, and whether the pension-age amount applies.
    fn household(&self, today: Date, errors: &mut FieldErrors) -> Option<Household> {
        let on = match self.assessment_date.as_deref().map(iso_day) {
            None => today,
            Some(Some(day)) if day >= FIRST_ASSESSMENT_DAY && day.year() <= 2100 => day,
            Some(Some(_)) => {
                errors.add(
                    "assessment_date",
                    "Enter a date from 1 April 2023 (the first year there are rates for)",
                );
                return None;
            }
            Some(None) => {
                errors.add(
                    "assessment_date",
                    "Enter the assessment date as YYYY-MM-DD, like 2026-11-22",
                );
                return None;
            }
        };
        let person = &self.person;
        let own_field = if person.date_of_birth.is_some() {
            "person.date_of_birth"
        } else {
            "person.age"
        };
        let own = age_and_pension_age(
            person.date_of_birth.as_deref(),
            person.age,
            on,
            "person.date_of_birth",
            errors,
        );
        let partner = if person.partner_age.is_some_and(|age| age > 125) {
            errors.add("person.partner_age", "Enter an age of 125 or under");
            None
        } else if person.couple {
            age_and_pension_age(
                person.partner_date_of_birth.as_deref(),
                person.partner_age,
                on,
                "person.partner_date_of_birth",
                errors,
            )
        } else {
            None
        };
        let Some((age, own_reached)) = own else {
            if person.date_of_birth.is_none() && person.age.is_none() {
                errors.add("person.date_of_birth", "Enter the person's date of birth");
            }
            return None;
        };
        if age < 18 {
            errors.add(
                own_field,
                "Estimates are for adults: the person must be 18 or over",
            );
            return None;
        }
        if age > 125 {
            errors.add(own_field, "Enter an age of 125 or under");
            return None;
        }
        let partner_reached = partner.map(|(_, reached)| reached);
        let reached = match (own_reached, partner_reached) {
            (Some(true), _) | (_, Some(Some(true))) => true,
            (None, _) => {
                errors.add(
                    "person.date_of_birth",
                    "Enter the date of birth: at 66, whether the person has reached Pension Credit age depends on it",
                );
                return None;
            }
            (Some(false), Some(None)) => {
                errors.add(
                    "person.partner_date_of_birth",
                    "Enter the partner's date of birth: at 66, whether they have reached Pension Credit age depends on it",
                );
                return None;
            }
            (Some(false), _) => false,
        };
        Some(Household {
            age,
            pension_credit_age_reached: reached,
        })
    }
}

/// The estimate for care at home, or the problems with the request.
/// `today` is the day ages are taken on unless the request gives an assessment date.
pub fn estimate_non_residential(
    request: &NonResidentialRequest,
    tables: &RateTables,
    policy: &ChargingPolicy,
    today: Date,
) -> Result<Estimate, FieldErrors> {
    let mut problems = FieldErrors::default();
    let household = request.checked(tables, today, &mut problems);
    let (year, household) = match (tables.year(&request.financial_year), household) {
        (Some(year), Some(household)) if problems.is_empty() => (year, household),
        _ => return Err(problems),
    };
    let rates = &year.values;
    let mut lines = Breakdown::default();
    lines.note(
        "home_not_counted",
        "Your home is not counted for care at home.".to_owned(),
    );

    let (upper, upper_source, upper_provisional) = match policy.home_care_upper_capital_limit_pence
    {
        Some(limit) => (limit, policy.source.as_str(), false),
        None => (
            rates.capital_upper_limit.pence,
            rates.capital_upper_limit.source.as_str(),
            !rates.capital_upper_limit.confirmed,
        ),
    };
    if request.capital_pence > upper {
        let cost = request.weekly_care_cost_pence;
        lines.add(
            "full_cost",
            format!(
                "Savings of {} are over the limit of {upper}, so you pay the full cost of your care{}",
                request.capital_pence,
                cost.map(|c| format!(" ({c} a week)")).unwrap_or_default()
            ),
            cost.unwrap_or(Pence::ZERO),
            upper_source,
            upper_provisional,
        );
        if let Some(fee) = policy.arrangement_fee_pence.filter(|f| *f > Pence::ZERO) {
            lines.add(
                "arrangement_fee",
                "A weekly fee if the council arranges your care for you".to_owned(),
                fee,
                &policy.source,
                false,
            );
        }
        let total = lines.total();
        return Ok(lines
            .finish_with(&request.financial_year, cost.map(|_| total), true)
            .with_pension_age(household.pension_credit_age_reached));
    }

    let night_policy = (policy.ignore_night_rate_without_night_care && !request.person.night_care)
        .then_some(policy.source.as_str());
    let setting = IncomeSetting {
        count_day_rate_only: night_policy,
        couple: request.person.couple,
    };
    add_income_lines(&request.weekly_income, rates, setting, &mut lines);
    add_tariff_line(
        request.capital_pence,
        &format!("savings of {}", request.capital_pence),
        rates,
        &mut lines,
    );
    add_minimum_income_guarantee(request, household, year, policy, &mut lines);
    if let Some(housing) = request.weekly_housing_costs_pence {
        lines.add(
            "housing_costs",
            "Housing costs (rent, mortgage and council tax, after any Housing Benefit or Council Tax Reduction)".to_owned(),
            -housing,
            "SI 2014/2672 Part 4 and Annex C: housing costs are allowed for",
            false,
        );
    }
    let (dre, dre_label, dre_source) = match (
        request.weekly_disability_related_expenditure_pence,
        policy.flat_dre_pence,
    ) {
        (Some(itemised), _) => (
            itemised,
            "Extra costs because of disability (as you listed them)".to_owned(),
            "Annex C: disability-related expenditure is allowed for",
        ),
        (None, Some(flat)) => (
            flat,
            "Extra costs because of disability (the council's standard allowance)".to_owned(),
            policy.source.as_str(),
        ),
        (None, None) => (
            Pence::ZERO,
            "Extra costs because of disability: none given".to_owned(),
            "Annex C: disability-related expenditure is allowed for",
        ),
    };
    lines.add(
        "disability_related_expenditure",
        dre_label,
        -dre,
        dre_source,
        false,
    );

    let disposable = lines.total();
    if disposable.is_negative() {
        lines.add(
            "no_disposable_income",
            "Your allowances are more than your income, so there is nothing left to charge"
                .to_owned(),
            -disposable,
            "SI 2014/2672 reg 7: income below the Minimum Income Guarantee is not charged",
            false,
        );
    }
    let disposable = lines.total();
    if policy.percentage_charged < 100 {
        let charged = disposable.percent(policy.percentage_charged);
        lines.add(
            "percentage_charged",
            format!(
                "The council charges {}% of what is left (rounded down to the penny)",
                policy.percentage_charged
            ),
            charged - disposable,
            &policy.source,
            false,
        );
    }
    if let Some(max) = policy.maximum_charge_pence {
        lines.cap(
            "maximum_charge",
            format!("The most the council charges is {max} a week"),
            max,
            &policy.source,
        );
    }
    if let Some(cost) = request.weekly_care_cost_pence {
        lines.cap(
            "care_cost",
            format!("You never pay more than your care costs ({cost} a week)"),
            cost,
            "Care Act 2014 s.14(6): no more than the cost of meeting the needs",
        );
    }
    let charge = lines.total();
    if charge > Pence::ZERO && charge < policy.minimum_charge_pence {
        lines.add(
            "minimum_charge",
            format!(
                "Charges under {} a week are not collected",
                policy.minimum_charge_pence
            ),
            -charge,
            &policy.source,
            false,
        );
    }
    Ok(lines
        .finish(&request.financial_year)
        .with_pension_age(household.pension_credit_age_reached))
}

/// The MIG lines: the amount for the person's age and household, premiums, children, and
/// any local uplift.
fn add_minimum_income_guarantee(
    request: &NonResidentialRequest,
    household: Household,
    year: &YearRates,
    policy: &ChargingPolicy,
    lines: &mut Breakdown,
) {
    let person = &request.person;
    let rates = &year.values;
    let pension_age = household.pension_credit_age_reached;
    let (base, who) = match (person.couple, pension_age, household.age) {
        (true, true, _) => (
            &rates.mig_couple_each_pension_age,
            "a member of a couple where one or both have reached Pension Credit age",
        ),
        (true, false, _) => (
            &rates.mig_couple_each_below_pension_age,
            "a member of a couple under Pension Credit age",
        ),
        (false, true, _) => (
            &rates.mig_single_pension_age,
            "a single person who has reached Pension Credit age",
        ),
        (false, false, _) if person.dependent_children > 0 => {
            (&rates.mig_lone_parent, "a lone parent")
        }
        (false, false, 18..=24) => (&rates.mig_single_18_24, "a single person aged 18 to 24"),
        (false, false, _) => (
            &rates.mig_single_25_to_pension_age,
            "a single person aged 25 or over, under Pension Credit age",
        ),
    };
    let mig = |what: &str| format!("Minimum Income Guarantee: {what}");
    lines.rate(
        "minimum_income_guarantee",
        mig(&format!("the amount for {who}")),
        base,
        -1,
    );
    if !pension_age {
        let due = premiums_due(&request.weekly_income, person.registered_blind, rates);
        let decided = |given: Option<bool>, due: Option<&'static str>| match given {
            Some(true) => Some("as given"),
            Some(false) => None,
            None => due,
        };
        if let Some(why) = decided(person.disability_premium, due.disability) {
            let rate = if person.couple {
                &rates.disability_premium_couple_each
            } else {
                &rates.disability_premium_single
            };
            lines.rate(
                "disability_premium",
                mig(&format!("disability premium ({})", because(why))),
                rate,
                -1,
            );
        }
        if let Some(why) = decided(person.enhanced_disability_premium, due.enhanced_disability) {
            let rate = if person.couple {
                &rates.enhanced_disability_premium_couple_each
            } else {
                &rates.enhanced_disability_premium_single
            };
            lines.rate(
                "enhanced_disability_premium",
                mig(&format!("enhanced disability premium ({})", because(why))),
                rate,
                -1,
            );
        }
    }
    if person.carer_premium {
        lines.rate(
            "carer_premium",
            mig("carer premium"),
            &rates.carer_premium,
            -1,
        );
    }
    if person.dependent_children > 0 {
        let child = &rates.dependent_child;
        lines.add(
            "dependent_children",
            mig(&format!(
                "{} for each of {} children",
                child.pence, person.dependent_children
            )),
            Pence(-child.pence.0 * i64::from(person.dependent_children)),
            &child.source,
            !child.confirmed,
        );
    }
    if policy.mig_uplift_pence > Pence::ZERO {
        lines.add(
            "mig_uplift",
            mig("the council's own addition"),
            -policy.mig_uplift_pence,
            &policy.source,
            false,
        );
    }
}

/// "for Attendance Allowance", "as given".
fn because(why: &str) -> String {
    if why == "as given" {
        why.to_owned()
    } else {
        format!("for {why}")
    }
}
