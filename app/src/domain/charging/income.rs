//! Kinds of weekly income and how each is treated (SI 2014/2672 Part 4 and Schedule 1): counted
//! in full, ignored in full, the first £10 of war pensions ignored, or a disability benefit
//! whose night-rate part a council may ignore. Turns a person's incomes into breakdown lines.

use serde::{Deserialize, Serialize};

use super::breakdown::Breakdown;
use super::money::Pence;
use super::policy::{check_amount, MAX_WEEKLY};
use super::rates::YearValues;
use crate::domain::problems::FieldErrors;

/// How a kind of income counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Treatment {
    Counted,
    /// Ignored in full (Schedule 1 Part 1).
    Ignored,
    /// The first £10 a week of these together is ignored (Schedule 1 Part 2).
    WarPension,
    /// Counted, but a council may count only the day rate when no night care is given.
    DisabilityBenefit,
}

/// A kind of income: its API code, plain words, how it counts, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IncomeKind {
    pub code: &'static str,
    pub label: &'static str,
    pub treatment: Treatment,
    pub source: &'static str,
}

const COUNTED: &str = "SI 2014/2672 Part 4: income counts unless it is disregarded";
const IGNORED: &str = "SI 2014/2672 Sch 1 Part 1: disregarded in full";
const WAR: &str = "SI 2014/2672 Sch 1 Part 2: the first £10 a week is disregarded";
const DISABILITY: &str = "SI 2014/2672 Part 4 and Care and support statutory guidance Annex C: disability benefits count";

const fn kind(code: &'static str, label: &'static str, treatment: Treatment) -> IncomeKind {
    let source = match treatment {
        Treatment::Counted => COUNTED,
        Treatment::Ignored => IGNORED,
        Treatment::WarPension => WAR,
        Treatment::DisabilityBenefit => DISABILITY,
    };
    IncomeKind {
        code,
        label,
        treatment,
        source,
    }
}

/// Every kind the API accepts, the common ones first (the web form's list).
pub const INCOME_KINDS: [IncomeKind; 24] = [
    kind("state_pension", "State Pension", Treatment::Counted),
    kind(
        "private_pension",
        "Private or work pension",
        Treatment::Counted,
    ),
    kind("pension_credit", "Pension Credit", Treatment::Counted),
    kind(
        "attendance_allowance",
        "Attendance Allowance",
        Treatment::DisabilityBenefit,
    ),
    kind(
        "pip_daily_living",
        "Personal Independence Payment (daily living part)",
        Treatment::DisabilityBenefit,
    ),
    kind(
        "pip_mobility",
        "Personal Independence Payment (mobility part)",
        Treatment::Ignored,
    ),
    kind(
        "dla_care",
        "Disability Living Allowance (care part)",
        Treatment::DisabilityBenefit,
    ),
    kind(
        "dla_mobility",
        "Disability Living Allowance (mobility part)",
        Treatment::Ignored,
    ),
    kind(
        "esa",
        "Employment and Support Allowance",
        Treatment::Counted,
    ),
    kind("universal_credit", "Universal Credit", Treatment::Counted),
    kind("carers_allowance", "Carer's Allowance", Treatment::Counted),
    kind("earnings", "Earnings from work", Treatment::Ignored),
    kind(
        "war_disablement_pension",
        "War Disablement Pension",
        Treatment::WarPension,
    ),
    kind(
        "war_widows_pension",
        "War Widow's or Widower's Pension",
        Treatment::WarPension,
    ),
    kind(
        "armed_forces_independence_payment",
        "Armed Forces Independence Payment",
        Treatment::Ignored,
    ),
    kind(
        "war_pensions_mobility_supplement",
        "War Pensions Mobility Supplement",
        Treatment::Ignored,
    ),
    kind("child_benefit", "Child Benefit", Treatment::Ignored),
    kind("child_tax_credit", "Child Tax Credit", Treatment::Ignored),
    kind("child_maintenance", "Child maintenance", Treatment::Ignored),
    kind(
        "winter_fuel_payment",
        "Winter Fuel Payment",
        Treatment::Ignored,
    ),
    kind("christmas_bonus", "Christmas Bonus", Treatment::Ignored),
    kind(
        "direct_payments",
        "Direct payments for care",
        Treatment::Ignored,
    ),
    kind(
        "charitable_payments",
        "Payments from a charity",
        Treatment::Ignored,
    ),
    kind("other", "Other income", Treatment::Counted),
];

pub fn income_kind(code: &str) -> Option<&'static IncomeKind> {
    INCOME_KINDS.iter().find(|k| k.code == code)
}

/// One weekly income, as sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WeeklyIncome {
    /// One of the codes in `INCOME_KINDS` (`state_pension`, `pip_mobility`, ...).
    pub kind: String,
    pub amount_pence: Pence,
}

/// Each income's problems, as `weekly_income.0.kind`.
pub fn income_problems(incomes: &[WeeklyIncome], errors: &mut FieldErrors) {
    if incomes.len() > 50 {
        errors.add("weekly_income", "Give 50 incomes or fewer");
    }
    for (i, income) in incomes.iter().enumerate() {
        if income_kind(&income.kind).is_none() {
            errors.add(
                format!("weekly_income.{i}.kind"),
                "Select a kind of income from the list",
            );
        }
        check_amount(
            income.amount_pence,
            MAX_WEEKLY,
            &format!("weekly_income.{i}.amount_pence"),
            errors,
        );
    }
}

/// Adds a line for every income and for each part ignored. `count_day_rate_only` is the
/// council's night-rate choice when no night care is given (care at home only).
pub fn add_income_lines(
    incomes: &[WeeklyIncome],
    rates: &YearValues,
    count_day_rate_only: Option<&str>,
    lines: &mut Breakdown,
) {
    let mut war_pensions = Pence::ZERO;
    for income in incomes {
        let Some(kind) = income_kind(&income.kind) else {
            continue;
        };
        let amount = income.amount_pence;
        match kind.treatment {
            Treatment::Ignored => lines.add(
                "disregarded_income",
                format!("{} ({amount} a week) is not counted", kind.label),
                Pence::ZERO,
                kind.source,
                false,
            ),
            _ => lines.add("income", kind.label.to_owned(), amount, kind.source, false),
        }
        match kind.treatment {
            Treatment::WarPension => war_pensions += amount,
            Treatment::DisabilityBenefit => {
                let day_rate = &rates.disability_benefit_day_rate;
                if let Some(policy) = count_day_rate_only.filter(|_| amount > day_rate.pence) {
                    lines.add(
                        "night_rate_disregard",
                        format!(
                            "{}: the night-time part is not counted, as no night care is given (only the day rate of {} counts)",
                            kind.label, day_rate.pence
                        ),
                        day_rate.pence - amount,
                        &format!("{policy}; {}", day_rate.source),
                        !day_rate.confirmed,
                    );
                }
            }
            _ => {}
        }
    }
    if war_pensions > Pence::ZERO {
        let disregard = &rates.war_pension_disregard;
        let ignored = war_pensions.min(disregard.pence);
        lines.add(
            "war_pension_disregard",
            format!(
                "The first {} a week of war pensions is not counted",
                disregard.pence
            ),
            -ignored,
            &disregard.source,
            !disregard.confirmed,
        );
    }
}
