//! Which Minimum Income Guarantee premiums a person under Pension Credit age is due, from what
//! they get: one rule for the web estimate and the API (Income Support (General) Regulations
//! 1987 Sch 2 paras 11, 12 and 13A, which the MIG's premiums follow).

use super::income::WeeklyIncome;
use super::rates::YearValues;

/// Gets the disability premium: Attendance Allowance, either part of DLA or of PIP (mobility
/// alone included), or Armed Forces Independence Payment.
const DISABILITY_PREMIUM_BENEFITS: [&str; 6] = [
    "attendance_allowance",
    "dla_care",
    "dla_mobility",
    "pip_daily_living",
    "pip_mobility",
    "afip",
];

/// Whether getting this kind of income brings the disability premium.
pub fn brings_disability_premium(kind: &str) -> bool {
    super::income::income_kind(kind).is_some_and(|k| DISABILITY_PREMIUM_BENEFITS.contains(&k.code))
}

/// The premiums due, each with what brings it ("Attendance Allowance"), in the breakdown's
/// words; `None` when not due.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Premiums {
    pub disability: Option<&'static str>,
    pub enhanced_disability: Option<&'static str>,
}

/// The disability premium for any of the benefits above or for being registered blind; the
/// enhanced premium for DLA care at the highest rate, PIP daily living at the enhanced rate, or
/// Armed Forces Independence Payment.
pub fn premiums_due(
    incomes: &[WeeklyIncome],
    registered_blind: bool,
    rates: &YearValues,
) -> Premiums {
    let kinds = || {
        incomes.iter().filter_map(|income| {
            super::income::income_kind(&income.kind).map(|kind| (kind, income))
        })
    };
    let disability = kinds()
        .find(|(kind, _)| DISABILITY_PREMIUM_BENEFITS.contains(&kind.code))
        .map(|(kind, _)| kind.label)
        .or(registered_blind.then_some("being registered blind"));
    let enhanced_disability = kinds()
        .find(|(kind, income)| match kind.code {
            "afip" => true,
            "dla_care" | "pip_daily_living" => income.at_top_rate(rates),
            _ => false,
        })
        .map(|(kind, _)| kind.label);
    Premiums {
        disability,
        enhanced_disability,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charging::money::Pence;
    use crate::charging::rates::RateTables;

    fn rates() -> &'static YearValues {
        &RateTables::published().year("2025-26").unwrap().values
    }

    fn due(incomes: &[(&str, i64, Option<&str>)], blind: bool) -> (bool, bool) {
        let incomes: Vec<WeeklyIncome> = incomes
            .iter()
            .map(|(kind, pence, rate)| WeeklyIncome {
                rate: rate.map(str::to_owned),
                ..WeeklyIncome::of(kind, Pence(*pence))
            })
            .collect();
        let p = premiums_due(&incomes, blind, rates());
        (p.disability.is_some(), p.enhanced_disability.is_some())
    }

    #[test]
    fn every_qualifying_benefit_and_sight_bring_the_premium() {
        assert_eq!(due(&[], false), (false, false));
        assert_eq!(due(&[("esa", 15000, None)], false), (false, false));
        assert_eq!(due(&[], true), (true, false));
        assert_eq!(due(&[("pip_mobility", 3000, None)], false), (true, false));
        assert_eq!(due(&[("dla_mobility", 3000, None)], false), (true, false));
        assert_eq!(
            due(&[("attendance_allowance", 11040, None)], false),
            (true, false)
        );
        assert_eq!(due(&[("afip", 17000, None)], false), (true, true));
        assert_eq!(
            due(&[("armed_forces_independence_payment", 17000, None)], false),
            (true, true)
        );
    }

    #[test]
    fn each_premium_says_what_brings_it() {
        let incomes = [
            WeeklyIncome::of("esa", Pence(15000)),
            WeeklyIncome::of("dla_care", Pence(11040)),
        ];
        let p = premiums_due(&incomes, true, rates());
        assert_eq!(
            p.disability,
            Some("Disability Living Allowance (care part)")
        );
        assert_eq!(p.enhanced_disability, p.disability);
        let p = premiums_due(&[], true, rates());
        assert_eq!(p.disability, Some("being registered blind"));
    }

    #[test]
    fn the_enhanced_premium_follows_the_top_rate_said_or_paid() {
        assert_eq!(
            due(&[("pip_daily_living", 7390, None)], false),
            (true, false)
        );
        assert_eq!(
            due(&[("pip_daily_living", 11040, None)], false),
            (true, true)
        );
        assert_eq!(due(&[("dla_care", 11040, None)], false), (true, true));
        assert_eq!(due(&[("dla_care", 2920, None)], false), (true, false));
        assert_eq!(
            due(&[("dla_care", 5000, Some("highest"))], false),
            (true, true)
        );
        assert_eq!(
            due(&[("pip_daily_living", 11040, Some("standard"))], false),
            (true, false)
        );
        // Attendance Allowance at the higher rate brings no enhanced premium.
        assert_eq!(
            due(&[("attendance_allowance", 11040, Some("higher"))], false),
            (true, false)
        );
    }
}
