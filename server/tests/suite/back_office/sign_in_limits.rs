//! Staff sign-in limits that stop guessers without locking staff out, on SQLite and
//! PostgreSQL, from many client addresses: a stranger hammering an email cannot keep its owner
//! out; an address or an (email, address) pair that keeps failing is locked; guesses sent at
//! once are counted before they are weighed; an account takes at most its cap of failed tries
//! from unusual addresses, its owner still signing in from their usual one, and the owner and
//! the administrators are told; an unknown email reaches the audit log only as a hash.
use crate::back_office::web::{give_code, staff, try_password, PASSWORD};
use crate::common;

use app::api::staff::credentials::totp_code;
use common::{behind_a_proxy, spawn_app_on, sqlite_store, test_config, TestApp, TestStore};

const ANN: &str = "ann@example.gov.uk";
const CODE_PAGE: &str = "/staff/sign-in/code";
const SIGN_IN: &str = "/staff/sign-in";

async fn app_on(store: TestStore, account_cap: i64) -> TestApp {
    let mut config = behind_a_proxy(test_config(false));
    config.settings.staff_account_failures = account_cap;
    spawn_app_on(store, config).await
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

async fn audit_count(app: &TestApp, action: &str, detail: &str) -> usize {
    app.store
        .recent_audit(1000)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.action == action && e.detail == detail)
        .count()
}

/// A stranger types six wrong passwords for Ann from another address: the stranger is locked
/// (even with the right password), and Ann, from her own machine, signs in at once.
async fn a_stranger_cannot_lock_staff_out(store: TestStore) {
    let app = app_on(store, 100).await;
    let enrolment = staff(&app, ANN, "triage_officer").await;
    let stranger = app.browser_at("198.51.100.1");
    for _ in 0..5 {
        assert_eq!(
            try_password(&stranger, ANN, "guess guess guess").await,
            SIGN_IN
        );
    }
    assert_eq!(
        try_password(&stranger, ANN, PASSWORD).await,
        SIGN_IN,
        "the stranger's address is locked for this email, even with the right password"
    );
    assert_eq!(audit_count(&app, "sign_in", "locked").await, 1);

    let ann = app.browser_at("203.0.113.5");
    assert_eq!(
        try_password(&ann, ANN, PASSWORD).await,
        CODE_PAGE,
        "Ann is not locked out"
    );
    let code = totp_code(&enrolment.totp_secret, now()).unwrap();
    assert_eq!(give_code(&ann, &code).await, "/staff");
    assert_eq!(ann.get("/staff").await.status().as_u16(), 200);
}

/// An address that fails for many emails is locked for every email; another address is not.
async fn an_address_that_keeps_failing_is_locked(store: TestStore) {
    let app = app_on(store, 100).await;
    staff(&app, ANN, "triage_officer").await;
    let flood = app.browser_at("198.51.100.2");
    for i in 0..20 {
        let email = format!("guess{i}@example.gov.uk");
        assert_eq!(
            try_password(&flood, &email, "guess guess guess").await,
            SIGN_IN
        );
    }
    assert_eq!(
        try_password(&flood, ANN, PASSWORD).await,
        SIGN_IN,
        "the address is locked"
    );
    assert_eq!(audit_count(&app, "sign_in", "locked_client").await, 1);
    let colleague = app.browser_at("198.51.100.3");
    assert_eq!(try_password(&colleague, ANN, PASSWORD).await, CODE_PAGE);
}

/// Fifty wrong passwords for one email sent at once from one address: no more than the limit
/// (5) are weighed, because each is counted before it is weighed.
async fn guesses_sent_at_once_are_counted_before_weighing(store: TestStore) {
    let app = app_on(store, 100).await;
    staff(&app, ANN, "triage_officer").await;
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let browser = app.browser_at("198.51.100.4");
        tasks.push(tokio::spawn(async move {
            try_password(&browser, ANN, "guess guess guess").await
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), SIGN_IN);
    }
    let weighed = audit_count(&app, "sign_in", "wrong_password").await;
    let refused = audit_count(&app, "sign_in", "locked").await;
    assert!(weighed <= 5, "{weighed} of 50 were weighed");
    assert_eq!(weighed + refused, 50);
}

/// Past the account's cap of failed tries (12 here; 100 by default), only its usual addresses
/// may try: guessers from everywhere else are refused without weighing, Ann from her usual
/// address is let in, and she and the administrators are told (audit and email).
async fn an_account_takes_its_cap_then_only_its_usual_addresses(store: TestStore) {
    let app = app_on(store, 12).await;
    let enrolment = staff(&app, ANN, "triage_officer").await;
    staff(&app, "admin@example.gov.uk", "admin").await;
    // Ann signs in from her desk: it becomes one of her usual addresses.
    let desk = app.browser_at("203.0.113.5");
    assert_eq!(try_password(&desk, ANN, PASSWORD).await, CODE_PAGE);
    let code = totp_code(&enrolment.totp_secret, now() - 30).unwrap();
    assert_eq!(give_code(&desk, &code).await, "/staff");

    // Twelve wrong guesses from three addresses (four each: under the pair's limit).
    for i in 0..12 {
        let guesser = app.browser_at(&format!("198.51.100.{}", 10 + i % 3));
        assert_eq!(
            try_password(&guesser, ANN, "guess guess guess").await,
            SIGN_IN
        );
    }
    assert_eq!(audit_count(&app, "sign_in", "wrong_password").await, 12);
    // A thirteenth, from a fresh address and even with the right password: refused unweighed.
    let fresh = app.browser_at("198.51.100.99");
    assert_eq!(try_password(&fresh, ANN, PASSWORD).await, SIGN_IN);
    assert_eq!(audit_count(&app, "sign_in", "account_capped").await, 1);
    // Ann at her desk is let in, and that starts the count again.
    let desk = app.browser_at("203.0.113.5");
    assert_eq!(try_password(&desk, ANN, PASSWORD).await, CODE_PAGE);
    let code = totp_code(&enrolment.totp_secret, now() + 30).unwrap();
    assert_eq!(give_code(&desk, &code).await, "/staff");
    let fresh = app.browser_at("198.51.100.98");
    assert_eq!(
        try_password(&fresh, ANN, PASSWORD).await,
        CODE_PAGE,
        "counted afresh"
    );

    // Told as the failures mounted (at 10 and at the cap): the owner and the administrator.
    assert_eq!(
        app.store
            .recent_audit(1000)
            .await
            .unwrap()
            .iter()
            .filter(|e| e.action == "sign_in_failures_alert" && e.subject == format!("staff:{ANN}"))
            .count(),
        2
    );
    let emails = app
        .store
        .due_outbox("email", now() + 60, 100)
        .await
        .unwrap();
    let recipients: Vec<String> = emails
        .iter()
        .map(|m| {
            serde_json::from_str::<serde_json::Value>(&m.payload).unwrap()["to"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        recipients.iter().filter(|to| *to == ANN).count(),
        2,
        "{recipients:?}"
    );
    assert_eq!(
        recipients
            .iter()
            .filter(|to| *to == "admin@example.gov.uk")
            .count(),
        2,
        "{recipients:?}"
    );
    assert!(emails.iter().all(|m| !m.payload.contains("guess")));
}

/// An email nobody has is audited as a hash, never as typed.
#[tokio::test]
async fn an_unknown_email_is_audited_as_a_hash() {
    let app = app_on(sqlite_store().await, 100).await;
    let typed = "Someone.Private@home.example";
    let browser = app.browser_at("198.51.100.5");
    assert_eq!(
        try_password(&browser, typed, "guess guess guess").await,
        SIGN_IN
    );
    let audit = app.store.recent_audit(10).await.unwrap();
    let entry = audit
        .iter()
        .find(|e| e.action == "sign_in" && e.detail == "wrong_password")
        .expect("audited");
    assert!(
        entry.actor.starts_with("unknown email #"),
        "{}",
        entry.actor
    );
    assert!(audit
        .iter()
        .all(|e| !format!("{e:?}").to_lowercase().contains("private")));
}

on_both_databases!(
    a_stranger_cannot_lock_staff_out,
    an_address_that_keeps_failing_is_locked,
    guesses_sent_at_once_are_counted_before_weighing,
    an_account_takes_its_cap_then_only_its_usual_addresses
);
