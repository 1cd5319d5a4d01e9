//! RFC 9457 problem details (`application/problem+json`), with one `errors` entry per field
//! in the same words as the web forms.

use app::domain::problems::{FieldError, FieldErrors};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An `application/problem+json` body (RFC 9457).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: &'static str,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    #[serde(skip)]
    #[schema(ignore)]
    pub retry_after: Option<i64>,
}

impl Problem {
    pub fn new(status: StatusCode, title: &'static str, detail: impl Into<String>) -> Self {
        Self {
            kind: "about:blank",
            title,
            status: status.as_u16(),
            detail: detail.into(),
            errors: Vec::new(),
            retry_after: None,
        }
    }

    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "Bad request", detail)
    }

    pub fn invalid(errors: FieldErrors) -> Self {
        Self {
            errors: errors
                .0
                .into_iter()
                .map(|e| FieldError {
                    field: api_field_path(&e.field),
                    message: e.message,
                })
                .collect(),
            ..Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "There is a problem",
                "Some answers need correcting",
            )
        }
    }

    pub fn unavailable() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "Service unavailable",
            "Nothing was saved. Try again later.",
        )
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(seconds) = self.retry_after {
            if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
                headers.insert(header::RETRY_AFTER, value);
            }
        }
        response
    }
}

/// The forms' field paths (`trackers.0.email`) as API.md writes them (`trackers[0].email`).
fn api_field_path(field: &str) -> String {
    let mut path = String::new();
    for segment in field.split('.') {
        if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
            path.push_str(&format!("[{segment}]"));
        } else {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(segment);
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::api_field_path;

    #[test]
    fn indices_are_bracketed() {
        assert_eq!(api_field_path("trackers.0.email"), "trackers[0].email");
        assert_eq!(
            api_field_path("person.date_of_birth"),
            "person.date_of_birth"
        );
        assert_eq!(api_field_path("trackers"), "trackers");
        assert_eq!(
            api_field_path("weekly_income[0].kind"),
            "weekly_income[0].kind"
        );
    }
}
