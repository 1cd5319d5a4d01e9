//! Reading a JSON request body as API.md says: 413 over the size limit, 400 when it is not
//! JSON, 422 naming the field when JSON does not fit the contract's shape.

use app::domain::problems::FieldErrors;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::Problem;

/// The body as JSON: 413 over the limit, 400 when it is not JSON at all.
pub fn json_body(body: Result<Bytes, BytesRejection>) -> Result<Value, Problem> {
    let bytes = read_bytes(body)?;
    serde_json::from_slice(&bytes).map_err(|_| Problem::bad_request("The body must be JSON"))
}

/// The body's bytes: over the limit is a 413, unreadable a 400.
pub fn read_bytes(body: Result<Bytes, BytesRejection>) -> Result<Bytes, Problem> {
    body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "Request too large",
                "The body must be 64 KB or less",
            )
        } else {
            Problem::bad_request("The body could not be read")
        }
    })
}

/// Parseable JSON into the contract's shape: a missing field or a wrong type is a 422
/// naming the field.
pub fn typed<T: DeserializeOwned>(value: &Value) -> Result<T, Problem> {
    serde_path_to_error::deserialize(value.clone()).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let inner = error.inner().to_string();
        let missing = inner
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next());
        let (field, message) = match missing {
            Some(name) => {
                let field = if path.is_empty() {
                    name.to_owned()
                } else {
                    format!("{path}.{name}")
                };
                let message = format!("{field} is required");
                (field, message)
            }
            None if inner.starts_with("unknown field `") => {
                let message = format!("{path} is not a field this request has");
                (path, message)
            }
            None => {
                let message = format!(
                    "{} has the wrong type of value",
                    if path.is_empty() { "The body" } else { &path }
                );
                (path, message)
            }
        };
        let mut errors = FieldErrors::default();
        errors.add(field, message);
        Problem::invalid(errors)
    })
}
