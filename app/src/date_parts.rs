//! A date as typed into the GOV.UK date input's three boxes, kept as typed (so nothing is
//! lost when it is not yet a real date) until the domain's checks read it.
use serde::{Deserialize, Serialize};

/// Day, month and year as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}
