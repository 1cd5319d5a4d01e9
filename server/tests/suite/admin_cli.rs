//! `server referral set-status`, run as the real binary against a real SQLite database.
use app::journeys::referral::service::submit_referral;
use app::journeys::submission::Submitted;
use app::journeys::submission::{Channel, Submission};
use app::settings::Settings;

#[tokio::test]
async fn set_status_records_history_and_queues_messages() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/portal.db", dir.path().display());
    let store = server::store::open(&url).await.unwrap();
    let request = serde_json::from_value(serde_json::json!({
        "for": "self",
        "person": { "given_name": "Amara", "family_name": "Okafor", "date_of_birth": "1948-03-02",
                    "address_line_1": "12 Mill Lane", "town": "Exampletown", "postcode": "EX1 2AB",
                    "email": "amara@example.org", "preferred_contact": "email" },
        "needs": { "summary": "Help with meals" }
    }))
    .unwrap();
    let Submitted::Created(receipt) = submit_referral(
        &*store,
        &Submission {
            settings: &Settings::default(),
            now: time::OffsetDateTime::now_utc(),
            channel: Channel::Api {
                key_id: 1,
                key_name: "Test partner".into(),
            },
            idempotency_key: "cli",
            request_body: "{}",
        },
        &request,
        None,
    )
    .await
    .unwrap() else {
        panic!("not created")
    };
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .args(args)
            .env("DATABASE_URL", &url)
            .env("PORTAL_MAIL_DIR", dir.path().join("mail"))
            .output()
            .unwrap()
    };
    let reference = receipt.reference.to_lowercase();
    let ok = run(&[
        "referral",
        "set-status",
        &reference,
        "closed",
        "--outcome",
        "information_and_advice",
        "--note",
        "Lunch club details sent",
        "--visible",
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let stored = store
        .load_referral(&receipt.reference)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.status, "closed");
    assert_eq!(stored.outcome.as_deref(), Some("information_and_advice"));
    assert_eq!(
        stored.history.last().unwrap().note,
        "Lunch club details sent"
    );
    assert!(stored.history.last().unwrap().note_visible);
    assert_eq!(store.outbox_pending("event").await.unwrap(), 2);

    let bad = run(&["referral", "set-status", &reference, "closed"]);
    assert!(!bad.status.success(), "closing needs an outcome");
    assert!(String::from_utf8_lossy(&bad.stderr).contains("outcome"));
    let missing = run(&["referral", "set-status", "ASC-0000-0000-0000", "triage"]);
    assert!(!missing.status.success());
}

/// `server api-key create` prints the key once (`key: ...`), keeps only its hash, and
/// `server api-key revoke` stops it working; both are audited.
#[tokio::test]
async fn api_keys_are_made_and_revoked_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/portal.db", dir.path().display());
    let store = server::store::open(&url).await.unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .args(args)
            .env("DATABASE_URL", &url)
            .output()
            .unwrap()
    };
    let made = run(&["api-key", "create", "--name", "Care Line"]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let printed = String::from_utf8_lossy(&made.stdout);
    let key = printed
        .lines()
        .find_map(|l| l.strip_prefix("key: "))
        .expect("the key on a line of its own")
        .to_owned();
    let usable = app::api::api_keys::usable_key(&*store, &key).await.unwrap();
    assert_eq!(usable.map(|k| k.name).as_deref(), Some("Care Line"));
    let keys = store.api_keys().await.unwrap();
    assert!(
        keys.iter().all(|k| !format!("{k:?}").contains(&key)),
        "only a hash is kept"
    );

    let again = run(&["api-key", "create", "--name", "Care Line"]);
    assert!(!again.status.success(), "a name is used once");
    let revoked = run(&["api-key", "revoke", "--name", "Care Line"]);
    assert!(
        revoked.status.success(),
        "{}",
        String::from_utf8_lossy(&revoked.stderr)
    );
    assert!(app::api::api_keys::usable_key(&*store, &key)
        .await
        .unwrap()
        .is_none());
    let audit = store.recent_audit(10).await.unwrap();
    for action in ["create_api_key", "revoke_api_key"] {
        assert!(
            audit
                .iter()
                .any(|e| e.action == action && e.detail == "Care Line"),
            "{action}"
        );
    }
}
