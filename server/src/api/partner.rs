//! The partner endpoints' door (API.md "Who may call what"): `Authorization: Bearer <key>`
//! with a key that exists and is not revoked, or the same 401 whatever was wrong; then each
//! key's own limit on submissions a minute (429 with `Retry-After`). The key's name becomes
//! the submission's channel.

use app::api::api_keys::usable_key;
use app::journeys::submission::Channel;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::{ApiState, Problem};

/// The window a key's submissions are counted in.
const WINDOW_SECONDS: i64 = 60;

/// The channel of the key this call presents, or the answer that refuses it.
pub async fn partner_channel(state: &ApiState, headers: &HeaderMap) -> Result<Channel, Response> {
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .unwrap_or_default();
    let key = match usable_key(&*state.store, presented).await {
        Ok(Some(key)) => key,
        Ok(None) => return Err(unauthorised()),
        Err(_) => return Err(Problem::unavailable().into_response()),
    };
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let bucket = format!("api-key:{}", key.id);
    // Counted before the work, so calls sent at once cannot all pass.
    let counted = async {
        state.store.record_lookup_failure(&bucket, now).await?;
        state
            .store
            .count_lookup_failures(&bucket, now - WINDOW_SECONDS + 1)
            .await
    };
    match counted.await {
        Ok(n) if n > state.settings.api_key_submissions_per_minute => Err(Problem {
            retry_after: Some(WINDOW_SECONDS),
            ..Problem::new(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many requests",
                "This key has sent too many submissions in the last minute. Wait and send again.",
            )
        }
        .into_response()),
        Ok(_) => Ok(Channel::Api {
            key_id: key.id,
            key_name: key.name,
        }),
        Err(_) => Err(Problem::unavailable().into_response()),
    }
}

fn unauthorised() -> Response {
    let mut response = Problem::new(
        StatusCode::UNAUTHORIZED,
        "Unauthorised",
        "This endpoint needs a valid API key: Authorization: Bearer <key>",
    )
    .into_response();
    response
        .headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    response
}
