//! Delivering the outbox: emails (SMTP, or files in development) and signed case-management
//! events (HTTP). Each channel has a worker that takes due messages in order, delivers them,
//! and on failure tries again later with exponential backoff (10 s doubling to an hour).
//! Messages live in the store until delivered, so they survive restarts; delivery is at least
//! once, and events carry a stable id for the receiver to drop duplicates. Instances sharing
//! a database take turns (`Store::lead_outbox`), so only one delivers a channel at a time.

pub mod email;
pub mod events;

use std::sync::Arc;
use std::time::Duration;

use app::store::{OutboxMessage, Store};
use time::OffsetDateTime;

/// Something that can deliver one outbox message.
#[async_trait::async_trait]
pub trait Deliver: Send + Sync + 'static {
    /// The outbox channel it serves (`email` or `event`).
    fn channel(&self) -> &'static str;

    /// Delivers one message; the error text is kept on the message for staff to see (it
    /// must not contain personal data).
    async fn deliver(&self, message: &OutboxMessage) -> Result<(), String>;
}

/// Seconds to wait after the `attempts`-th failure.
pub fn backoff_seconds(attempts: i64) -> i64 {
    let exponent = attempts.clamp(0, 20) as u32;
    (10i64.saturating_mul(1i64 << exponent)).min(3600)
}

/// Delivers whatever is due at `now` (unix seconds); returns how many were delivered.
pub async fn deliver_due(
    store: &dyn Store,
    deliverer: &dyn Deliver,
    now: i64,
) -> Result<usize, app::store::StoreError> {
    let Some(lead) = store.lead_outbox(deliverer.channel()).await? else {
        return Ok(0); // another instance is delivering this channel
    };
    let delivered = deliver_batch(store, deliverer, now).await;
    lead.release().await;
    delivered
}

/// Delivers up to 50 due messages, in order, while this process leads the channel.
async fn deliver_batch(
    store: &dyn Store,
    deliverer: &dyn Deliver,
    now: i64,
) -> Result<usize, app::store::StoreError> {
    let due = store.due_outbox(deliverer.channel(), now, 50).await?;
    let mut delivered = 0;
    for message in due {
        match deliverer.deliver(&message).await {
            Ok(()) => {
                store
                    .outbox_delivered(message.id, OffsetDateTime::now_utc().unix_timestamp())
                    .await?;
                delivered += 1;
            }
            Err(error) => {
                let next = now + backoff_seconds(message.attempts);
                tracing::warn!(channel = deliverer.channel(), id = message.id, attempts = message.attempts + 1, %error, "delivery failed");
                store.outbox_failed(message.id, next, &error).await?;
            }
        }
    }
    Ok(delivered)
}

/// Runs `deliverer` every `every` until the process stops.
pub fn spawn_worker(
    store: Arc<dyn Store>,
    deliverer: Arc<dyn Deliver>,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(every);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            // Keep going while there is a backlog.
            loop {
                match deliver_due(
                    &*store,
                    &*deliverer,
                    OffsetDateTime::now_utc().unix_timestamp(),
                )
                .await
                {
                    Ok(n) if n >= 50 => continue,
                    Ok(_) => break,
                    Err(error) => {
                        tracing::warn!(channel = deliverer.channel(), %error, "outbox unavailable");
                        break;
                    }
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::backoff_seconds;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(backoff_seconds(0), 10);
        assert_eq!(backoff_seconds(1), 20);
        assert_eq!(backoff_seconds(5), 320);
        assert_eq!(backoff_seconds(9), 3600);
        assert_eq!(backoff_seconds(1000), 3600);
    }
}
