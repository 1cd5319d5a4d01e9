//! An estimate as a breakdown: each line a code, plain words, a signed weekly amount and its
//! source; the lines add up to the weekly contribution. Notes explain what is not a number
//! (the home ignored for 12 weeks, deferred payments).

use serde::{Deserialize, Serialize};

use super::money::Pence;
use super::rates::Rate;

/// One line of the breakdown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Line {
    /// `income`, `disregarded_income`, `tariff_income`, `minimum_income_guarantee`, ...
    pub code: String,
    pub label: String,
    /// Added (positive) or taken away (negative); the lines sum to the contribution.
    pub amount_pence: Pence,
    pub source: String,
    /// This line used a figure not yet confirmed.
    #[serde(default)]
    pub provisional: bool,
}

/// Something the person should know that is not an amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Note {
    pub code: String,
    pub text: String,
}

/// The answer to either calculator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Estimate {
    /// What the person might pay a week; `null` when they pay the full cost and no cost or
    /// fee was given.
    pub weekly_contribution_pence: Option<Pence>,
    /// Capital over the upper limit: the person pays the full cost.
    pub full_cost: bool,
    /// A figure used is not yet confirmed.
    pub provisional: bool,
    pub financial_year: String,
    /// Care at home: the person, or for a couple either partner, has reached Pension Credit
    /// age, so the pension-age Minimum Income Guarantee applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pension_credit_age_reached: Option<bool>,
    pub lines: Vec<Line>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

impl Estimate {
    pub fn with_pension_age(self, reached: bool) -> Estimate {
        Estimate {
            pension_credit_age_reached: Some(reached),
            ..self
        }
    }
}

/// Lines as they are worked out.
#[derive(Default)]
pub struct Breakdown {
    pub lines: Vec<Line>,
    pub notes: Vec<Note>,
}

impl Breakdown {
    pub fn add(
        &mut self,
        code: &str,
        label: String,
        amount: Pence,
        source: &str,
        provisional: bool,
    ) {
        self.lines.push(Line {
            code: code.to_owned(),
            label,
            amount_pence: amount,
            source: source.to_owned(),
            provisional,
        });
    }

    /// A line for a published figure, taken away (`sign` −1) or added (+1).
    pub fn rate(&mut self, code: &str, label: String, rate: &Rate, sign: i64) {
        self.add(
            code,
            label,
            Pence(rate.pence.0 * sign),
            &rate.source,
            !rate.confirmed,
        );
    }

    pub fn note(&mut self, code: &str, text: String) {
        self.notes.push(Note {
            code: code.to_owned(),
            text,
        });
    }

    pub fn total(&self) -> Pence {
        self.lines.iter().map(|l| l.amount_pence).sum()
    }

    /// Brings the running total down to `limit` with a line, if it is above it.
    pub fn cap(&mut self, code: &str, label: String, limit: Pence, source: &str) {
        let total = self.total();
        if total > limit {
            self.add(code, label, limit - total, source, false);
        }
    }

    /// The estimate, with the total the lines add up to.
    pub fn finish(self, financial_year: &str) -> Estimate {
        let total = self.total();
        self.finish_with(financial_year, Some(total), false)
    }

    pub fn finish_with(
        self,
        financial_year: &str,
        contribution: Option<Pence>,
        full_cost: bool,
    ) -> Estimate {
        Estimate {
            weekly_contribution_pence: contribution,
            full_cost,
            provisional: self.lines.iter().any(|l| l.provisional),
            financial_year: financial_year.to_owned(),
            pension_credit_age_reached: None,
            lines: self.lines,
            notes: self.notes,
        }
    }
}

/// What a request for an assessment carries when the person chooses to attach their
/// estimate: the figure and what it rests on, not their money answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct EstimateSummary {
    /// `home` or `care_home`.
    pub care_type: String,
    pub financial_year: String,
    pub weekly_contribution_pence: Option<Pence>,
    pub full_cost: bool,
    pub provisional: bool,
}

impl EstimateSummary {
    pub fn of(estimate: &Estimate, care_type: &str) -> EstimateSummary {
        EstimateSummary {
            care_type: care_type.to_owned(),
            financial_year: estimate.financial_year.clone(),
            weekly_contribution_pence: estimate.weekly_contribution_pence,
            full_cost: estimate.full_cost,
            provisional: estimate.provisional,
        }
    }

    /// "About £28.65 a week for care at home (2025-26 rates)".
    pub fn describe(&self) -> String {
        let what = if self.care_type == "care_home" {
            "a care home"
        } else {
            "care at home"
        };
        let amount = match (self.full_cost, self.weekly_contribution_pence) {
            (true, _) => "The full cost".to_owned(),
            (false, Some(amount)) => format!("About {amount} a week"),
            (false, None) => "No figure".to_owned(),
        };
        let provisional = if self.provisional {
            ", provisional"
        } else {
            ""
        };
        format!(
            "{amount} for {what} ({} rates{provisional})",
            self.financial_year
        )
    }

    /// The problems with a summary sent to the API, under `estimate.`.
    pub fn problems(&self, errors: &mut crate::problems::FieldErrors) {
        if !matches!(self.care_type.as_str(), "home" | "care_home") {
            errors.add("estimate.care_type", "Select home or care_home");
        }
        if self.financial_year.chars().count() > 7 {
            errors.add(
                "estimate.financial_year",
                "Enter a financial year like 2025-26",
            );
        }
        if let Some(amount) = self.weekly_contribution_pence {
            super::policy::check_amount(
                amount,
                super::policy::MAX_WEEKLY,
                "estimate.weekly_contribution_pence",
                errors,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problems::FieldErrors;

    #[test]
    fn a_summary_describes_itself_and_refuses_nonsense() {
        let summary = EstimateSummary {
            care_type: "home".into(),
            financial_year: "2025-26".into(),
            weekly_contribution_pence: Some(Pence(2865)),
            full_cost: false,
            provisional: true,
        };
        assert_eq!(
            summary.describe(),
            "About £28.65 a week for care at home (2025-26 rates, provisional)"
        );
        let mut errors = FieldErrors::default();
        summary.problems(&mut errors);
        assert!(errors.is_empty());
        let bad = EstimateSummary {
            care_type: "spa".into(),
            weekly_contribution_pence: Some(Pence(-1)),
            ..summary
        };
        bad.problems(&mut errors);
        let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["estimate.care_type", "estimate.weekly_contribution_pence"]
        );
    }
}
