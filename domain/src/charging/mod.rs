//! What a person might pay for care: the Care and Support (Charging and Assessment of
//! Resources) Regulations 2014 (SI 2014/2672) as pure rules over integer pence, rates as dated
//! data (`rates`), the council's choices as configuration (`policy`). Care at home
//! (`non_residential`) and care homes (`residential`) each return a breakdown whose lines,
//! each with its source, add up to the weekly contribution. Tested from case files
//! (`cases.rs`), including councils' published worked examples.

pub mod breakdown;
pub mod capital;
pub mod income;
pub mod money;
pub mod non_residential;
pub mod policy;
pub mod premiums;
pub mod rates;
pub mod residential;

#[cfg(test)]
mod cases;

pub use breakdown::{Estimate, EstimateSummary, Line, Note};
pub use money::Pence;
pub use non_residential::{estimate_non_residential, NonResidentialRequest, Person};
pub use policy::{ChargingPolicy, PolicyChoices};
pub use rates::RateTables;
pub use residential::{estimate_residential, Property, ResidentialRequest};

use crate::problems::FieldErrors;

/// A year there are rates for, or the problem in a form's words.
fn year_problem(financial_year: &str, tables: &RateTables, errors: &mut FieldErrors) {
    if tables.year(financial_year).is_none() {
        errors.add(
            "financial_year",
            format!(
                "Select a year we have rates for: {}",
                tables.year_names().join(", ")
            ),
        );
    }
}
