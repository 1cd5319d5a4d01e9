//! Kinds of weekly income and how each is treated (SI 2014/2672 Part 4 and Schedule 1): counted
//! in full, ignored in full, the first £10 of war pensions ignored, the Savings Credit ignored up
//! to its disregard, or a disability benefit whose night-rate part a council may ignore; and the
//! rates a disability benefit is paid at. Turns a person's incomes into breakdown lines.

use serde::{Deserialize, Serialize};

use super::breakdown::Breakdown;
use super::money::Pence;
use super::policy::{check_amount, MAX_WEEKLY};
use super::rates::YearValues;
use crate::problems::FieldErrors;

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
    /// The Savings Credit of Pension Credit: ignored up to the year's Savings Credit disregard
    /// (SI 2014/2672 Sch 1 for care homes; Annex C for care at home).
    SavingsCredit,
}

/// A kind of income: its API code, plain words, how it counts, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IncomeKind {
    pub code: &'static str,
    /// An older code the API still accepts for this kind.
    pub alias: Option<&'static str>,
    pub label: &'static str,
    pub treatment: Treatment,
    pub source: &'static str,
}

const COUNTED: &str = "SI 2014/2672 Part 4: income counts unless it is disregarded";
const IGNORED: &str = "SI 2014/2672 Sch 1 Part 1: disregarded in full";
const WAR: &str = "SI 2014/2672 Sch 1 Part 2: the first £10 a week is disregarded";
const DISABILITY: &str = "SI 2014/2672 Part 4 and Care and support statutory guidance Annex C: disability benefits count";
const SAVINGS_CREDIT: &str =
    "SI 2014/2672 Sch 1: the Savings Credit counts above the Savings Credit disregard";

const fn kind(code: &'static str, label: &'static str, treatment: Treatment) -> IncomeKind {
    let source = match treatment {
        Treatment::Counted => COUNTED,
        Treatment::Ignored => IGNORED,
        Treatment::WarPension => WAR,
        Treatment::DisabilityBenefit => DISABILITY,
        Treatment::SavingsCredit => SAVINGS_CREDIT,
    };
    IncomeKind {
        code,
        alias: None,
        label,
        treatment,
        source,
    }
}

/// Every kind the API accepts, the common ones first (the web form's list).
pub const INCOME_KINDS: [IncomeKind; 25] = [
    kind("state_pension", "State Pension", Treatment::Counted),
    kind(
        "private_pension",
        "Private or work pension",
        Treatment::Counted,
    ),
    kind(
        "pension_credit",
        "Pension Credit (Guarantee Credit)",
        Treatment::Counted,
    ),
    kind(
        "pension_credit_savings",
        "Pension Credit (Savings Credit)",
        Treatment::SavingsCredit,
    ),
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
    IncomeKind {
        alias: Some("armed_forces_independence_payment"),
        ..kind(
            "afip",
            "Armed Forces Independence Payment",
            Treatment::Ignored,
        )
    },
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
    INCOME_KINDS
        .iter()
        .find(|k| k.code == code || k.alias == Some(code))
}

/// The rates each disability benefit is paid at (an income's optional `rate`), the highest
/// last; kinds not listed have none.
pub fn benefit_rates(kind: &str) -> &'static [&'static str] {
    match kind {
        "attendance_allowance" | "dla_mobility" => &["lower", "higher"],
        "dla_care" => &["lowest", "middle", "highest"],
        "pip_daily_living" | "pip_mobility" => &["standard", "enhanced"],
        _ => &[],
    }
}

/// One weekly income, as sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeeklyIncome {
    /// One of the codes in `INCOME_KINDS` (`state_pension`, `pip_mobility`, ...).
    pub kind: String,
    pub amount_pence: Pence,
    /// Optional, for disability benefits: the rate it is paid at (`lowest`, `middle`,
    /// `highest`, `standard`, `enhanced`, `lower`, `higher`); when omitted it is read from the
    /// amount against the year's rates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<String>,
    /// Care homes, `private_pension` only: half of it goes to a husband, wife or civil partner
    /// still living at home, and that half is not counted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub half_paid_to_spouse_at_home: bool,
}

impl WeeklyIncome {
    /// An income of this kind and amount, with nothing else said about it.
    pub fn of(kind: &str, amount_pence: Pence) -> WeeklyIncome {
        WeeklyIncome {
            kind: kind.to_owned(),
            amount_pence,
            rate: None,
            half_paid_to_spouse_at_home: false,
        }
    }

    /// Paid at the top rate of its benefit: by its `rate` when given, else by an amount above
    /// the year's day rate (the rate Attendance Allowance's lower, DLA care's middle and PIP
    /// daily living's standard rates share).
    pub fn at_top_rate(&self, rates: &YearValues) -> bool {
        match &self.rate {
            Some(rate) => benefit_rates(&self.kind).last() == Some(&rate.as_str()),
            None => self.amount_pence > rates.disability_benefit_day_rate.pence,
        }
    }
}

/// Each income's problems, as `weekly_income.0.kind`. `care_home`: whether a pension may be
/// said to be half paid to a spouse at home.
pub fn income_problems(incomes: &[WeeklyIncome], care_home: bool, errors: &mut FieldErrors) {
    if incomes.len() > 50 {
        errors.add("weekly_income", "Give 50 incomes or fewer");
    }
    for (i, income) in incomes.iter().enumerate() {
        let known = income_kind(&income.kind);
        if known.is_none() {
            errors.add(
                format!("weekly_income.{i}.kind"),
                "Select a kind of income from the list",
            );
        }
        let kind = known.map_or("", |k| k.code);
        if let Some(rate) = &income.rate {
            let allowed = benefit_rates(kind);
            if allowed.is_empty() {
                errors.add(
                    format!("weekly_income.{i}.rate"),
                    "Leave out the rate: only disability benefits have one",
                );
            } else if !allowed.contains(&rate.as_str()) {
                errors.add(
                    format!("weekly_income.{i}.rate"),
                    format!("Give the rate as one of: {}", allowed.join(", ")),
                );
            }
        }
        if income.half_paid_to_spouse_at_home && (!care_home || kind != "private_pension") {
            errors.add(
                format!("weekly_income.{i}.half_paid_to_spouse_at_home"),
                "Leave this out: it is only for a private or work pension in a care home estimate",
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

/// What shapes how incomes count besides the incomes themselves.
#[derive(Clone, Copy, Debug, Default)]
pub struct IncomeSetting<'a> {
    /// The council's night-rate choice when no night care is given (care at home only): the
    /// policy's source when only the day rate of a disability benefit counts.
    pub count_day_rate_only: Option<&'a str>,
    /// The Savings Credit disregard for a couple applies.
    pub couple: bool,
}

/// Adds a line for every income and for each part ignored.
pub fn add_income_lines(
    incomes: &[WeeklyIncome],
    rates: &YearValues,
    setting: IncomeSetting,
    lines: &mut Breakdown,
) {
    let mut war_pensions = Pence::ZERO;
    let mut savings_credit = Pence::ZERO;
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
            Treatment::SavingsCredit => savings_credit += amount,
            Treatment::DisabilityBenefit => {
                let day_rate = &rates.disability_benefit_day_rate;
                let policy = setting.count_day_rate_only;
                if let Some(policy) = policy.filter(|_| amount > day_rate.pence) {
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
        if income.half_paid_to_spouse_at_home {
            lines.add(
                "pension_paid_to_spouse",
                format!(
                    "Half of your {} goes to your husband, wife or civil partner at home, so it is not counted",
                    kind.label.to_lowercase()
                ),
                -Pence(amount.0 / 2),
                "SI 2014/2672 Sch 1 and Care and support statutory guidance Annex C: half of an occupational or personal pension paid to a spouse or civil partner not in the care home is disregarded",
                false,
            );
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
    if savings_credit > Pence::ZERO {
        let disregard = if setting.couple {
            &rates.savings_credit_disregard_couple
        } else {
            &rates.savings_credit_disregard_single
        };
        let ignored = savings_credit.min(disregard.pence);
        lines.add(
            "savings_credit_disregard",
            format!(
                "Up to {} a week of the Savings Credit is not counted",
                disregard.pence
            ),
            -ignored,
            &disregard.source,
            !disregard.confirmed,
        );
    }
}
