//! The outbox delivered for real: emails to a real SMTP listener on localhost (only the first
//! name and reference in them), signed events to an HTTP receiver that fails at first (retried
//! with the same event id, in order per referral), and messages surviving a restart of the
//! store, on SQLite and PostgreSQL.
use crate::common;

use std::sync::{Arc, Mutex};

use app::domain::referral::ReferralRequest;
use app::journeys::referral::service::{change_status, submit_referral, StatusUpdate};
use app::journeys::submission::Submitted;
use app::journeys::submission::{Channel, Submission};
use app::settings::Settings;
use app::store::Store;
use common::{event_receiver, postgres_store, sqlite_store};
use server::delivery::email::EmailSender;
use server::delivery::events::{signature, EventSender};
use server::delivery::{deliver_due, Deliver};
use time::OffsetDateTime;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

fn request() -> ReferralRequest {
    serde_json::from_value(serde_json::json!({
        "for": "self",
        "person": { "given_name": "Amara", "family_name": "Okafor", "date_of_birth": "1948-03-02",
                    "address_line_1": "12 Mill Lane", "town": "Exampletown", "postcode": "EX1 2AB",
                    "phone": "01632 960001", "email": "amara@example.org", "preferred_contact": "email" },
        "consent": { "person_agrees": true },
        "needs": { "summary": "Struggling to wash and cook since a fall", "outcomes": ["nutrition"] },
        "trackers": [ { "name": "Chidi Okafor", "relationship": "son", "email": "chidi@example.org" } ]
    }))
    .unwrap()
}

async fn submit(store: &dyn Store, key: &str) -> String {
    let settings = Settings::default();
    let submission = Submission {
        settings: &settings,
        now: OffsetDateTime::now_utc(),
        channel: Channel::Api {
            key_id: 1,
            key_name: "Test partner".into(),
        },
        idempotency_key: key,
        request_body: key,
    };
    match submit_referral(store, &submission, &request(), None)
        .await
        .unwrap()
    {
        Submitted::Created(receipt) => receipt.reference,
        other => panic!("expected Created, got {other:?}"),
    }
}

fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// One received email: the envelope recipients and the raw message.
#[derive(Debug, Clone)]
struct Received {
    to: Vec<String>,
    data: String,
}

/// A real SMTP listener (just enough of RFC 5321 for a client to deliver to it).
async fn smtp_sink() -> (String, Arc<Mutex<Vec<Received>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let inbox = Arc::new(Mutex::new(Vec::new()));
    let store = inbox.clone();
    tokio::spawn(async move {
        loop {
            let (socket, _) = listener.accept().await.unwrap();
            let inbox = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read);
                write
                    .write_all(b"220 localhost test SMTP\r\n")
                    .await
                    .unwrap();
                let mut to = Vec::new();
                let mut line = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    let command = line.trim_end().to_ascii_uppercase();
                    let reply: &[u8] = if command.starts_with("EHLO") {
                        b"250-localhost\r\n250 OK\r\n"
                    } else if command.starts_with("RCPT TO:<REJECT") {
                        let address = line.trim_end()[8..].to_owned();
                        write
                            .write_all(
                                format!("550 5.1.1 {address}: Recipient address rejected\r\n")
                                    .as_bytes(),
                            )
                            .await
                            .unwrap();
                        continue;
                    } else if command.starts_with("RCPT TO:") {
                        to.push(
                            line.trim_end()[8..]
                                .trim_matches(|c| c == '<' || c == '>')
                                .to_owned(),
                        );
                        b"250 OK\r\n"
                    } else if command == "DATA" {
                        write.write_all(b"354 go ahead\r\n").await.unwrap();
                        let mut data = String::new();
                        loop {
                            line.clear();
                            lines.read_line(&mut line).await.unwrap();
                            if line == ".\r\n" {
                                break;
                            }
                            data.push_str(&line);
                        }
                        inbox.lock().unwrap().push(Received {
                            to: std::mem::take(&mut to),
                            data,
                        });
                        b"250 queued\r\n"
                    } else if command == "QUIT" {
                        write.write_all(b"221 bye\r\n").await.unwrap();
                        return;
                    } else {
                        b"250 OK\r\n"
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (format!("smtp://{addr}"), inbox)
}

async fn emails_go_over_smtp_with_only_first_names(store: Arc<dyn Store>) {
    let (url, inbox) = smtp_sink().await;
    let reference = submit(&*store, "email-test").await;
    let sender = EmailSender::new(
        "Portal <no-reply@exampleshire.example>",
        Some(&url),
        "unused",
    )
    .unwrap();
    assert_eq!(deliver_due(&*store, &sender, now()).await.unwrap(), 2);
    assert_eq!(store.outbox_pending("email").await.unwrap(), 0);
    let received = inbox.lock().unwrap().clone();
    let recipients: Vec<_> = received.iter().flat_map(|r| r.to.clone()).collect();
    assert_eq!(recipients, ["amara@example.org", "chidi@example.org"]);
    for email in &received {
        assert!(
            email.data.contains(&reference),
            "the reference is in the email"
        );
        for secret in ["Okafor", "1948", "Mill Lane", "EX1", "wash"] {
            assert!(
                !email.data.contains(secret),
                "{secret} must not be in an email"
            );
        }
    }
    assert!(received[0].data.contains("Dear Amara"));
    assert!(received[1].data.contains("Dear Chidi"));
}

async fn events_are_signed_retried_and_ordered(store: Arc<dyn Store>) {
    let (url, calls) = event_receiver(1).await;
    let reference = submit(&*store, "event-test").await;
    let update = StatusUpdate {
        status: "triage",
        note: "Called Amara",
        note_visible: true,
        ..StatusUpdate::default()
    };
    change_status(
        &*store,
        &Settings::default(),
        OffsetDateTime::now_utc(),
        &reference,
        &update,
        "staff:test",
    )
    .await
    .unwrap();
    let sender = EventSender::new(&url, "shared-secret").unwrap();
    // First try: the receiver fails; the status change must wait behind the creation.
    assert_eq!(deliver_due(&*store, &sender, now()).await.unwrap(), 0);
    assert_eq!(calls.lock().unwrap().len(), 1);
    assert_eq!(
        store.outbox_problems(1).await.unwrap().len(),
        1,
        "the failure is visible"
    );
    // Not due again until the backoff has passed.
    assert_eq!(deliver_due(&*store, &sender, now()).await.unwrap(), 0);
    assert_eq!(calls.lock().unwrap().len(), 1);
    let later = now() + 3600;
    assert_eq!(deliver_due(&*store, &sender, later).await.unwrap(), 1);
    assert_eq!(deliver_due(&*store, &sender, later).await.unwrap(), 1);
    assert_eq!(store.outbox_pending("event").await.unwrap(), 0);

    let calls = calls.lock().unwrap().clone();
    assert_eq!(calls.len(), 3);
    let id = |i: usize| calls[i].0["x-portal-event-id"].to_str().unwrap().to_owned();
    assert_eq!(id(0), id(1), "a retry keeps its event id");
    assert_ne!(id(1), id(2));
    let types: Vec<String> = calls
        .iter()
        .map(|(_, body)| {
            serde_json::from_str::<serde_json::Value>(body).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        types,
        [
            "referral.created",
            "referral.created",
            "referral.status_changed"
        ]
    );
    for (headers, body) in &calls {
        let timestamp: i64 = headers["x-portal-timestamp"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(
            headers["x-portal-signature"].to_str().unwrap(),
            signature("shared-secret", timestamp, body)
        );
        let event: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(event["data"]["reference"], reference.as_str());
        assert_eq!(
            event["event_id"].as_str().unwrap(),
            headers["x-portal-event-id"].to_str().unwrap()
        );
    }
}

/// A mail server that refuses a recipient quotes the address in its reply; the error kept on
/// the message (shown to staff, logged) does not.
#[tokio::test]
async fn smtp_refusals_are_kept_without_the_address() {
    let (url, inbox) = smtp_sink().await;
    let sender = EmailSender::new("Portal <portal@example.org>", Some(&url), "unused").unwrap();
    let message = app::store::OutboxMessage {
        id: 1,
        channel: "email".into(),
        ordering_key: "k".into(),
        payload:
            serde_json::json!({ "to": "reject.amara@example.org", "subject": "s", "text": "t" })
                .to_string(),
        attempts: 0,
        created_at: 0,
    };
    let error = sender.deliver(&message).await.unwrap_err();
    assert!(
        error.contains("550") && error.contains("Recipient address rejected"),
        "{error}"
    );
    assert!(!error.contains('@') && !error.contains("amara"), "{error}");
    assert!(inbox.lock().unwrap().is_empty());
}

/// Batches right after one another each lead and deliver what is due: a batch's lead is let
/// go before the next asks (on PostgreSQL a lead left on an idle pooled connection refused the
/// next batch about one run in six). Thirty rounds, so luck cannot pass it.
async fn back_to_back_batches_each_deliver(store: Arc<dyn Store>) {
    let (events_url, calls) = event_receiver(0).await;
    let sender = EventSender::new(&events_url, "shared-secret").unwrap();
    for round in 0..30 {
        submit(&*store, &format!("back-to-back-{round}")).await;
        assert_eq!(
            deliver_due(&*store, &sender, now()).await.unwrap(),
            1,
            "round {round}: the new event is delivered by the very next batch"
        );
    }
    assert_eq!(calls.lock().unwrap().len(), 30);
}

#[tokio::test]
async fn sqlite_outbox_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/portal.db", dir.path().display());
    let reference = {
        let store = server::store::open(&url).await.unwrap();
        submit(&*store, "restart-test").await
        // The process "stops" here, before any worker ran.
    };
    let store = server::store::open(&url).await.unwrap();
    assert_eq!(store.outbox_pending("event").await.unwrap(), 1);
    let (events_url, calls) = event_receiver(0).await;
    let sender: Arc<dyn Deliver> = Arc::new(EventSender::new(&events_url, "s").unwrap());
    let worker =
        server::delivery::spawn_worker(store.clone(), sender, std::time::Duration::from_millis(50));
    for _ in 0..100 {
        if store.outbox_pending("event").await.unwrap() == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    worker.abort();
    assert_eq!(
        store.outbox_pending("event").await.unwrap(),
        0,
        "delivered after the restart"
    );
    assert!(calls.lock().unwrap()[0].1.contains(&reference));
}

macro_rules! delivery_tests {
    ($backend:ident, $open:ident) => {
        mod $backend {
            use super::*;
            #[tokio::test]
            async fn email_over_smtp() {
                let test_store = $open().await;
                emails_go_over_smtp_with_only_first_names(test_store.store.clone()).await;
            }
            #[tokio::test]
            async fn events_signed_retried_ordered() {
                let test_store = $open().await;
                events_are_signed_retried_and_ordered(test_store.store.clone()).await;
            }
            #[tokio::test]
            async fn back_to_back_batches() {
                let test_store = $open().await;
                back_to_back_batches_each_deliver(test_store.store.clone()).await;
            }
        }
    };
}

delivery_tests!(sqlite, sqlite_store);
delivery_tests!(postgres, postgres_store);
