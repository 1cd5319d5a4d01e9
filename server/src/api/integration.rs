//! `POST /api/v1/integration/referrals/{reference}/status`: the council's case-management
//! system (LAS, Mosaic and the like) sets a referral's status and records its own case id, so
//! staff need not type it twice. Signed over everything that gives an update its meaning, so a
//! captured update cannot be replayed against another reference or with another event id:
//! `X-Portal-Event-Id`, `X-Portal-Timestamp` (unix seconds, within 5 minutes of now) and
//! `X-Portal-Signature: v2=<hex HMAC-SHA256 of "<timestamp>.<event id>.<METHOD>.<path>.<hex
//! SHA-256 of the body>">` with `PORTAL_INTEGRATION_SECRET`. A bad or stale signature, and any
//! v1 (`sha256=`) signature, is refused (401); an event id seen before is a replay (409).

use app::domain::problems::FieldErrors;
use app::domain::reference::{Reference, ReferenceKind};
use app::journeys::referral::service::{change_status, ChangeError, StatusUpdate};
use app::journeys::submission::constant_time_eq;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::body::{json_body, read_bytes, typed};
use super::{ApiState, Problem};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// How far a timestamp may be from now, either way.
const FRESH_SECONDS: i64 = 300;
const CASE_ID_MAX: usize = 64;
const ACTOR: &str = "case-management system";

/// What the case-management system sends. At least one of `status` and `case_id`.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct IntegrationUpdate {
    /// received, triage, assessment_arranged, assessment_completed or closed.
    #[serde(default)]
    status: Option<String>,
    /// With `closed`: support_arranged, information_and_advice, referred_elsewhere,
    /// no_further_action or withdrawn.
    #[serde(default)]
    outcome: Option<String>,
    /// With `closed`: the Client Level Data event outcome (reference/cld.md), optional.
    #[serde(default)]
    event_outcome: Option<String>,
    #[serde(default)]
    note: String,
    /// Show the note to the resident and the people following the request.
    #[serde(default)]
    note_visible: bool,
    /// The case-management system's own id for the referral.
    #[serde(default)]
    case_id: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct IntegrationReceipt {
    reference: String,
    status: String,
    case_id: Option<String>,
}

/// `v2=<hex HMAC-SHA256(secret, "<timestamp>.<event id>.<METHOD>.<path>.<hex SHA-256 of the
/// body>")>`: the inbound signature (API.md).
pub fn signature_v2(
    secret: &str,
    timestamp: i64,
    event_id: &str,
    method: &str,
    path: &str,
    body: &[u8],
) -> String {
    let body_hash = hex::encode(Sha256::digest(body));
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(format!("{timestamp}.{event_id}.{method}.{path}.{body_hash}").as_bytes());
    format!("v2={}", hex::encode(mac.finalize().into_bytes()))
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

fn unauthorised(detail: &str) -> Response {
    Problem::new(StatusCode::UNAUTHORIZED, "Unauthorised", detail).into_response()
}

/// Checks the signature and freshness; the event id on success.
fn authenticate(
    secret: &str,
    path: &str,
    headers: &HeaderMap,
    body: &[u8],
    now: i64,
) -> Result<String, Response> {
    let event_id = header(headers, "x-portal-event-id")
        .filter(|id| !id.is_empty() && id.len() <= 200)
        .ok_or_else(|| unauthorised("X-Portal-Event-Id is missing"))?;
    let timestamp: i64 = header(headers, "x-portal-timestamp")
        .and_then(|t| t.parse().ok())
        .ok_or_else(|| unauthorised("X-Portal-Timestamp is missing or not a number"))?;
    let given = header(headers, "x-portal-signature").unwrap_or_default();
    if given.starts_with("sha256=") {
        return Err(unauthorised(
            "Version 1 signatures are not accepted here: sign with v2 (see the OpenAPI document)",
        ));
    }
    let expected = signature_v2(secret, timestamp, event_id, "POST", path, body);
    if !constant_time_eq(expected.as_bytes(), given.as_bytes()) {
        return Err(unauthorised("The signature does not match"));
    }
    if (now - timestamp).abs() > FRESH_SECONDS {
        return Err(unauthorised(
            "The timestamp is more than 5 minutes from now",
        ));
    }
    Ok(event_id.to_owned())
}

/// Sets a referral's status and case id from the case-management system.
#[utoipa::path(
    post,
    path = "/api/v1/integration/referrals/{reference}/status",
    tag = "Integration",
    params(
        ("reference" = String, Path, description = "ASC-XXXX-XXXX-XXXX"),
        ("X-Portal-Event-Id" = String, Header, description = "Unique per update: a repeat is refused as a replay"),
        ("X-Portal-Timestamp" = i64, Header, description = "Unix seconds, within 5 minutes of the portal's clock"),
        ("X-Portal-Signature" = String, Header, description = "v2=<hex HMAC-SHA256 of \"<timestamp>.<event id>.<METHOD>.<path>.<hex SHA-256 of the body>\"> with the shared secret; v1 (sha256=) is refused"),
    ),
    request_body(content = IntegrationUpdate, example = json!({
        "status": "assessment_arranged", "note": "Assessment on 3 December at home", "note_visible": true,
        "case_id": "MOS-204518"
    })),
    responses(
        (status = 200, description = "Recorded", body = IntegrationReceipt),
        (status = 401, description = "A missing, wrong or stale signature", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No referral with that reference", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "This event id was received before (a replay)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A status, outcome, note or case id that breaks the rules", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Not configured, or the store is unavailable: nothing was recorded", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn set_status(
    State(state): State<ApiState>,
    Path(reference): Path<String>,
    uri: axum::extract::OriginalUri,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    if state.integration_secret.is_empty() {
        return Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "Service unavailable",
            "Updates from the case-management system are not configured (PORTAL_INTEGRATION_SECRET)",
        )
        .into_response();
    }
    let now = OffsetDateTime::now_utc();
    let bytes = match read_bytes(body) {
        Ok(bytes) => bytes,
        Err(problem) => return problem.into_response(),
    };
    let event_id = match authenticate(
        &state.integration_secret,
        uri.path(),
        &headers,
        &bytes,
        now.unix_timestamp(),
    ) {
        Ok(id) => id,
        Err(response) => return response,
    };
    let update: IntegrationUpdate = match json_body(Ok(bytes)).and_then(|v| typed(&v)) {
        Ok(update) => update,
        Err(problem) => return problem.into_response(),
    };
    let mut errors = FieldErrors::default();
    let case_id = update
        .case_id
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    if let Some(case_id) = case_id {
        if case_id.chars().count() > CASE_ID_MAX || case_id.chars().any(char::is_control) {
            errors.add("case_id", format!("The case id must be {CASE_ID_MAX} characters or fewer, with no hidden characters"));
        }
    }
    if update.status.is_none() && case_id.is_none() {
        errors.add("status", "Give a status, a case id, or both");
    }
    if let Err(problem) = app::domain::checks::optional_paragraphs(&update.note, 2000, "The note") {
        errors.add("note", problem);
    }
    if !errors.is_empty() {
        return Problem::invalid(errors).into_response();
    }
    let Some(reference) =
        Reference::parse(ReferenceKind::Referral, &reference).map(|r| r.to_string())
    else {
        return not_found();
    };
    let store = &*state.store;
    match store
        .record_integration_receipt(&event_id, now.unix_timestamp())
        .await
    {
        Ok(true) => {}
        Ok(false) => {
            return Problem::new(
                StatusCode::CONFLICT,
                "Conflict",
                "This event id was received before",
            )
            .into_response()
        }
        Err(_) => return Problem::unavailable().into_response(),
    }
    match apply(&state, &reference, &update, case_id, now).await {
        Ok(response) => response,
        Err(response) => {
            // Refused or failed: the same event may be sent again once put right.
            let _ = store.forget_integration_receipt(&event_id).await;
            response
        }
    }
}

fn not_found() -> Response {
    Problem::new(
        StatusCode::NOT_FOUND,
        "Not found",
        "There is no referral with that reference",
    )
    .into_response()
}

async fn apply(
    state: &ApiState,
    reference: &str,
    update: &IntegrationUpdate,
    case_id: Option<&str>,
    now: OffsetDateTime,
) -> Result<Response, Response> {
    let store = &*state.store;
    if let Some(status) = &update.status {
        let new_status = StatusUpdate {
            status,
            outcome: update.outcome.as_deref(),
            event_outcome: update.event_outcome.as_deref(),
            note: &update.note,
            note_visible: update.note_visible,
        };
        let changed =
            change_status(store, &state.settings, now, reference, &new_status, ACTOR).await;
        match changed {
            Ok(()) => {}
            Err(ChangeError::Invalid(message)) => {
                let mut errors = FieldErrors::default();
                errors.add("status", message);
                return Err(Problem::invalid(errors).into_response());
            }
            Err(ChangeError::NotFound) => return Err(not_found()),
            Err(ChangeError::Store(_)) => return Err(Problem::unavailable().into_response()),
        }
    }
    if let Some(case_id) = case_id {
        match store.set_case_id(reference, case_id).await {
            Ok(true) => {}
            Ok(false) => return Err(not_found()),
            Err(_) => return Err(Problem::unavailable().into_response()),
        }
    }
    let referral = match store.load_referral(reference).await {
        Ok(Some(referral)) => referral,
        Ok(None) => return Err(not_found()),
        Err(_) => return Err(Problem::unavailable().into_response()),
    };
    let audit = app::store::AuditEntry {
        at: now.unix_timestamp(),
        actor: ACTOR.to_owned(),
        action: "integration_update".to_owned(),
        subject: referral.reference.clone(),
        detail: update.status.clone().unwrap_or_default(),
        client: String::new(),
    };
    if store.record_audit(&audit).await.is_err() {
        return Err(Problem::unavailable().into_response());
    }
    Ok(Json(IntegrationReceipt {
        reference: referral.reference,
        status: referral.status,
        case_id: referral.case_id,
    })
    .into_response())
}
