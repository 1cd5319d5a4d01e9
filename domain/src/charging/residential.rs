//! Care homes (residential): the person pays from their income all but the Personal
//! Expenses Allowance, plus tariff income from capital. The home counts as capital (less 10%
//! for the cost of selling and any mortgage) after the first 12 weeks of permanent care,
//! unless a partner, a relative aged 60 or over or incapacitated, a child under 18, or a former
//! partner who is a lone parent lives there, and for a fresh 12 weeks when such a disregard
//! ends unexpectedly. Capital over the upper limit: the full cost, and a deferred payment can
//! mean not selling the home in the person's lifetime. Attendance Allowance, DLA care and PIP
//! daily living stop after 28 days of council-funded care (a note).

use serde::{Deserialize, Serialize};

use super::breakdown::{Breakdown, Estimate};
use super::capital::add_tariff_line;
use super::income::{
    add_income_lines, income_kind, income_problems, IncomeSetting, Treatment, WeeklyIncome,
};
use super::money::Pence;
use super::policy::{check_amount, MAX_CAPITAL, MAX_WEEKLY};
use super::rates::RateTables;
use super::year_problem;
use crate::problems::FieldErrors;

/// Who lives in the home, and the disregard that follows (SI 2014/2672 Sch 2).
pub const OCCUPIERS: [(&str, &str); 6] = [
    ("none", "No one else lives there"),
    ("partner", "My husband, wife or partner"),
    ("relative_60_or_over", "A relative aged 60 or over"),
    (
        "relative_incapacitated",
        "A relative who is disabled or too ill to work",
    ),
    ("child_under_18", "My child under 18"),
    (
        "former_partner_lone_parent",
        "My former partner, who is bringing up a child on their own",
    ),
];

/// The weeks the home is ignored from the start of permanent care (Sch 2).
pub const PROPERTY_DISREGARD_WEEKS: u32 = 12;

/// The person's home, if they own it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Property {
    /// The person's share of what it would sell for.
    pub value_pence: Pence,
    /// `none`, `partner`, `relative_60_or_over`, `relative_incapacitated`, `child_under_18` or
    /// `former_partner_lone_parent`.
    pub occupied_by: String,
    /// Complete weeks since permanent care began.
    pub weeks_in_permanent_care: u32,
    /// Optional: what is still owed on a mortgage or loan secured on it.
    #[serde(default)]
    pub outstanding_mortgage_pence: Option<Pence>,
    /// Optional, when no one who qualifies lives there now: complete weeks since someone whose
    /// living there kept the home from counting died or left unexpectedly (the home is ignored
    /// for 12 weeks from then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks_since_occupier_left: Option<u32>,
}

/// What the care-home calculator needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResidentialRequest {
    pub financial_year: String,
    /// Savings and other capital, not the home.
    pub capital_pence: Pence,
    pub weekly_income: Vec<WeeklyIncome>,
    #[serde(default)]
    pub property: Option<Property>,
    /// When given, the contribution is never more than this.
    #[serde(default)]
    pub weekly_fee_pence: Option<Pence>,
    /// Optional: the resident is one of a couple (the Savings Credit disregard for a couple).
    #[serde(default)]
    pub couple: bool,
}

impl ResidentialRequest {
    pub fn problems(&self, tables: &RateTables) -> FieldErrors {
        let mut errors = FieldErrors::default();
        year_problem(&self.financial_year, tables, &mut errors);
        check_amount(
            self.capital_pence,
            MAX_CAPITAL,
            "capital_pence",
            &mut errors,
        );
        income_problems(&self.weekly_income, true, &mut errors);
        if let Some(property) = &self.property {
            check_amount(
                property.value_pence,
                MAX_CAPITAL,
                "property.value_pence",
                &mut errors,
            );
            if OCCUPIERS
                .iter()
                .all(|(code, _)| *code != property.occupied_by)
            {
                errors.add("property.occupied_by", "Select who else lives in the home");
            }
            if property.weeks_in_permanent_care > 5_000 {
                errors.add(
                    "property.weeks_in_permanent_care",
                    "Enter 5,000 weeks or fewer",
                );
            }
            if property
                .weeks_since_occupier_left
                .is_some_and(|weeks| weeks > 5_000)
            {
                errors.add(
                    "property.weeks_since_occupier_left",
                    "Enter 5,000 weeks or fewer",
                );
            }
            if let Some(owed) = property.outstanding_mortgage_pence {
                check_amount(
                    owed,
                    MAX_CAPITAL,
                    "property.outstanding_mortgage_pence",
                    &mut errors,
                );
            }
        }
        if let Some(fee) = self.weekly_fee_pence {
            check_amount(fee, MAX_WEEKLY, "weekly_fee_pence", &mut errors);
        }
        errors
    }
}

/// The home's value as capital: less 10% for selling and anything owed on it.
fn home_as_capital(property: &Property) -> Pence {
    let value = property.value_pence;
    let selling = Pence(value.0 / 10);
    (value - selling - property.outstanding_mortgage_pence.unwrap_or(Pence::ZERO)).max(Pence::ZERO)
}

/// The estimate for a care home, or the problems with the request.
pub fn estimate_residential(
    request: &ResidentialRequest,
    tables: &RateTables,
) -> Result<Estimate, FieldErrors> {
    let problems = request.problems(tables);
    let year = match tables.year(&request.financial_year) {
        Some(year) if problems.is_empty() => year,
        _ => return Err(problems),
    };
    let rates = &year.values;
    let mut lines = Breakdown::default();

    let mut home = Pence::ZERO;
    if let Some(property) = &request.property {
        let occupier = OCCUPIERS
            .iter()
            .find(|(code, _)| *code == property.occupied_by)
            .map(|(_, words)| *words);
        let as_capital = home_as_capital(property);
        if property.occupied_by != "none" {
            lines.note(
                "home_disregarded",
                format!(
                    "Your home is not counted while it is lived in by: {}. (SI 2014/2672 Sch 2)",
                    occupier.unwrap_or_default().to_lowercase()
                ),
            );
        } else if let Some(weeks) = property
            .weeks_since_occupier_left
            .filter(|weeks| *weeks < PROPERTY_DISREGARD_WEEKS)
        {
            lines.note(
                "occupier_left_disregard",
                format!(
                    "Your home is not counted for {PROPERTY_DISREGARD_WEEKS} weeks from when the person whose living there kept it from counting died or left{}. After that it counts as capital of about {as_capital}, and the estimate changes. (SI 2014/2672 Sch 2)",
                    if weeks > 0 { format!(" ({weeks} weeks ago)") } else { String::new() }
                ),
            );
        } else if property.weeks_in_permanent_care < PROPERTY_DISREGARD_WEEKS {
            lines.note(
                "twelve_week_disregard",
                format!(
                    "Your home is not counted for the first {PROPERTY_DISREGARD_WEEKS} weeks of permanent care. After that it counts as capital of about {as_capital} (its value less 10% for selling and anything owed on it), and the estimate changes. (SI 2014/2672 Sch 2)"
                ),
            );
        } else {
            home = as_capital;
        }
    }
    let capital = request.capital_pence + home;
    let what = if home > Pence::ZERO {
        format!(
            "capital of {capital} (savings of {} and your home counted as {home})",
            request.capital_pence
        )
    } else {
        format!("savings of {capital}")
    };
    let upper = &rates.capital_upper_limit;
    if capital > upper.pence {
        let fee = request.weekly_fee_pence;
        lines.add(
            "full_cost",
            format!(
                "You have {what}, which is over the limit of {}, so you pay the full fee{}",
                upper.pence,
                fee.map(|f| format!(" ({f} a week)")).unwrap_or_default()
            ),
            fee.unwrap_or(Pence::ZERO),
            &upper.source,
            !upper.confirmed,
        );
        if home > Pence::ZERO && request.capital_pence <= upper.pence {
            lines.note(
                "deferred_payment",
                format!(
                    "You may not have to sell your home in your lifetime. As your savings apart from your home are {} or less, the council must offer you a deferred payment agreement: it pays the fees and is repaid later from your home. You could keep up to {} a week of your income. (Care Act 2014 s.34; SI 2014/2671 reg 2)",
                    upper.pence,
                    rates.deferred_payment_income_allowance.pence
                ),
            );
        }
        let total = lines.total();
        return Ok(lines.finish_with(&request.financial_year, fee.map(|_| total), true));
    }
    let setting = IncomeSetting {
        count_day_rate_only: None,
        couple: request.couple,
    };
    add_income_lines(&request.weekly_income, rates, setting, &mut lines);
    let stopping: Vec<&str> = request
        .weekly_income
        .iter()
        .filter_map(|income| income_kind(&income.kind))
        .filter(|kind| kind.treatment == Treatment::DisabilityBenefit)
        .map(|kind| kind.label)
        .collect();
    if !stopping.is_empty() {
        lines.note(
            "disability_benefits_stop",
            format!(
                "If the council pays towards your care home fees, {} stops after 28 days in the home, and this estimate would then be lower. Tell the Department for Work and Pensions when you move in. (Social Security (Attendance Allowance) Regulations 1991 reg 7; DLA and PIP regulations likewise)",
                stopping.join(" and ")
            ),
        );
    }
    add_tariff_line(capital, &what, rates, &mut lines);
    lines.rate(
        "personal_expenses_allowance",
        "Personal Expenses Allowance: yours to keep each week".to_owned(),
        &rates.personal_expenses_allowance,
        -1,
    );
    let total = lines.total();
    if total.is_negative() {
        lines.add(
            "no_income_left",
            "Your income is less than the Personal Expenses Allowance, so there is nothing to pay from it".to_owned(),
            -total,
            "SI 2014/2672: the allowance is kept in full",
            false,
        );
    }
    if let Some(fee) = request.weekly_fee_pence {
        lines.cap(
            "care_home_fee",
            format!("You never pay more than the care home's fee ({fee} a week)"),
            fee,
            "Care Act 2014 s.14(6): no more than the cost of meeting the needs",
        );
    }
    Ok(lines.finish(&request.financial_year))
}
