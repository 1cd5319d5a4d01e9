//! Capital (SI 2014/2672 Part 5 and reg 25): over the upper limit the person pays the full
//! cost; between the limits, tariff income of £1 a week for every £250 or part of £250 over
//! the lower limit; at or under the lower limit, nothing.

use super::breakdown::Breakdown;
use super::money::Pence;
use super::rates::YearValues;

/// The weekly tariff income from `capital`.
pub fn tariff_income(capital: Pence, rates: &YearValues) -> Pence {
    let over = capital.0 - rates.capital_lower_limit.pence.0;
    if over <= 0 {
        return Pence::ZERO;
    }
    let band = rates.tariff_band.pence.0;
    let bands = (over + band - 1) / band;
    Pence(bands * rates.tariff_per_band.pence.0)
}

/// Adds the tariff income line for `capital`, described as `what` ("savings of £16,000.00").
pub fn add_tariff_line(capital: Pence, what: &str, rates: &YearValues, lines: &mut Breakdown) {
    let tariff = tariff_income(capital, rates);
    let lower = &rates.capital_lower_limit;
    let label = if tariff == Pence::ZERO {
        format!("No tariff income: {what} is {} or less", lower.pence)
    } else {
        format!(
            "Tariff income from {what}: {} for every {} or part of it over {}",
            rates.tariff_per_band.pence, rates.tariff_band.pence, lower.pence
        )
    };
    lines.add(
        "tariff_income",
        label,
        tariff,
        &rates.tariff_band.source,
        !lower.confirmed || !rates.tariff_band.confirmed,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charging::rates::RateTables;

    #[test]
    fn one_pound_for_every_250_or_part() {
        let rates = &RateTables::published().year("2025-26").unwrap().values;
        let tariff =
            |pounds: i64, pence: i64| tariff_income(Pence(pounds * 100 + pence), rates).0 / 100;
        assert_eq!(tariff(14_250, 0), 0);
        assert_eq!(tariff(14_250, 1), 1);
        assert_eq!(tariff(14_500, 0), 1);
        assert_eq!(tariff(14_500, 1), 2);
        assert_eq!(tariff(15_000, 0), 3); // St Helens and Knowsley: £15,000 gives £3
        assert_eq!(tariff(16_000, 0), 7); // DOMAIN.md's example
        assert_eq!(tariff(16_001, 0), 8);
        assert_eq!(tariff(18_250, 0), 16); // Kingston: £4,000 over the lower limit gives £16
        assert_eq!(tariff(23_250, 0), 36);
    }
}
