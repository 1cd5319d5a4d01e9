//! `POST /api/v1/referrals` (exactly once per `Idempotency-Key`) and
//! `POST /api/v1/referrals/status` (rate-limited progress lookups).

use std::net::SocketAddr;

use app::api::client_address::client_address;
use app::domain::checks::{date_of_birth_iso, iso_date};
use app::domain::office_hours::uk_local;
use app::domain::problems::FieldErrors;
use app::domain::referral::ReferralRequest;
use app::journeys::referral::service::{lookup_status, submit_referral, Lookup, StatusView};
use app::journeys::submission::Submitted;
use app::journeys::submission::{LookupAttempt, Submission};
use app::store::{ReferralReceipt, StoreError};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, Extensions, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::Value;
use time::OffsetDateTime;

use super::body::{json_body, typed};
use super::{ApiState, Problem};

const IDEMPOTENCY_KEY_MAX: usize = 200;

/// What a new (or replayed) referral's response says.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Receipt {
    /// `ASC-XXXX-XXXX-XXXX`.
    pub reference: String,
    pub status: String,
    /// RFC 3339.
    pub submitted_at: String,
    /// The Client Level Data route of access worked out from the answers (requests only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route_of_access: Option<String>,
}

/// Asks for an assessment (or a carer's assessment, or reports a safeguarding concern),
/// exactly once per `Idempotency-Key`.
#[utoipa::path(
    post,
    path = "/api/v1/referrals",
    tag = "Referrals",
    params(("Idempotency-Key" = String, Header, min_length = 1, max_length = 200, pattern = "^[!-~]+$", description = "A client-chosen key: the same key and body return the same referral (1 to 200 visible ASCII characters)")),
    request_body(content = ReferralRequest, example = json!({
        "for": "self",
        "person": { "given_name": "Amara", "family_name": "Okafor", "date_of_birth": "1948-03-02",
                    "address_line_1": "12 Mill Lane", "town": "Exampletown", "postcode": "EX1 2AB",
                    "phone": "01632 960001", "email": "amara@example.org",
                    "preferred_contact": "phone", "language": "English", "interpreter_needed": false,
                    "communication_needs": "" },
        "referrer": null,
        "consent": { "person_agrees": true },
        "needs": { "summary": "Struggling to wash and cook since a fall", "outcomes": ["nutrition"] },
        "trackers": [ { "name": "Chidi Okafor", "relationship": "son", "email": "chidi@example.org" } ]
    })),
    security(("partner_key" = [])),
    responses(
        (status = 201, description = "Created", body = Receipt),
        (status = 200, description = "A replay of an earlier submission: its original answer", body = Receipt),
        (status = 401, description = "No API key, or a wrong or revoked one", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "This key's limit on submissions a minute; see Retry-After", body = Problem, content_type = "application/problem+json"),
        (status = 400, description = "No Idempotency-Key, or a body that is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The Idempotency-Key was used for a different body", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 64 KB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Answers that break the rules, one entry per field", body = Problem, content_type = "application/problem+json"),
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
    let (key, value, request): (_, _, ReferralRequest) = match read_submission(&headers, body) {
        Ok(read) => read,
        Err(problem) => return problem.into_response(),
    };
    let body = canonical_json(&value);
    let submission = Submission {
        settings: &state.settings,
        now: OffsetDateTime::now_utc(),
        channel,
        idempotency_key: &key,
        request_body: &body,
    };
    let submitted = submit_referral(&*state.store, &submission, &request, None).await;
    submitted_response(submitted, "referral")
}

/// A progress lookup: the reference and the date of birth that opens it.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct StatusQuery {
    #[serde(default)]
    reference: String,
    #[serde(default)]
    date_of_birth: String,
}

/// A referral's progress (only notes staff marked visible). A wrong reference or date of
/// birth gets the same 404; misses are rate-limited per client and per reference.
#[utoipa::path(
    post,
    path = "/api/v1/referrals/status",
    tag = "Referrals",
    request_body(content = StatusQuery, example = json!({ "reference": "ASC-7K3M-9QX2-HD4P", "date_of_birth": "1948-03-02" })),
    responses(
        (status = 200, description = "The progress", body = StatusView),
        (status = 400, description = "A body that is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No request with that reference and date of birth", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A missing reference or date of birth", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many misses; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn status(
    State(state): State<ApiState>,
    extensions: Extensions,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let value = match json_body(body) {
        Ok(value) => value,
        Err(problem) => return problem.into_response(),
    };
    let query: StatusQuery = match typed(&value) {
        Ok(query) => query,
        Err(problem) => return problem.into_response(),
    };
    let now = OffsetDateTime::now_utc();
    let mut errors = FieldErrors::default();
    let date_of_birth = lookup_keys(&query.reference, &query.date_of_birth, now, &mut errors);
    let Some(date_of_birth) = date_of_birth.filter(|_| errors.is_empty()) else {
        return Problem::invalid(errors).into_response();
    };
    let client = caller(&state, &extensions, &headers);
    let attempt = LookupAttempt {
        now,
        client_address: &client,
        reference: &query.reference,
        date_of_birth: &date_of_birth,
    };
    match found(lookup_status(&*state.store, &state.settings, &attempt).await) {
        Ok(view) => no_store((StatusCode::OK, axum::Json(view)).into_response()),
        Err(refusal) => refusal,
    }
}

/// A lookup's reference and date of birth checked: the date as `YYYY-MM-DD`, problems added
/// to `errors` (the caller may have more of its own).
pub(super) fn lookup_keys(
    reference: &str,
    date_of_birth: &str,
    now: OffsetDateTime,
    errors: &mut FieldErrors,
) -> Option<String> {
    if reference.trim().is_empty() {
        errors.add("reference", "Enter the reference");
    }
    errors
        .take(
            "date_of_birth",
            date_of_birth_iso(
                date_of_birth,
                uk_local(now).date(),
                "Enter the date of birth",
            ),
        )
        .map(iso_date)
}

/// The caller's address, as the lookup limits count it.
pub(super) fn caller(state: &ApiState, extensions: &Extensions, headers: &HeaderMap) -> String {
    let peer = extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    client_address(peer, headers, &state.settings.trusted_proxies)
}

/// A found request's view, or the answer for a miss (the same 404 whichever half was
/// wrong), a caller over its limits (429) or the store out of reach.
pub(super) fn found(lookup: Result<Lookup, StoreError>) -> Result<StatusView, Response> {
    match lookup {
        Ok(Lookup::Found(view)) => Ok(view),
        Ok(Lookup::NotFound) => Err(Problem::new(
            StatusCode::NOT_FOUND,
            "Not found",
            "We could not find a request with that reference and date of birth",
        )
        .into_response()),
        Ok(Lookup::RateLimited {
            retry_after_seconds,
        }) => Err(Problem {
            retry_after: Some(retry_after_seconds),
            ..Problem::new(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many tries",
                "Too many tries. Call the Care Line to ask about the request.",
            )
        }
        .into_response()),
        Err(error) => {
            tracing::error!(%error, "could not look up a referral");
            Err(Problem::unavailable().into_response())
        }
    }
}

/// A submission's `Idempotency-Key`, its JSON body, and the body in the contract's shape
/// (400 without a key or JSON, 413 too large, 422 naming a field of the wrong shape).
pub(super) fn read_submission<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(String, Value, T), Problem> {
    let key = idempotency_key(headers)?;
    let value = json_body(body)?;
    let typed_body = typed(&value)?;
    Ok((key, value, typed_body))
}

fn idempotency_key(headers: &HeaderMap) -> Result<String, Problem> {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .unwrap_or_default();
    if key.is_empty() {
        return Err(Problem::bad_request(
            "An Idempotency-Key header is required",
        ));
    }
    if key.len() > IDEMPOTENCY_KEY_MAX {
        return Err(Problem::bad_request(
            "The Idempotency-Key header must be 200 characters or fewer",
        ));
    }
    Ok(key.to_owned())
}

/// JSON with object keys sorted at every level, so equal bodies compare equal.
pub fn canonical_json(value: &Value) -> String {
    fn sorted(value: &Value) -> Value {
        match value {
            Value::Object(map) => {
                let mut entries: Vec<_> = map.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                let mut out = serde_json::Map::new();
                for (k, v) in entries {
                    out.insert(k.clone(), sorted(v));
                }
                Value::Object(out)
            }
            Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    sorted(value).to_string()
}

/// The answer to a submission (a referral or a carer's registration): 201 with the receipt,
/// 200 with the original for a replay, 422 for broken rules, 409 for a reused key, 503 when
/// the store is down.
pub(super) fn submitted_response(
    submitted: Result<Submitted, app::journeys::submission::SubmitError>,
    what: &str,
) -> Response {
    match submitted {
        Ok(Submitted::Created(receipt)) => receipt_response(StatusCode::CREATED, &receipt),
        Ok(Submitted::Replayed(receipt)) => receipt_response(StatusCode::OK, &receipt),
        Ok(Submitted::Invalid(errors)) => Problem::invalid(errors).into_response(),
        Ok(Submitted::KeyReused) => Problem::new(
            StatusCode::CONFLICT,
            "Idempotency key reused",
            "This Idempotency-Key was already used for a different request",
        )
        .into_response(),
        Err(error) => {
            tracing::error!(%error, what, "could not store a submission");
            Problem::unavailable().into_response()
        }
    }
}

fn receipt_response(status: StatusCode, receipt: &ReferralReceipt) -> Response {
    let submitted_at = OffsetDateTime::from_unix_timestamp(receipt.submitted_at)
        .map(app::journeys::submission::rfc3339)
        .unwrap_or_default();
    let body = Receipt {
        reference: receipt.reference.clone(),
        status: receipt.status.clone(),
        submitted_at,
        route_of_access: receipt.route_of_access.clone(),
    };
    no_store((status, axum::Json(body)).into_response())
}

pub(super) fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
