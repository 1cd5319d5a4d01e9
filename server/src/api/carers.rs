//! `POST /api/v1/carers`: registers a carer (API.md "Carers"), exactly once per
//! `Idempotency-Key`, with a `CAR-` reference. A carer under 18 gets a 422 whose detail points
//! to young carers' support.

use app::domain::carer::{CarerRegistration, YOUNG_CARER};
use app::domain::office_hours::uk_local;
use app::journeys::carer::service::register_carer;
use app::journeys::submission::Submission;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use time::OffsetDateTime;

use super::referrals::{canonical_json, read_submission, submitted_response, Receipt};
use super::{ApiState, Problem};

/// Registers a carer, exactly once per `Idempotency-Key`.
#[utoipa::path(
    post,
    path = "/api/v1/carers",
    tag = "Carers",
    params(("Idempotency-Key" = String, Header, min_length = 1, max_length = 200, pattern = "^[!-~]+$", description = "A client-chosen key: the same key and body return the same registration (1 to 200 visible ASCII characters)")),
    request_body(content = CarerRegistration, example = json!({
        "carer": { "given_name": "Sam", "family_name": "Patel", "date_of_birth": "1970-05-05",
                   "address_line_1": "3 High St", "town": "Exampletown", "postcode": "EX2 3CD",
                   "phone": "01632 960002", "email": "sam@example.org" },
        "cared_for": [ { "given_name": "Ravi", "family_name": "Patel", "date_of_birth": "1940-02-02",
                         "relationship": "father", "same_address": true } ],
        "caring": { "hours_per_week": 35, "when": "day_and_night", "tasks": ["personal_care", "meals"] },
        "emergency_plan": null,
        "consent": { "agrees": true }
    })),
    security(("partner_key" = [])),
    responses(
        (status = 201, description = "Registered: the carer's reference", body = Receipt),
        (status = 200, description = "A replay of an earlier registration: its original answer", body = Receipt),
        (status = 401, description = "No API key, or a wrong or revoked one", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This key's limit on submissions a minute; see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 400, description = "No Idempotency-Key, or a body that is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The Idempotency-Key was used for a different body", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Answers that break the rules, one entry per field; a carer under 18 is pointed to young carers' support", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The store is unavailable: nothing was saved", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create(
    State(state): State<ApiState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let channel = match super::partner::partner_channel(&state, &headers).await {
        Ok(channel) => channel,
        Err(refused) => return refused,
    };
    let (key, value, registration): (_, _, CarerRegistration) =
        match read_submission(&headers, body) {
            Ok(read) => read,
            Err(problem) => return problem.into_response(),
        };
    let now = OffsetDateTime::now_utc();
    if registration.is_young_carer(uk_local(now).date()) {
        if let Err(errors) = registration.check(uk_local(now).date()) {
            let mut problem = Problem::invalid(errors);
            problem.detail =
                format!("{YOUNG_CARER}. See /information-and-advice/support-for-carers");
            return problem.into_response();
        }
    }
    let body = canonical_json(&value);
    let submission = Submission {
        settings: &state.settings,
        now,
        channel,
        idempotency_key: &key,
        request_body: &body,
    };
    let submitted = register_carer(&*state.store, &submission, &registration).await;
    submitted_response(submitted, "carer")
}
