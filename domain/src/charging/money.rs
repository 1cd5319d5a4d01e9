//! Money as whole pence in a newtype: no floating point anywhere in charging. Amounts are
//! weekly unless a name says otherwise; shown as pounds with two decimals (£1,234.56).

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

use serde::{Deserialize, Serialize};

/// An amount in pence (negative for amounts taken away in a breakdown).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct Pence(pub i64);

impl Pence {
    pub const ZERO: Pence = Pence(0);

    /// Whole pounds.
    pub const fn pounds(pounds: i64) -> Pence {
        Pence(pounds * 100)
    }

    /// `self × percent ÷ 100`, rounded down to the penny (the one rounding rule: in the
    /// person's favour).
    pub fn percent(self, percent: u8) -> Pence {
        Pence((self.0 * i64::from(percent)).div_euclid(100))
    }

    pub fn max(self, other: Pence) -> Pence {
        Pence(self.0.max(other.0))
    }

    pub fn min(self, other: Pence) -> Pence {
        Pence(self.0.min(other.0))
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }
}

impl Add for Pence {
    type Output = Pence;
    fn add(self, other: Pence) -> Pence {
        Pence(self.0 + other.0)
    }
}

impl AddAssign for Pence {
    fn add_assign(&mut self, other: Pence) {
        self.0 += other.0;
    }
}

impl Sub for Pence {
    type Output = Pence;
    fn sub(self, other: Pence) -> Pence {
        Pence(self.0 - other.0)
    }
}

impl Neg for Pence {
    type Output = Pence;
    fn neg(self) -> Pence {
        Pence(-self.0)
    }
}

impl Sum for Pence {
    fn sum<I: Iterator<Item = Pence>>(iter: I) -> Pence {
        iter.fold(Pence::ZERO, Add::add)
    }
}

/// `£1,234.56`, or `−£5.00` when negative.
impl fmt::Display for Pence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "−" } else { "" };
        let abs = self.0.unsigned_abs();
        let pounds = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, digit) in pounds.chars().enumerate() {
            if i > 0 && (pounds.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        write!(f, "{sign}£{grouped}.{:02}", abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_pounds_with_commas_and_pence() {
        assert_eq!(Pence(0).to_string(), "£0.00");
        assert_eq!(Pence(5).to_string(), "£0.05");
        assert_eq!(Pence(2865).to_string(), "£28.65");
        assert_eq!(Pence(1_600_000).to_string(), "£16,000.00");
        assert_eq!(Pence(123_456_789).to_string(), "£1,234,567.89");
        assert_eq!(Pence(-500).to_string(), "−£5.00");
    }

    #[test]
    fn a_percentage_rounds_down_to_the_penny() {
        assert_eq!(Pence(2865).percent(100), Pence(2865));
        assert_eq!(Pence(2865).percent(90), Pence(2578)); // 2578.5
        assert_eq!(Pence(1).percent(99), Pence(0));
        assert_eq!(Pence(0).percent(50), Pence(0));
    }
}

/// Reads an amount typed in pounds (`1,234.56`, `£20`, `20.5`) as pence. Refuses anything
/// else with the message a form shows: no rounding happens here.
pub fn parse_pounds(text: &str) -> Result<Pence, String> {
    let cleaned: String = text
        .trim()
        .trim_start_matches('£')
        .chars()
        .filter(|c| *c != ',' && !c.is_whitespace())
        .collect();
    let invalid = || "Enter an amount in pounds and pence, like 150 or 42.50".to_owned();
    if cleaned.starts_with('-') {
        return Err("Enter an amount of £0 or more".to_owned());
    }
    let (pounds, pence) = match cleaned.split_once('.') {
        Some((pounds, pence)) => (pounds, pence),
        None => (cleaned.as_str(), ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if pounds.is_empty() && pence.is_empty()
        || !digits(pounds)
        || !digits(pence)
        || pence.len() > 2
        || pounds.len() > 12
    {
        return Err(invalid());
    }
    let pounds: i64 = if pounds.is_empty() {
        0
    } else {
        pounds.parse().map_err(|_| invalid())?
    };
    let pence: i64 = match pence.len() {
        0 => 0,
        1 => pence.parse::<i64>().map_err(|_| invalid())? * 10,
        _ => pence.parse().map_err(|_| invalid())?,
    };
    Ok(Pence(pounds * 100 + pence))
}

/// An amount as a form shows it back: `1234.56`, `20` for whole pounds.
pub fn pounds_text(amount: Pence) -> String {
    if amount.0 % 100 == 0 {
        (amount.0 / 100).to_string()
    } else {
        format!("{}.{:02}", amount.0 / 100, (amount.0 % 100).abs())
    }
}

#[cfg(test)]
mod parse_tests {
    use super::*;

    #[test]
    fn reads_pounds_as_people_type_them() {
        assert_eq!(parse_pounds("150"), Ok(Pence(15000)));
        assert_eq!(parse_pounds(" £1,234.56 "), Ok(Pence(123456)));
        assert_eq!(parse_pounds("42.5"), Ok(Pence(4250)));
        assert_eq!(parse_pounds(".99"), Ok(Pence(99)));
        assert_eq!(parse_pounds("0"), Ok(Pence(0)));
        for bad in ["", "£", "12.345", "ten", "1.2.3", "1e5", "12 pounds"] {
            assert!(parse_pounds(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_pounds("-5"),
            Err("Enter an amount of £0 or more".to_owned())
        );
        assert_eq!(pounds_text(Pence(4250)), "42.50");
        assert_eq!(pounds_text(Pence(15000)), "150");
    }
}
