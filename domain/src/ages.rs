//! Ages on a day, and State Pension age by date of birth (Pensions Act 1995 Sch 4 as amended
//! by the Pensions Acts 2011 and 2014; gov.uk's State Pension age timetable). Pension Credit
//! age is the State Pension age, so charging uses it for the Minimum Income Guarantee.
//!
//! A person born on 29 February turns a year older on 1 March in other years. Where a State
//! Pension age in years and months lands on a day the month lacks, the month's last day is
//! the day (Pensions Act 1995 Sch 4 para 1(7A): born 31 July 1960, reached on 30 November
//! 2026). Not modelled: the lower ages of people born before 6 October 1954 (all of whom reached
//! State Pension age before October 2020, earlier than any day an estimate may be for) and the
//! rise to 68 for people born after 5 April 1977 (from 2044).

use time::{Date, Month};

/// Whole years between a date of birth and `on`.
pub fn age_on(date_of_birth: Date, on: Date) -> i32 {
    let mut age = on.year() - date_of_birth.year();
    if (on.month() as u8, on.day()) < (date_of_birth.month() as u8, date_of_birth.day()) {
        age -= 1;
    }
    age
}

/// `date` moved on by whole months, or the last day of that month when the day does not
/// exist there (Pensions Act 1995 Sch 4 para 1(7A)).
fn add_months(date: Date, months: i32) -> Date {
    let index = date.year() * 12 + i32::from(date.month() as u8) - 1 + months;
    let year = index.div_euclid(12);
    let month = u8::try_from(index.rem_euclid(12) + 1)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .unwrap_or(Month::January);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

/// The day a person born on `date_of_birth` turns `years` old (1 March for 29 February).
fn birthday(date_of_birth: Date, years: i32) -> Date {
    let year = date_of_birth.year() + years;
    Date::from_calendar_date(year, date_of_birth.month(), date_of_birth.day())
        .or_else(|_| Date::from_calendar_date(year, Month::March, 1))
        .unwrap_or(date_of_birth)
}

const SIXTY_SIX_UNTIL: (i32, u8, u8) = (1960, 4, 6);
const SIXTY_SEVEN_FROM: (i32, u8, u8) = (1961, 3, 6);

fn ymd(date: Date) -> (i32, u8, u8) {
    (date.year(), date.month() as u8, date.day())
}

/// State Pension age in years and months for a date of birth: 66 for those born before 6
/// April 1960; one more month for each month of birth from then (66 and 1 month for 6 April
/// to 5 May 1960, ..., 66 and 11 months for 6 February to 5 March 1961); 67 from 6 March 1961.
pub fn state_pension_age(date_of_birth: Date) -> (i32, i32) {
    let born = ymd(date_of_birth);
    if born < SIXTY_SIX_UNTIL {
        (66, 0)
    } else if born >= SIXTY_SEVEN_FROM {
        (67, 0)
    } else {
        let months_since_april_1960 = (born.0 - 1960) * 12 + i32::from(born.1) - 4;
        let started_this_month = i32::from(born.2 >= 6);
        (66, months_since_april_1960 + started_this_month)
    }
}

/// The day a person born on `date_of_birth` reaches State Pension age.
pub fn state_pension_day(date_of_birth: Date) -> Date {
    match state_pension_age(date_of_birth) {
        (years, 0) => birthday(date_of_birth, years),
        (years, months) => add_months(date_of_birth, years * 12 + months),
    }
}

/// Whether a person born on `date_of_birth` has reached Pension Credit age on `on`.
pub fn pension_credit_age_reached(date_of_birth: Date, on: Date) -> bool {
    on >= state_pension_day(date_of_birth)
}

/// Whether a person of `age` on `on` has reached Pension Credit age, when the age decides it
/// whatever their birthday: `None` when it depends on the date of birth (66 from 6 April 2026).
/// Reaching it only gets likelier the earlier a person was born, so the two ends of the dates
/// of birth the age allows decide.
pub fn pension_credit_age_reached_at_age(age: u32, on: Date) -> Option<bool> {
    let age = i32::try_from(age).ok().filter(|age| *age <= 200)?;
    let latest_born = years_before(on, age)?;
    if pension_credit_age_reached(latest_born, on) {
        return Some(true);
    }
    let earliest_born = years_before(on, age + 1)?.next_day()?;
    if !pension_credit_age_reached(earliest_born, on) {
        return Some(false);
    }
    None
}

/// `on` less whole years, clamped to the month's last day (29 February in a common year).
fn years_before(on: Date, years: i32) -> Option<Date> {
    let year = on.year() - years;
    let day = on.day().min(on.month().length(year));
    Date::from_calendar_date(year, on.month(), day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn ages_turn_on_the_birthday_and_leaplings_on_1_march() {
        assert_eq!(age_on(date!(1960 - 04 - 06), date!(2026 - 04 - 05)), 65);
        assert_eq!(age_on(date!(1960 - 04 - 06), date!(2026 - 04 - 06)), 66);
        assert_eq!(age_on(date!(1960 - 02 - 29), date!(2027 - 02 - 28)), 66);
        assert_eq!(age_on(date!(1960 - 02 - 29), date!(2027 - 03 - 01)), 67);
    }

    /// Pensions Act 1995 Sch 4 table 3 (as the Pensions Act 2014 s.26 made it): the first and
    /// last dates of birth of bands, and the three month-end days para 1(7A) names.
    #[test]
    fn the_state_pension_age_timetable() {
        let cases = [
            (date!(1954 - 10 - 06), (66, 0), date!(2020 - 10 - 06)),
            (date!(1960 - 04 - 05), (66, 0), date!(2026 - 04 - 05)),
            (date!(1960 - 04 - 06), (66, 1), date!(2026 - 05 - 06)),
            (date!(1960 - 05 - 05), (66, 1), date!(2026 - 06 - 05)),
            (date!(1960 - 05 - 06), (66, 2), date!(2026 - 07 - 06)),
            (date!(1960 - 09 - 30), (66, 6), date!(2027 - 03 - 30)),
            (date!(1960 - 07 - 31), (66, 4), date!(2026 - 11 - 30)),
            (date!(1960 - 12 - 31), (66, 9), date!(2027 - 09 - 30)),
            (date!(1961 - 01 - 31), (66, 10), date!(2027 - 11 - 30)),
            (date!(1960 - 02 - 29), (66, 0), date!(2026 - 03 - 01)),
            (date!(1961 - 02 - 06), (66, 11), date!(2028 - 01 - 06)),
            (date!(1961 - 03 - 05), (66, 11), date!(2028 - 02 - 05)),
            (date!(1961 - 03 - 06), (67, 0), date!(2028 - 03 - 06)),
            (date!(1970 - 06 - 15), (67, 0), date!(2037 - 06 - 15)),
        ];
        for (born, age, day) in cases {
            assert_eq!(state_pension_age(born), age, "{born}");
            assert_eq!(state_pension_day(born), day, "{born}");
            assert!(pension_credit_age_reached(born, day));
            assert!(!pension_credit_age_reached(
                born,
                day.previous_day().unwrap()
            ));
        }
    }

    /// API.md: with an age alone, 67 or over has reached it, 65 or under has not, and 66 has
    /// only before 6 April 2026.
    #[test]
    fn an_age_alone_decides_only_where_every_birthday_agrees() {
        let at = |age, on| pension_credit_age_reached_at_age(age, on);
        assert_eq!(at(66, date!(2026 - 04 - 05)), Some(true));
        assert_eq!(at(66, date!(2026 - 04 - 06)), None);
        assert_eq!(at(66, date!(2026 - 11 - 22)), None);
        assert_eq!(at(66, date!(2025 - 06 - 01)), Some(true));
        assert_eq!(at(67, date!(2026 - 11 - 22)), Some(true));
        assert_eq!(at(67, date!(2030 - 01 - 01)), Some(true));
        assert_eq!(at(65, date!(2026 - 11 - 22)), Some(false));
        assert_eq!(at(66, date!(2029 - 06 - 01)), Some(false));
        assert_eq!(at(40, date!(2028 - 02 - 29)), Some(false));
        assert_eq!(at(90, date!(2028 - 02 - 29)), Some(true));
    }
}
