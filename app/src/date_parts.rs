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

impl DateParts {
    /// The date of birth typed, if it is a real one in the past.
    pub fn date_of_birth(&self, today: time::Date) -> Option<time::Date> {
        crate::domain::checks::date_of_birth_parts(&self.day, &self.month, &self.year, today, "")
            .ok()
    }

    /// What is wrong with the date of birth typed, in the domain's words (`missing` when
    /// nothing was typed); `None` when it is a real date in the past.
    pub fn date_of_birth_problem(&self, today: time::Date, missing: &str) -> Option<String> {
        crate::domain::checks::date_of_birth_parts(
            &self.day,
            &self.month,
            &self.year,
            today,
            missing,
        )
        .err()
        .map(|problem| problem.message)
    }

    /// The date of birth typed as `YYYY-MM-DD`, or empty when it is not a real one yet (the
    /// draft keeps what was typed; the page's problems say what is wrong).
    pub fn iso_date_of_birth(&self, today: time::Date) -> String {
        self.date_of_birth(today)
            .map(crate::domain::checks::iso_date)
            .unwrap_or_default()
    }
}
