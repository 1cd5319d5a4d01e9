//! A field's problem in the words a form shows. The same list answers the web pages (error
//! summary) and the JSON API (problem+json `errors`), so both say the same thing.

use serde::{Deserialize, Serialize};

/// One field's problem.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's path, dotted for nesting (`person.date_of_birth`, `trackers.0.email`).
    pub field: String,
    pub message: String,
}

/// Every problem found, in the order the fields appear.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The message for one field, if it has one.
    pub fn message_for(&self, field: &str) -> Option<String> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    }

    /// Adds a problem unless the field already has one (a field shows its first problem).
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        let field = field.into();
        if self.0.iter().all(|e| e.field != field) {
            self.0.push(FieldError {
                field,
                message: message.into(),
            });
        }
    }

    /// Adds `Err` results; passes `Ok` values through.
    pub fn take<T>(&mut self, field: &str, result: Result<T, String>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(message) => {
                self.add(field, message);
                None
            }
        }
    }

    /// Appends another list, with its fields put under `prefix` (`person` + `town` →
    /// `person.town`).
    pub fn extend_under(&mut self, prefix: &str, other: FieldErrors) {
        for error in other.0 {
            self.add(format!("{prefix}.{}", error.field), error.message);
        }
    }
}
