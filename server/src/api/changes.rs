//! `POST /api/v1/referrals/changes`: "something has changed" for an open request, found by
//! its reference and date of birth behind the same limits as progress lookups (404 either
//! way, 429 over the limits), then kept with its `referral.changed` event (409 once the
//! request is closed, 429 when it has had its changes for the day).

use app::domain::change_report::{check_change, ChangeReport};
use app::journeys::referral::changes::tell_change;
use app::journeys::referral::service::lookup_status;
use app::journeys::submission::LookupAttempt;
use app::store::ChangeRecorded;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{Extensions, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::body::{json_body, typed};
use super::referrals::{caller, found, lookup_keys, no_store};
use super::{ApiState, Problem};

/// A change: the request's reference and date of birth, what has changed and whether it is
/// more urgent now.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct ChangeBody {
    #[serde(default)]
    reference: String,
    #[serde(default)]
    date_of_birth: String,
    #[serde(default)]
    what_changed: String,
    #[serde(default)]
    more_urgent: Option<bool>,
}

/// The change was kept: the request and its status now (`triage` when more urgent).
#[derive(Serialize, utoipa::ToSchema)]
pub struct ChangeReceipt {
    pub reference: String,
    pub status: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/referrals/changes",
    tag = "Referrals",
    request_body(content = ChangeBody, example = json!({ "reference": "ASC-7K3M-9QX2-HD4P", "date_of_birth": "1948-03-02", "what_changed": "She fell again last night and cannot get upstairs", "more_urgent": true })),
    responses(
        (status = 200, description = "Kept; the case-management system is told", body = ChangeReceipt),
        (status = 400, description = "A body that is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No request with that reference and date of birth", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The request is closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A missing field, or words over their limit", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many misses from this client or for this reference, or the request's changes for the day; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create(
    State(state): State<ApiState>,
    extensions: Extensions,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let body: ChangeBody = match json_body(body).and_then(|value| typed(&value)) {
        Ok(body) => body,
        Err(problem) => return problem.into_response(),
    };
    let now = OffsetDateTime::now_utc();
    let report = ChangeReport {
        what_changed: body.what_changed,
        more_urgent: body.more_urgent,
    };
    let mut errors = Default::default();
    let date_of_birth = lookup_keys(&body.reference, &body.date_of_birth, now, &mut errors);
    let checked = check_change(&report).map_err(|problems| errors.0.extend(problems.0));
    let (Some(date_of_birth), Ok(checked), true) = (date_of_birth, checked, errors.is_empty())
    else {
        return Problem::invalid(errors).into_response();
    };
    let client = caller(&state, &extensions, &headers);
    let attempt = LookupAttempt {
        now,
        client_address: &client,
        reference: &body.reference,
        date_of_birth: &date_of_birth,
    };
    let view = match found(lookup_status(&*state.store, &state.settings, &attempt).await) {
        Ok(view) => view,
        Err(refusal) => return refusal,
    };
    match tell_change(&*state.store, &view.reference, &checked, &client, now).await {
        Ok(ChangeRecorded::Kept { status }) => no_store(
            (
                StatusCode::OK,
                axum::Json(ChangeReceipt {
                    reference: view.reference,
                    status,
                }),
            )
                .into_response(),
        ),
        Ok(ChangeRecorded::Closed) => Problem::new(
            StatusCode::CONFLICT,
            "Closed",
            "This request is closed. Call the Care Line, or make a new request.",
        )
        .into_response(),
        Ok(ChangeRecorded::TooMany) => Problem {
            retry_after: Some(86_400),
            ..Problem::new(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many changes",
                "This request has had its changes for today. Call the Care Line to tell us more.",
            )
        }
        .into_response(),
        Ok(ChangeRecorded::NotFound) => Problem::new(
            StatusCode::NOT_FOUND,
            "Not found",
            "We could not find a request with that reference and date of birth",
        )
        .into_response(),
        Err(error) => {
            tracing::error!(%error, "could not keep a change");
            Problem::unavailable().into_response()
        }
    }
}
