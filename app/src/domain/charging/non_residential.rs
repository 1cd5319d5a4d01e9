//! Care at home (non-residential): the weekly charge of SI 2014/2672 and Annex C. Capital over
//! the upper limit: the full cost. Otherwise counted income plus tariff income, less the
//! Minimum Income Guarantee (reg 7), housing costs and disability-related expenditure, is the
//! disposable income; the council charges its percentage of that, within its maximum and
//! minimum, and never more than the care costs.

use serde::{Deserialize, Serialize};

use super::breakdown::{Breakdown, Estimate};
use super::capital::add_tariff_line;
use super::income::{add_income_lines, income_problems, WeeklyIncome};
use super::money::Pence;
use super::policy::{check_amount, ChargingPolicy, MAX_CAPITAL, MAX_WEEKLY};
use super::rates::{RateTables, YearRates};
use super::year_problem;
use crate::domain::problems::FieldErrors;

/// The person whose care it is; only their own resources count.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Person {
    pub age: u32,
    pub disability_premium: bool,
    pub enhanced_disability_premium: bool,
    pub carer_premium: bool,
    pub dependent_children: u32,
    /// The MIG's couple amounts apply; amounts sent are already the person's own share.
    pub couple: bool,
    /// Care is given at night (matters when the council ignores night-rate benefits
    /// otherwise). Optional; `false` when omitted.
    #[serde(default)]
    pub night_care: bool,
}

/// What the care-at-home calculator needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NonResidentialRequest {
    /// `2024-25`, `2025-26` or `2026-27` (and any other year in the rates file).
    pub financial_year: String,
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
    pub fn problems(&self, tables: &RateTables) -> FieldErrors {
        let mut errors = FieldErrors::default();
        year_problem(&self.financial_year, tables, &mut errors);
        if self.person.age < 18 {
            errors.add(
                "person.age",
                "Estimates are for adults: enter an age of 18 or over",
            );
        } else if self.person.age > 125 {
            errors.add("person.age", "Enter an age of 125 or under");
        }
        if self.person.dependent_children > 20 {
            errors.add("person.dependent_children", "Enter 20 children or fewer");
        }
        check_amount(
            self.capital_pence,
            MAX_CAPITAL,
            "capital_pence",
            &mut errors,
        );
        income_problems(&self.weekly_income, &mut errors);
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
                check_amount(amount, MAX_WEEKLY, field, &mut errors);
            }
        }
        errors
    }
}

/// The estimate for care at home, or the problems with the request.
pub fn estimate_non_residential(
    request: &NonResidentialRequest,
    tables: &RateTables,
    policy: &ChargingPolicy,
) -> Result<Estimate, FieldErrors> {
    let problems = request.problems(tables);
    let year = match tables.year(&request.financial_year) {
        Some(year) if problems.is_empty() => year,
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
        return Ok(lines.finish_with(&request.financial_year, cost.map(|_| total), true));
    }

    let night_policy = (policy.ignore_night_rate_without_night_care && !request.person.night_care)
        .then_some(policy.source.as_str());
    add_income_lines(&request.weekly_income, rates, night_policy, &mut lines);
    add_tariff_line(
        request.capital_pence,
        &format!("savings of {}", request.capital_pence),
        rates,
        &mut lines,
    );
    add_minimum_income_guarantee(&request.person, year, policy, &mut lines);
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
    if let Some(cost) = request.weekly_care_cost_pence {
        lines.cap(
            "care_cost",
            format!("You never pay more than your care costs ({cost} a week)"),
            cost,
            "Care Act 2014 s.14(6): no more than the cost of meeting the needs",
        );
    }
    Ok(lines.finish(&request.financial_year))
}

/// The MIG lines: the amount for the person's age and household, premiums, children, and
/// any local uplift.
fn add_minimum_income_guarantee(
    person: &Person,
    year: &YearRates,
    policy: &ChargingPolicy,
    lines: &mut Breakdown,
) {
    let rates = &year.values;
    let pension_age = person.age >= year.pension_credit_age;
    let (base, who) = match (person.couple, pension_age, person.age) {
        (true, true, _) => (
            &rates.mig_couple_each_pension_age,
            "a member of a couple over Pension Credit age".to_owned(),
        ),
        (true, false, _) => (
            &rates.mig_couple_each_below_pension_age,
            "a member of a couple under Pension Credit age".to_owned(),
        ),
        (false, true, _) => (
            &rates.mig_single_pension_age,
            format!("a single person aged {} or over", year.pension_credit_age),
        ),
        (false, false, _) if person.dependent_children > 0 => {
            (&rates.mig_lone_parent, "a lone parent".to_owned())
        }
        (false, false, 18..=24) => (
            &rates.mig_single_18_24,
            "a single person aged 18 to 24".to_owned(),
        ),
        (false, false, _) => (
            &rates.mig_single_25_to_pension_age,
            format!("a single person aged 25 to {}", year.pension_credit_age - 1),
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
        if person.disability_premium {
            let rate = if person.couple {
                &rates.disability_premium_couple_each
            } else {
                &rates.disability_premium_single
            };
            lines.rate("disability_premium", mig("disability premium"), rate, -1);
        }
        if person.enhanced_disability_premium {
            let rate = if person.couple {
                &rates.enhanced_disability_premium_couple_each
            } else {
                &rates.enhanced_disability_premium_single
            };
            lines.rate(
                "enhanced_disability_premium",
                mig("enhanced disability premium"),
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
