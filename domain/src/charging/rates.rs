//! Charging rates as dated data: one table per financial year, read from
//! `content/charging/rates.json` (compiled in). Every value carries its source and whether it
//! is confirmed; an estimate that uses an unconfirmed value is provisional. A year's rates
//! apply from the day its amending regulations come into force (`in_force_from`), not from 1
//! April. Adding next year's rates is an edit to that file only.

use std::sync::OnceLock;

use serde::Deserialize;
use time::{Date, Month};

use super::money::Pence;
use crate::checks::iso_day;

const PUBLISHED: &str = include_str!("../../../content/charging/rates.json");

/// One figure: the amount, its source, and whether it is confirmed.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    pub pence: Pence,
    pub confirmed: bool,
    pub source: String,
}

/// Every figure one financial year needs.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearValues {
    pub capital_upper_limit: Rate,
    pub capital_lower_limit: Rate,
    /// £1 (`tariff_per_band`) a week for every `tariff_band`, or part of one.
    pub tariff_band: Rate,
    pub tariff_per_band: Rate,
    pub war_pension_disregard: Rate,
    /// The most of the Savings Credit that is not counted, for a single person and a couple.
    pub savings_credit_disregard_single: Rate,
    pub savings_credit_disregard_couple: Rate,
    pub mig_single_18_24: Rate,
    pub mig_single_25_to_pension_age: Rate,
    pub mig_single_pension_age: Rate,
    pub mig_lone_parent: Rate,
    pub mig_couple_each_below_pension_age: Rate,
    pub mig_couple_each_pension_age: Rate,
    pub disability_premium_single: Rate,
    pub disability_premium_couple_each: Rate,
    pub enhanced_disability_premium_single: Rate,
    pub enhanced_disability_premium_couple_each: Rate,
    pub carer_premium: Rate,
    pub dependent_child: Rate,
    pub personal_expenses_allowance: Rate,
    /// The lower (day) rate of Attendance Allowance, DLA care and PIP daily living: what
    /// counts when a council ignores the night-rate difference.
    pub disability_benefit_day_rate: Rate,
    pub deferred_payment_income_allowance: Rate,
}

/// One financial year's table.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearRates {
    /// `2025-26`.
    pub financial_year: String,
    /// The day the year's amending regulations come into force (`2026-04-06`), and its source.
    pub in_force_from: String,
    pub in_force_source: String,
    pub values: YearValues,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateTables {
    pub about: String,
    pub years: Vec<YearRates>,
}

impl RateTables {
    /// Reads a rates file, refusing one with a missing figure, a repeated year, a badly
    /// written year, or limits the wrong way round.
    pub fn parse(json: &str) -> Result<RateTables, String> {
        let tables: RateTables = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if tables.years.is_empty() {
            return Err("there are no years".to_owned());
        }
        for (i, year) in tables.years.iter().enumerate() {
            let name = &year.financial_year;
            if !is_financial_year(name) {
                return Err(format!("{name} is not a financial year like 2025-26"));
            }
            if tables.years[..i].iter().any(|y| &y.financial_year == name) {
                return Err(format!("{name} appears twice"));
            }
            let starts = iso_day(&year.in_force_from)
                .filter(|day| {
                    day.month() == Month::April && name.starts_with(&day.year().to_string())
                })
                .ok_or_else(|| format!("{name}: in_force_from must be a day in April of {name}"))?;
            if i > 0 && iso_day(&tables.years[i - 1].in_force_from) >= Some(starts) {
                return Err(format!("{name}: the years must be in order"));
            }
            let v = &year.values;
            if v.capital_lower_limit.pence > v.capital_upper_limit.pence
                || v.tariff_band.pence.0 <= 0
            {
                return Err(format!(
                    "{name}: the capital limits or tariff band are wrong"
                ));
            }
        }
        Ok(tables)
    }

    /// The published tables (compiled in, checked by a test).
    pub fn published() -> &'static RateTables {
        static TABLES: OnceLock<RateTables> = OnceLock::new();
        TABLES.get_or_init(|| RateTables::parse(PUBLISHED).expect("content/charging/rates.json"))
    }

    pub fn year(&self, financial_year: &str) -> Option<&YearRates> {
        self.years
            .iter()
            .find(|y| y.financial_year == financial_year)
    }

    /// The rates in force on `day`: the latest year whose regulations are in force by then,
    /// or the earliest year there is for a day before them all.
    pub fn in_force_on(&self, day: Date) -> &YearRates {
        self.years
            .iter()
            .rev()
            .find(|y| iso_day(&y.in_force_from).is_some_and(|from| from <= day))
            .or(self.years.first())
            .expect("a rates file has at least one year")
    }

    /// The years there are rates for, oldest first.
    pub fn year_names(&self) -> Vec<String> {
        self.years
            .iter()
            .map(|y| y.financial_year.clone())
            .collect()
    }
}

/// `2025-26`: four digits, a dash, and the next year's last two digits.
fn is_financial_year(name: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match name.split_once('-') {
        Some((start, end))
            if start.len() == 4 && end.len() == 2 && digits(start) && digits(end) =>
        {
            let (start, end): (u32, u32) = (start.parse().unwrap_or(0), end.parse().unwrap_or(0));
            (start + 1) % 100 == end
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_rates_read_and_cover_the_years_the_api_names() {
        let tables = RateTables::published();
        for year in ["2024-25", "2025-26", "2026-27"] {
            assert!(tables.year(year).is_some(), "{year}");
        }
        let y = tables.year("2025-26").unwrap();
        assert_eq!(y.values.mig_single_25_to_pension_age.pence, Pence(11250));
        assert!(y.values.mig_single_25_to_pension_age.confirmed);
        assert!(y.values.mig_single_pension_age.confirmed);
        assert!(!y.values.mig_couple_each_pension_age.confirmed);
        let starts = |year: &str| tables.year(year).unwrap().in_force_from.clone();
        assert_eq!(starts("2026-27"), "2026-04-06");
        assert_eq!(y.values.personal_expenses_allowance.pence, Pence(3065));
        for year in &tables.years {
            assert!(!year.values.capital_upper_limit.source.is_empty());
        }
    }

    #[test]
    fn a_broken_rates_file_is_refused() {
        let good: serde_json::Value = serde_json::from_str(PUBLISHED).unwrap();
        let mut missing = good.clone();
        missing["years"][0]["values"]
            .as_object_mut()
            .unwrap()
            .remove("carer_premium");
        assert!(RateTables::parse(&missing.to_string()).is_err());
        let mut twice = good.clone();
        let first = twice["years"][0].clone();
        twice["years"].as_array_mut().unwrap().push(first);
        assert!(RateTables::parse(&twice.to_string())
            .unwrap_err()
            .contains("twice"));
        let mut badly_named = good;
        badly_named["years"][0]["financial_year"] = "2025-27".into();
        assert!(RateTables::parse(&badly_named.to_string()).is_err());
    }
}
