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
    let bytes = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "Request too large",
                "The body must be 64 KB or less",
            )
        } else {
            Problem::bad_request("The body could not be read")
        }
    })?;
    serde_json::from_slice(&bytes).map_err(|_| Problem::bad_request("The body must be JSON"))
}

/// Parseable JSON into the contract's shape: a wrong type is a 422 naming the field.
pub fn typed<T: DeserializeOwned>(value: &Value) -> Result<T, Problem> {
    serde_path_to_error::deserialize(value.clone()).map_err(|error| {
        let path = error.path().to_string();
        let field = if path == "." { String::new() } else { path };
        let mut errors = FieldErrors::default();
        errors.add(
            field.clone(),
            format!(
                "{} has the wrong type of value",
                if field.is_empty() { "The body" } else { &field }
            ),
        );
        Problem::invalid(errors)
    })
}
