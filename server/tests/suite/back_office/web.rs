//! The back office over real HTTP with HTML alone: signing in with a password and a TOTP code
//! (identical messages, lockout, codes used once, recovery codes), sessions that end when
//! idle without losing what was typed, and the security promise that every staff server
//! function refuses anonymous and under-privileged callers itself. Then the work: a request
//! in the queue, its record, a status change that reaches the resident's progress page and
//! the outbox, assignment, and the audit log.
use crate::common;

use app::api::staff::accounts::{new_account, Enrolment};
use app::api::staff::credentials::totp_code;
use common::{spawn_app_on, sqlite_store, test_config, text_of, TestApp};
use serde_json::{json, Value};

pub(crate) const PASSWORD: &str = "correct horse battery staple";

pub(crate) async fn app() -> TestApp {
    let mut config = test_config(false);
    config.settings.staff_sessions.idle_seconds = 3;
    spawn_app_on(sqlite_store().await, config).await
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

pub(crate) async fn staff(app: &TestApp, email: &str, role: &str) -> Enrolment {
    let (account, enrolment) = new_account(email, &format!("{role} person"), role, PASSWORD, now())
        .expect("a valid account");
    assert!(app.store.create_staff_account(&account).await.unwrap());
    enrolment
}

/// The first step of signing in, with the right password.
async fn give_password(app: &TestApp, email: &str) {
    assert_eq!(
        try_password(app, email, PASSWORD).await,
        "/staff/sign-in/code"
    );
}

/// The first step of signing in: where it leads (the code page when the password is right).
pub(crate) async fn try_password(app: &TestApp, email: &str, password: &str) -> String {
    let fields = [("form[email]", email), ("form[password]", password)];
    app.post_form("/api/staff/sign-in", &fields).await
}

/// The second step: where it leads.
pub(crate) async fn give_code(app: &TestApp, code: &str) -> String {
    app.post_form("/api/staff/sign-in/code", &[("form[code]", code)])
        .await
}

/// Signs in as a browser without JavaScript does. `step` picks the TOTP step relative to now
/// (-1, 0 or 1): each step works once per account.
pub(crate) async fn sign_in(app: &TestApp, email: &str, enrolment: &Enrolment, step: i64) {
    give_password(app, email).await;
    let next = give_code(
        app,
        &totp_code(&enrolment.totp_secret, now() + step * 30).unwrap(),
    )
    .await;
    assert!(
        next.starts_with("/staff") && !next.starts_with("/staff/sign-in"),
        "signed in: {next}"
    );
}

async fn submit_referral(app: &TestApp, kind: &str) -> String {
    let mut body = common::referral_example();
    body["kind"] = json!(kind);
    body["needs"]["summary"] = json!("Struggling to wash and cook since a fall");
    if kind == "safeguarding_concern" {
        body["concern"] = json!({ "what_happened": "Bruises and no food in the house",
                                  "person_knows": "no" });
        body["trackers"] = json!([]);
        body["referrer"] = json!({ "given_name": "Jo", "family_name": "Bloggs", "relationship": "Neighbour",
                                   "phone": "01632 960002", "date_of_birth": "1970-01-01" });
        body["for"] = json!("someone_else");
    }
    app.submit_referral(&body).await
}

/// Calls a server function as a script would (no HTML wanted): status and body.
async fn call(app: &TestApp, endpoint: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let response = app
        .client
        .post(app.url(&format!("/api/{endpoint}")))
        .form(fields)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// The administrators' account server functions, called with plausible fields.
fn account_calls() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        ("staff/accounts", vec![]),
        (
            "staff/accounts/create",
            vec![
                ("form[email]", "x@example.gov.uk"),
                ("form[name]", "X"),
                ("form[role]", "admin"),
            ],
        ),
        (
            "staff/accounts/change",
            vec![("form[id]", "1"), ("form[action]", "deactivate")],
        ),
        ("staff/accounts/approve", vec![("form[id]", "1")]),
        ("staff/api-keys", vec![]),
        ("staff/api-keys/create", vec![("form[name]", "Stranger")]),
        ("staff/api-keys/revoke", vec![("form[id]", "1")]),
    ]
}

fn status_fields<'a>(
    reference: &'a str,
    status: &'a str,
    note: &'a str,
    note_for: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("form[reference]", reference),
        ("form[status]", status),
        ("form[outcome]", ""),
        ("form[note]", note),
        ("form[note_for]", note_for),
        ("form[event_outcome]", ""),
    ]
}

#[tokio::test]
async fn staff_pages_send_strangers_to_sign_in() {
    let app = app().await;
    for path in [
        "/staff",
        "/staff/safeguarding",
        "/staff/audit",
        "/staff/referrals/ASC-0000-0000-0001",
        "/staff/sign-in/code",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status().as_u16(), 302, "{path}");
        assert_eq!(response.headers()["location"], "/staff/sign-in", "{path}");
    }
    let (status, page) = app.get_html("/staff/sign-in").await;
    assert_eq!(status, 200);
    assert_eq!(
        common::attrs(&page, "input[name='form[password]']", "autocomplete"),
        vec!["current-password"]
    );
}

#[tokio::test]
async fn every_staff_server_function_refuses_anonymous_callers() {
    let app = app().await;
    let reference = submit_referral(&app, "assessment").await;
    let calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("staff/keep-alive", vec![]),
        ("staff/queue", vec![]),
        ("staff/queue", vec![("safeguarding", "true")]),
        ("staff/referral", vec![("reference", &reference)]),
        (
            "staff/referral/status",
            status_fields(&reference, "closed", "x", "internal"),
        ),
        (
            "staff/referral/assign",
            vec![
                ("form[reference]", &reference),
                ("form[assignee]", "nobody"),
            ],
        ),
        (
            "staff/referral/route",
            vec![
                ("form[reference]", &reference),
                ("form[route_of_access]", "prison"),
            ],
        ),
        ("staff/audit", vec![]),
        ("staff/integration", vec![]),
        ("staff/integration/retry", vec![("form[id]", "1")]),
        ("staff/emergency/load", vec![]),
        ("staff/carer", vec![("reference", "CAR-0000-0000-0000")]),
        (
            "staff/carer/checked",
            vec![("form[reference]", "CAR-0000-0000-0000")],
        ),
        ("staff/password/load", vec![]),
        ("staff/authenticator/load", vec![]),
        ("staff/authenticator", vec![("form[code]", "123456")]),
        (
            "staff/password",
            vec![
                ("form[current]", "a"),
                ("form[new]", "b"),
                ("form[confirm]", "b"),
            ],
        ),
        ("staff/subject-access/load", vec![]),
        ("staff/dashboard", vec![]),
        ("staff/subject-access", vec![("form[given_name]", "Amara")]),
        ("staff/subject-access/erase", vec![]),
        (
            "staff/emergency",
            vec![("form[reference]", "CAR-0000-0000-0000")],
        ),
    ];
    for (endpoint, fields) in calls.iter().chain(&account_calls()) {
        let (status, body) = call(&app, endpoint, fields).await;
        assert_eq!(status, 401, "{endpoint}: {body}");
        assert!(
            !body.contains("Amara") && !body.contains(&reference),
            "{endpoint} leaks: {body}"
        );
    }
    let stored = app.store.load_referral(&reference).await.unwrap().unwrap();
    assert_eq!(stored.status, "received", "nothing changed");
    assert_eq!(stored.history.len(), 1);
    assert!(
        app.store.staff_members().await.unwrap().is_empty(),
        "no account was made"
    );
    assert!(
        app.store
            .api_keys()
            .await
            .unwrap()
            .iter()
            .all(|k| k.name.starts_with("Test partner")),
        "no API key was made"
    );
}

/// Administrators make a partner key in the back office (shown once, then never again), it
/// works on the partner API and its name is the channel; they revoke it; both are audited.
#[tokio::test]
async fn administrators_make_and_revoke_api_keys() {
    let app = app().await;
    let enrolment = staff(&app, "admin@example.gov.uk", "admin").await;
    sign_in(&app, "admin@example.gov.uk", &enrolment, 0).await;
    assert_eq!(
        app.post_form("/api/staff/api-keys/create", &[("form[name]", "")])
            .await,
        "/staff/api-keys"
    );
    let (_, page) = app.get_html("/staff/api-keys").await;
    assert!(text_of(&page, ".govuk-error-summary")
        .unwrap()
        .contains("Enter a name for the key"));
    assert!(text_of(&page, "title").unwrap().starts_with("Error: "));

    app.post_form("/api/staff/api-keys/create", &[("form[name]", "Care Line")])
        .await;
    let (_, page) = app.get_html("/staff/api-keys").await;
    let key = text_of(&page, ".app-api-key").expect("the key, shown once");
    let (_, again) = app.get_html("/staff/api-keys").await;
    assert!(
        text_of(&again, ".app-api-key").is_none(),
        "never shown again"
    );
    assert!(!again.html().contains(&key));

    let post = |key: String| {
        let app = app.new_browser();
        async move {
            app.client
                .post(app.url("/api/v1/referrals"))
                .bearer_auth(key)
                .header("idempotency-key", uuid::Uuid::new_v4().to_string())
                .json(&common::referral_example())
                .send()
                .await
                .unwrap()
        }
    };
    let response = post(key.clone()).await;
    assert_eq!(response.status().as_u16(), 201);
    let receipt: Value = response.json().await.unwrap();
    let stored = app
        .store
        .load_referral(receipt["reference"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.channel, "Care Line");

    app.post_form("/api/staff/api-keys/create", &[("form[name]", "Care Line")])
        .await;
    let (_, page) = app.get_html("/staff/api-keys").await;
    assert!(text_of(&page, ".govuk-error-summary")
        .unwrap()
        .contains("already a key called that"));

    let id = app
        .store
        .api_keys()
        .await
        .unwrap()
        .into_iter()
        .find(|k| k.name == "Care Line")
        .unwrap()
        .id;
    app.post_form(
        "/api/staff/api-keys/revoke",
        &[("form[id]", &id.to_string())],
    )
    .await;
    let (_, page) = app.get_html("/staff/api-keys").await;
    let banner = text_of(&page, ".govuk-notification-banner--success").unwrap();
    assert!(banner.contains("revoked"), "{banner}");
    assert_eq!(post(key).await.status().as_u16(), 401);
    for action in ["create_api_key", "revoke_api_key"] {
        assert!(app.audited(action).await, "{action} audited");
    }
}

#[tokio::test]
async fn roles_see_only_what_their_work_needs() {
    let app = app().await;
    let assessment = submit_referral(&app, "assessment").await;
    let concern = submit_referral(&app, "safeguarding_concern").await;

    let lead = app.new_browser();
    let enrolment = staff(&app, "lead@example.gov.uk", "carers_lead").await;
    sign_in(&lead, "lead@example.gov.uk", &enrolment, 0).await;
    let (status, _) = call(&lead, "staff/queue", &[("safeguarding", "true")]).await;
    assert_eq!(
        status, 403,
        "a carers lead does not see safeguarding concerns"
    );
    let (status, _) = call(&lead, "staff/audit", &[]).await;
    assert_eq!(status, 403, "nor the audit log");
    for reference in [&assessment, &concern] {
        let (status, body) = call(&lead, "staff/referral", &[("reference", reference)]).await;
        assert_eq!(status, 404, "a carers lead cannot open {reference}");
        assert!(!body.contains("Amara"));
        let (status, _) = call(
            &lead,
            "staff/referral/status",
            &status_fields(reference, "triage", "", "internal"),
        )
        .await;
        assert_eq!(status, 404);
        let (status, _) = call(
            &lead,
            "staff/referral/assign",
            &[("form[reference]", reference), ("form[assignee]", "nobody")],
        )
        .await;
        assert_eq!(status, 404);
    }
    let (status, body) = call(&lead, "staff/queue", &[]).await;
    assert_eq!(status, 200);
    assert!(!body.contains(&assessment), "not in a carers lead's queue");
    let (status, page) = lead.get_html("/staff/audit").await;
    assert_eq!(status, 403);
    assert_eq!(
        text_of(&page, "h1").unwrap(),
        "You do not have access to this page"
    );

    let triage = app.new_browser();
    let enrolment = staff(&app, "triage@example.gov.uk", "triage_officer").await;
    sign_in(&triage, "triage@example.gov.uk", &enrolment, 0).await;
    let (status, _) = call(&triage, "staff/integration", &[]).await;
    assert_eq!(
        status, 403,
        "integration health is for administrators and managers"
    );
    let (status, _) = call(&triage, "staff/referral", &[("reference", &concern)]).await;
    assert_eq!(status, 404, "triage officers do not open concerns");
    let (status, body) = call(&triage, "staff/referral", &[("reference", &assessment)]).await;
    assert_eq!(status, 200);
    assert!(body.contains("Amara"));

    let admin = app.new_browser();
    let enrolment = staff(&app, "admin@example.gov.uk", "admin").await;
    sign_in(&admin, "admin@example.gov.uk", &enrolment, 0).await;
    for (endpoint, fields) in [
        ("staff/queue", vec![]),
        ("staff/referral", vec![("reference", assessment.as_str())]),
        ("staff/audit", vec![]),
    ] {
        let (status, body) = call(&admin, endpoint, &fields).await;
        assert_eq!(
            status, 403,
            "an administrator does not open residents' records: {endpoint}"
        );
        assert!(!body.contains("Amara"));
    }
    for reference in [&assessment, &concern] {
        assert_eq!(
            app.store
                .load_referral(reference)
                .await
                .unwrap()
                .unwrap()
                .status,
            "received"
        );
    }
    // Every refusal is in the audit log.
    let audit = app.store.recent_audit(200).await.unwrap();
    assert!(audit.iter().filter(|e| e.action == "refused").count() >= 5);

    let manager = app.new_browser();
    let enrolment = staff(&app, "manager@example.gov.uk", "manager").await;
    sign_in(&manager, "manager@example.gov.uk", &enrolment, 0).await;
    for (endpoint, fields) in account_calls() {
        let (status, _) = call(&manager, endpoint, &fields).await;
        assert_eq!(
            status, 403,
            "only administrators manage accounts: {endpoint}"
        );
    }
    assert!(app
        .store
        .staff_members()
        .await
        .unwrap()
        .iter()
        .all(|m| m.active));
    let (status, page) = manager.get_html("/staff/safeguarding").await;
    assert_eq!(status, 200);
    assert!(page.html().contains(&concern), "managers see the concern");
    assert!(
        !page.html().contains(&assessment),
        "and only concerns in that view"
    );
}

#[tokio::test]
async fn sign_in_says_the_same_for_an_unknown_email_and_a_wrong_password_then_locks() {
    let app = app().await;
    staff(&app, "ann@example.gov.uk", "triage_officer").await;
    let attempt = |email: &'static str, password: &'static str| {
        let browser = app.new_browser();
        async move {
            let next = browser
                .post_form(
                    "/api/staff/sign-in",
                    &[("form[email]", email), ("form[password]", password)],
                )
                .await;
            let (_, page) = browser.get_html("/staff/sign-in").await;
            (next, text_of(&page, ".govuk-error-summary"), page.html())
        }
    };
    let (next, unknown, _) = attempt("nobody@example.gov.uk", "some password here").await;
    assert_eq!(next, "/staff/sign-in");
    let (_, wrong, page) = attempt("ann@example.gov.uk", "not the password").await;
    assert_eq!(unknown, wrong, "the same message for both");
    assert!(wrong
        .unwrap()
        .contains("Enter a correct email address and password"));
    assert!(
        !page.contains("not the password"),
        "the password is never shown back"
    );

    for _ in 0..4 {
        attempt("ann@example.gov.uk", "still not it").await;
    }
    let (next, locked, _) = attempt("ann@example.gov.uk", PASSWORD).await;
    assert_eq!(
        next, "/staff/sign-in",
        "locked, even with the right password"
    );
    assert!(locked.unwrap().contains("too many times"));
    let audit = app.store.recent_audit(50).await.unwrap();
    assert!(audit
        .iter()
        .any(|e| e.action == "sign_in" && e.detail == "locked"));
    assert!(audit.iter().all(|e| !e.detail.contains("not the password")));
}

#[tokio::test]
async fn a_code_works_once_and_recovery_codes_stand_in_for_the_app() {
    let app = app().await;
    let enrolment = staff(&app, "ann@example.gov.uk", "triage_officer").await;
    // One code, read once (worked out again later, it could be the next 30-second step's).
    let used = totp_code(&enrolment.totp_secret, now()).unwrap();
    let first = app.new_browser();
    give_password(&first, "ann@example.gov.uk").await;
    assert_eq!(give_code(&first, &used).await, "/staff");

    // The same code again, from another browser: refused.
    let second = app.new_browser();
    give_password(&second, "ann@example.gov.uk").await;
    let next = give_code(&second, &used).await;
    assert_eq!(next, "/staff/sign-in/code");
    let (_, page) = second.get_html("/staff/sign-in/code").await;
    assert!(text_of(&page, ".govuk-error-summary")
        .unwrap()
        .contains("Enter a correct code"));
    assert_eq!(
        second.get("/staff").await.status().as_u16(),
        302,
        "not signed in"
    );

    // A recovery code, typed loosely, works once.
    let typed = enrolment.recovery_codes[0].to_uppercase().replace('-', " ");
    let next = give_code(&second, &typed).await;
    assert_eq!(next, "/staff");
    assert_eq!(second.get("/staff").await.status().as_u16(), 200);
    let third = app.new_browser();
    give_password(&third, "ann@example.gov.uk").await;
    let next = give_code(&third, &typed).await;
    assert_eq!(next, "/staff/sign-in/code", "a recovery code works once");
}

#[tokio::test]
async fn an_idle_session_ends_and_what_was_typed_is_kept() {
    let app = app().await;
    let reference = submit_referral(&app, "assessment").await;
    let enrolment = staff(&app, "ann@example.gov.uk", "triage_officer").await;
    sign_in(&app, "ann@example.gov.uk", &enrolment, -1).await;
    let record = format!("/staff/referrals/{reference}");
    assert_eq!(app.get(&record).await.status().as_u16(), 200);

    tokio::time::sleep(std::time::Duration::from_millis(3_200)).await;
    let note = "Called Amara's son; will ring back on Monday";
    let next = app
        .post_form(
            "/api/staff/referral/status",
            &status_fields(&reference, "triage", note, "internal"),
        )
        .await;
    assert_eq!(next, "/staff/sign-in", "the idle session has ended");
    let (_, page) = app.get_html("/staff/sign-in").await;
    let banner = text_of(&page, ".govuk-notification-banner").unwrap();
    assert!(banner.contains("signed out"), "{banner}");
    assert!(banner.contains("has been kept"), "{banner}");
    assert_eq!(
        app.store
            .load_referral(&reference)
            .await
            .unwrap()
            .unwrap()
            .status,
        "received"
    );

    // Signing in again goes back to the record, with the note as typed.
    give_password(&app, "ann@example.gov.uk").await;
    let code = totp_code(&enrolment.totp_secret, now()).unwrap();
    let next = give_code(&app, &code).await;
    assert_eq!(next, record);
    let (_, page) = app.get_html(&record).await;
    assert_eq!(text_of(&page, "textarea#note").unwrap(), note);
    assert_eq!(
        common::attrs(&page, "select#status option[selected]", "value"),
        vec!["triage"]
    );
}

#[tokio::test]
async fn a_status_change_reaches_the_residents_progress_page_and_the_outbox() {
    let app = app().await;
    let reference = submit_referral(&app, "assessment").await;
    let enrolment = staff(&app, "ann@example.gov.uk", "triage_officer").await;
    sign_in(&app, "ann@example.gov.uk", &enrolment, 0).await;

    let (status, queue) = app.get_html("/staff").await;
    assert_eq!(status, 200);
    assert!(queue.html().contains(&reference));
    assert!(text_of(&queue, ".app-queue tbody")
        .unwrap()
        .contains("Amara Okafor"));

    let record = format!("/staff/referrals/{reference}");
    let (status, page) = app.get_html(&record).await;
    assert_eq!(status, 200);
    let answers = text_of(&page, "main").unwrap();
    assert!(
        answers.contains("Struggling to wash and cook since a fall"),
        "every answer is shown"
    );
    assert!(answers.contains("Chidi Okafor"), "and who follows it");

    // Errors come back with what was typed.
    let next = app
        .post_form(
            "/api/staff/referral/status",
            &status_fields(&reference, "triage", "", "resident"),
        )
        .await;
    assert_eq!(next, record);
    let (_, page) = app.get_html(&record).await;
    assert!(text_of(&page, ".govuk-error-summary")
        .unwrap()
        .contains("Enter the note for the resident"));

    let events_before = app.store.outbox_pending("event").await.unwrap();
    let emails_before = app.store.outbox_pending("email").await.unwrap();
    let note = "We will phone you on Tuesday morning.";
    let next = app
        .post_form(
            "/api/staff/referral/status",
            &status_fields(&reference, "triage", note, "resident"),
        )
        .await;
    assert_eq!(next, record);
    let (_, page) = app.get_html(&record).await;
    assert!(text_of(&page, ".govuk-notification-banner--success")
        .unwrap()
        .contains("Status changed to With the First Contact Team"));
    assert_eq!(
        app.store.outbox_pending("event").await.unwrap(),
        events_before + 1
    );
    assert!(
        app.store.outbox_pending("email").await.unwrap() > emails_before,
        "the resident and trackers are told"
    );

    // The resident sees it, with the note.
    let resident = app.new_browser();
    let progress: Value = resident
        .client
        .post(resident.url("/api/v1/referrals/status"))
        .json(&json!({ "reference": reference, "date_of_birth": "1948-03-02" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(progress["status"], "triage", "{progress}");
    assert!(progress.to_string().contains(note), "{progress}");

    // Assigning, and the audit log naming who did what.
    let me = app
        .store
        .staff_account_by_email("ann@example.gov.uk")
        .await
        .unwrap()
        .unwrap();
    let next = app
        .post_form(
            "/api/staff/referral/assign",
            &[
                ("form[reference]", &reference),
                ("form[assignee]", &me.id.to_string()),
            ],
        )
        .await;
    assert_eq!(next, record);
    assert_eq!(
        app.store
            .load_referral(&reference)
            .await
            .unwrap()
            .unwrap()
            .assigned_to,
        Some(me.id)
    );
    let (_, mine) = app.get_html("/staff?assignee=me").await;
    assert!(mine.html().contains(&reference));
    let audit = app.store.recent_audit(100).await.unwrap();
    for action in [
        "view_queue",
        "view_referral",
        "change_status",
        "assign",
        "sign_in",
    ] {
        assert!(
            audit
                .iter()
                .any(|e| e.action == action && e.actor == "staff:ann@example.gov.uk"),
            "{action} is audited"
        );
    }
    assert!(
        audit.iter().all(|e| !e.detail.contains("Amara")),
        "no personal data in the log's details"
    );

    let (status, _) = call(&app, "staff/dashboard", &[]).await;
    assert_eq!(status, 403, "the dashboard is for managers");

    let manager = app.new_browser();
    let enrolment = staff(&app, "manager@example.gov.uk", "manager").await;
    sign_in(&manager, "manager@example.gov.uk", &enrolment, 0).await;
    let (status, page) = manager.get_html("/staff/dashboard").await;
    assert_eq!(status, 200);
    let weekly = text_of(&page, "#weekly-desc").unwrap();
    assert!(
        weekly.ends_with(": 1"),
        "this week's request is counted: {weekly}"
    );
    let charts = common::attrs(&page, "svg.app-chart", "role");
    assert_eq!(charts, vec!["img"; 6], "six charts, each a named image");
    assert!(text_of(&page, "main").unwrap().contains(
        "0% of the 1 requests for an assessment (0) came from the eligibility self-check"
    ));
    assert!(text_of(&page, "main")
        .unwrap()
        .contains("first acted on within 0.0 days"));
    // A request that came from the self-check, and the services it suggested.
    let request: app::domain::referral::ReferralRequest =
        serde_json::from_value(common::referral_example()).unwrap();
    let from_check = match app::journeys::referral::service::submit_referral(
        &*app.store,
        &app::journeys::submission::Submission {
            settings: &app::settings::Settings::default(),
            now: time::OffsetDateTime::now_utc(),
            channel: app::journeys::submission::Channel::Web,
            idempotency_key: "from-check",
            request_body: "{}",
        },
        &request,
        Some("may_be_eligible"),
    )
    .await
    .unwrap()
    {
        app::journeys::submission::Submitted::Created(receipt) => receipt.reference,
        other => panic!("not created: {other:?}"),
    };
    let week = app::domain::demand::week_of(now());
    let day_centre = [("dc-1".to_owned(), "Exampletown Day Centre".to_owned())];
    for _ in 0..3 {
        app.store
            .count_suggestions(week, &day_centre)
            .await
            .unwrap();
    }
    let (_, page) = manager.get_html("/staff/dashboard").await;
    let main = text_of(&page, "main").unwrap();
    assert!(
        main.contains(
            "50% of the 2 requests for an assessment (1) came from the eligibility self-check"
        ),
        "{main}"
    );
    assert_eq!(
        text_of(&page, "#check-results-desc").unwrap(),
        "Likely to be eligible: 0; May be eligible: 1; Unlikely to be eligible: 0"
    );
    assert_eq!(
        text_of(&page, "#suggested-desc").unwrap(),
        "Exampletown Day Centre: 3"
    );
    let csv = manager.get("/api/staff/dashboard.csv").await;
    assert_eq!(
        csv.status().as_u16(),
        200,
        "the file itself, not a redirect back to the page, for a browser's link"
    );
    assert_eq!(
        csv.headers()["cache-control"],
        "no-store",
        "never kept by a browser"
    );
    let csv = csv.text().await.unwrap();
    assert!(csv.contains("requests_from_self_check,all,all,1"), "{csv}");
    assert!(
        csv.contains("service_suggested,\"Exampletown Day Centre\",all,3"),
        "{csv}"
    );
    let (_, record) = manager
        .get_html(&format!("/staff/referrals/{from_check}"))
        .await;
    assert!(text_of(&record, "main")
        .unwrap()
        .contains("Came from the self-check: May be eligible"));

    let (status, page) = manager
        .get_html(&format!("/staff/audit?reference={reference}"))
        .await;
    assert_eq!(status, 200);
    let log = text_of(&page, ".app-audit").unwrap();
    assert!(
        log.contains("change_status") && log.contains("staff:ann@example.gov.uk"),
        "{log}"
    );

    // The whole log, a page at a time by links to older and newer entries (HTML alone).
    for n in 0..60 {
        app.store
            .record_audit(&app::store::AuditEntry {
                at: now(),
                actor: "staff:test".into(),
                action: "view_queue".into(),
                subject: String::new(),
                detail: format!("filler {n}"),
                client: "192.0.2.1".into(),
            })
            .await
            .unwrap();
    }
    let (_, newest) = manager.get_html("/staff/audit").await;
    assert!(text_of(&newest, "main")
        .unwrap()
        .contains("Entries, newest first"));
    let older = common::attrs(&newest, "a[rel=next]", "href");
    assert_eq!(
        common::attrs(&newest, "a[rel=prev]", "href"),
        Vec::<String>::new()
    );
    assert_eq!(older.len(), 1, "a link to older entries");
    assert!(text_of(&newest, ".govuk-pagination")
        .unwrap()
        .contains("Older entries"));
    let (status, second) = manager.get_html(&older[0]).await;
    assert_eq!(status, 200);
    let first_rows = text_of(&newest, ".app-audit tbody").unwrap();
    let second_rows = text_of(&second, ".app-audit tbody").unwrap();
    assert_ne!(first_rows, second_rows, "another page");
    let newer = common::attrs(&second, "a[rel=prev]", "href");
    assert_eq!(newer.len(), 1, "and back to newer ones");
    let (_, back) = manager.get_html(&newer[0]).await;
    assert!(
        text_of(&back, ".app-audit tbody")
            .unwrap()
            .contains("filler 59"),
        "the newest again"
    );
}

#[tokio::test]
async fn administrators_see_failing_messages_without_addresses_and_retry_them() {
    let app = app().await;
    let reference = submit_referral(&app, "assessment").await;
    let due = app.store.due_outbox("email", now() + 10, 10).await.unwrap();
    let email = due
        .iter()
        .find(|m| m.ordering_key.starts_with(&reference))
        .expect("an email");
    let later = now() + 3_600;
    app.store
        .outbox_failed(
            email.id,
            later,
            "550 mailbox <amara@example.org> unavailable",
        )
        .await
        .unwrap();

    let enrolment = staff(&app, "admin@example.gov.uk", "admin").await;
    // An administrator lands on integration health: the queue is not theirs.
    give_password(&app, "admin@example.gov.uk").await;
    let code = totp_code(&enrolment.totp_secret, now()).unwrap();
    let next = give_code(&app, &code).await;
    assert_eq!(next, "/staff/integration");

    let (status, page) = app.get_html("/staff/integration").await;
    assert_eq!(status, 200);
    let problems = text_of(&page, ".app-problems").unwrap();
    assert!(
        problems.contains("550 mailbox (address) unavailable"),
        "{problems}"
    );
    assert!(
        !page.html().contains("amara@example.org"),
        "no resident's address"
    );
    assert!(problems.contains(&reference));

    let next = app
        .post_form(
            "/api/staff/integration/retry",
            &[("form[id]", &email.id.to_string())],
        )
        .await;
    assert_eq!(next, "/staff/integration");
    let due = app.store.due_outbox("email", now() + 1, 10).await.unwrap();
    assert!(
        due.iter().any(|m| m.id == email.id),
        "due again now, not in an hour"
    );
    let (_, page) = app.get_html("/staff/integration").await;
    assert!(text_of(&page, ".govuk-notification-banner--success")
        .unwrap()
        .contains("will be tried again now"));
    assert!(app.audited("retry_outbox").await);
}

/// Registers a carer through the JSON API; the reference.
async fn register_carer(app: &TestApp) -> String {
    let registration = json!({
        "carer": { "given_name": "Sam", "family_name": "Patel", "date_of_birth": "1970-05-05",
                   "address_line_1": "3 High St", "town": "Exampletown", "postcode": "EX2 3CD",
                   "phone": "01632 960002", "email": "sam@example.org" },
        "cared_for": [ { "given_name": "Ravi", "family_name": "Patel", "date_of_birth": "1940-02-02",
                         "relationship": "father", "same_address": true, "main_needs": "Insulin at 8am and 6pm" } ],
        "caring": { "hours_per_week": 35, "when": "day_and_night", "tasks": ["personal_care", "meals"] },
        "emergency_plan": { "needs": "Ravi needs his insulin and cannot be left alone at night",
                            "contacts": [ { "name": "Priya Patel", "relationship": "daughter", "phone": "07700 900123" } ],
                            "keyholders": [ { "name": "Next door, number 5", "phone": "01632 960555" } ] },
        "consent": { "agrees": true } });
    let response = app
        .client
        .post(app.url("/api/v1/carers"))
        .bearer_auth(&app.api_key)
        .header("idempotency-key", "card-1")
        .json(&registration)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    response.json::<Value>().await.unwrap()["reference"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_new_carer_registration_waits_in_the_queue_until_checked() {
    let app = app().await;
    let reference = register_carer(&app).await;
    let admin = app.new_browser();
    let enrolment = staff(&app, "admin@example.gov.uk", "admin").await;
    sign_in(&admin, "admin@example.gov.uk", &enrolment, 0).await;
    let (status, body) = call(&admin, "staff/carer", &[("reference", &reference)]).await;
    assert_eq!(status, 403, "administrators do not open residents' records");
    assert!(!body.contains("Patel"));

    let enrolment = staff(&app, "lead@example.gov.uk", "carers_lead").await;
    sign_in(&app, "lead@example.gov.uk", &enrolment, 0).await;
    let (_, queue) = app.get_html("/staff?kind=carer_registration").await;
    let line = text_of(&queue, "tbody").unwrap();
    assert!(
        line.contains(&reference) && line.contains("Sam Patel"),
        "{line}"
    );
    assert!(
        line.contains("Carer registration") && line.contains("New"),
        "{line}"
    );
    let record = format!("/staff/carers/{reference}");
    assert_eq!(
        common::attrs(&queue, "tbody a", "href"),
        vec![record.clone()]
    );
    let (status, page) = app.get_html(&record).await;
    assert_eq!(status, 200);
    let main = text_of(&page, "main").unwrap();
    for expected in [
        "Ravi Patel",
        "Day and night",
        "Personal care, such as washing and dressing",
        "Priya Patel",
        "New",
    ] {
        assert!(main.contains(expected), "{expected} in {main}");
    }
    let next = app
        .post_form(
            "/api/staff/carer/checked",
            &[("form[reference]", &reference)],
        )
        .await;
    assert_eq!(next, record);
    let (_, page) = app.get_html(&record).await;
    assert!(text_of(&page, ".govuk-notification-banner--success")
        .unwrap()
        .contains("Marked as checked"));
    assert!(text_of(&page, "main").unwrap().contains("On the register"));
    assert!(!page.html().contains("Mark as checked</button>"));
    let (_, queue) = app.get_html("/staff").await;
    assert!(
        !queue.html().contains(&reference),
        "it has left the open queue"
    );
    let (_, all) = app
        .get_html("/staff?status=all&kind=carer_registration")
        .await;
    assert!(all.html().contains(&reference));
    assert!(app.audited("view_carer").await && app.audited("check_carer").await);
    let (status, _) = call(&app, "staff/carer", &[("reference", "CAR-0000-0000-0000")]).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_emergency_duty_team_opens_a_plan_by_the_cards_reference() {
    let app = app().await;
    let reference = register_carer(&app).await;

    let enrolment = staff(&app, "duty@example.gov.uk", "triage_officer").await;
    sign_in(&app, "duty@example.gov.uk", &enrolment, 0).await;
    let next = app
        .post_form(
            "/api/staff/emergency",
            &[("form[reference]", "CAR-0000-0000-0000")],
        )
        .await;
    assert_eq!(next, "/staff/emergency");
    let (_, page) = app.get_html("/staff/emergency").await;
    assert!(text_of(&page, ".govuk-error-summary")
        .unwrap()
        .contains("no carer on the register"));

    // Typed as it is read out over the phone.
    let spoken = reference.to_lowercase().replace('-', " ");
    app.post_form("/api/staff/emergency", &[("form[reference]", &spoken)])
        .await;
    let (status, page) = app.get_html("/staff/emergency").await;
    assert_eq!(status, 200);
    let plan = text_of(&page, "main").unwrap();
    for expected in [
        "Ravi Patel",
        "Insulin at 8am and 6pm",
        "cannot be left alone at night",
        "Priya Patel",
        "07700 900123",
        "Next door, number 5",
        "Lives with the carer: 3 High St",
    ] {
        assert!(plan.contains(expected), "{expected} missing from {plan}");
    }
    // Shown once: not left in the session.
    let (_, again) = app.get_html("/staff/emergency").await;
    assert!(!text_of(&again, "main").unwrap().contains("Priya Patel"));

    let audit = app.store.recent_audit(50).await.unwrap();
    assert!(audit
        .iter()
        .any(|e| e.action == "emergency_lookup" && e.subject == reference && e.detail == "found"));
    assert!(audit
        .iter()
        .any(|e| e.action == "emergency_lookup" && e.detail == "not_found"));

    let admin = app.new_browser();
    let enrolment = staff(&app, "admin@example.gov.uk", "admin").await;
    sign_in(&admin, "admin@example.gov.uk", &enrolment, 0).await;
    let (status, body) = call(
        &admin,
        "staff/emergency",
        &[("form[reference]", &reference)],
    )
    .await;
    assert_eq!(status, 403, "{body}");
}

#[tokio::test]
async fn a_manager_finds_everything_about_a_person_downloads_it_and_erases_what_may_go() {
    let app = app().await;
    let open = submit_referral(&app, "assessment").await;
    let closed = submit_referral(&app, "carer_assessment").await;
    let triage = app.new_browser();
    let enrolment = staff(&app, "triage@example.gov.uk", "triage_officer").await;
    sign_in(&triage, "triage@example.gov.uk", &enrolment, 0).await;
    let mut close = status_fields(&closed, "closed", "", "internal");
    close[2] = ("form[outcome]", "information_and_advice");
    close[5] = ("form[event_outcome]", "nfa_information_advice_signposting");
    triage.post_form("/api/staff/referral/status", &close).await;
    let (status, _) = call(&triage, "staff/subject-access/load", &[]).await;
    assert_eq!(status, 403, "subject access is for managers");

    let enrolment = staff(&app, "manager@example.gov.uk", "manager").await;
    sign_in(&app, "manager@example.gov.uk", &enrolment, 0).await;
    let search = [
        ("form[given_name]", "amara"),
        ("form[family_name]", "OKAFOR"),
        ("form[date_of_birth][day]", "2"),
        ("form[date_of_birth][month]", "3"),
        ("form[date_of_birth][year]", "1948"),
    ];
    let next = app.post_form("/api/staff/subject-access", &search).await;
    assert_eq!(next, "/staff/subject-access");
    let (status, page) = app.get_html("/staff/subject-access").await;
    assert_eq!(status, 200);
    let found = text_of(&page, "main").unwrap();
    assert!(found.contains("2 records found"), "{found}");
    assert!(found.contains(&open) && found.contains(&closed));
    assert!(
        found.contains("Struggling to wash and cook since a fall"),
        "every answer, readable"
    );

    // The download: JSON, an attachment, with the access log; nothing personal in the URL.
    let response = app
        .client
        .get(app.url("/api/staff/subject-access/export.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let export: Value = response.json().await.unwrap();
    assert_eq!(export["records"].as_array().unwrap().len(), 2);
    assert!(
        export.to_string().contains("chidi@example.org"),
        "the trackers are included"
    );
    assert!(export["access_log"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["who"] == "staff:triage@example.gov.uk"));
    assert!(export["records"][0].get("erasable").is_none());

    // Erasure: the closed request goes, the open one stays.
    let next = app.post_form("/api/staff/subject-access/erase", &[]).await;
    assert_eq!(next, "/staff/subject-access");
    let (_, page) = app.get_html("/staff/subject-access").await;
    assert!(text_of(&page, ".govuk-notification-banner--success")
        .unwrap()
        .contains("Erased 1 record(s); 1 kept"));
    assert_eq!(
        app.store
            .load_referral(&closed)
            .await
            .unwrap()
            .unwrap()
            .details,
        "{}"
    );
    assert!(app
        .store
        .load_referral(&open)
        .await
        .unwrap()
        .unwrap()
        .details
        .contains("Amara"));

    let audit = app.store.recent_audit(100).await.unwrap();
    for action in ["subject_access_search", "subject_access_export", "erase"] {
        assert!(
            audit.iter().any(|e| e.action == action),
            "{action} is audited"
        );
    }
    assert!(
        audit
            .iter()
            .all(|e| !e.detail.to_lowercase().contains("amara")),
        "never the name searched for"
    );
}

/// Posts "Change your password"; the page it leads back to.
async fn change_password(
    staff: &TestApp,
    current: &str,
    new: &str,
    confirm: &str,
) -> scraper::Html {
    let fields = [
        ("form[current]", current),
        ("form[new]", new),
        ("form[confirm]", confirm),
    ];
    assert_eq!(
        staff.post_form("/api/staff/password", &fields).await,
        "/staff/password"
    );
    staff.get_html("/staff/password").await.1
}

/// An administrator's action on an account; the message the list page then shows.
async fn change_account(admin: &TestApp, id: &str, action: &str) -> String {
    let fields = [("form[id]", id), ("form[action]", action)];
    assert_eq!(
        admin.post_form("/api/staff/accounts/change", &fields).await,
        "/staff/accounts"
    );
    let (_, page) = admin.get_html("/staff/accounts").await;
    text_of(&page, ".govuk-notification-banner--success").unwrap_or_default()
}

#[tokio::test]
async fn an_administrator_adds_deactivates_and_resets_accounts_and_staff_change_their_password() {
    // Sessions of the usual length (argon2 takes a while in a debug build), and room for the
    // wrong passwords this test tries on purpose before the lockout.
    let mut config = test_config(false);
    config.settings.staff_sign_in_failures = 20;
    let app = spawn_app_on(sqlite_store().await, config).await;
    let enrolment = staff(&app, "admin@example.gov.uk", "admin").await;
    sign_in(&app, "admin@example.gov.uk", &enrolment, 0).await;
    let (status, page) = app.get_html("/staff/accounts").await;
    assert_eq!(status, 200);
    assert!(text_of(&page, "tbody").unwrap().contains("This is you"));

    // Problems are shown per field, with what was typed kept.
    let next = app
        .post_form(
            "/api/staff/accounts/create",
            &[
                ("form[email]", "bea@"),
                ("form[name]", "Bea Jones"),
                ("form[role]", ""),
            ],
        )
        .await;
    assert_eq!(next, "/staff/accounts");
    let (_, page) = app.get_html("/staff/accounts").await;
    let summary = text_of(&page, ".govuk-error-summary").unwrap();
    assert!(
        summary.contains("Enter an email address in the correct format"),
        "{summary}"
    );
    assert!(summary.contains("Select a role"), "{summary}");
    assert_eq!(
        common::attrs(&page, "input#name", "value"),
        vec!["Bea Jones"]
    );

    let fields = [
        ("form[email]", "Bea@Example.gov.uk"),
        ("form[name]", "Bea Jones"),
        ("form[role]", "triage_officer"),
    ];
    let next = app.post_form("/api/staff/accounts/create", &fields).await;
    assert_eq!(next, "/staff/accounts");
    let (_, page) = app.get_html("/staff/accounts").await;
    let flash = text_of(&page, ".govuk-notification-banner--success").unwrap();
    assert!(
        flash.contains("We have emailed Bea Jones a link"),
        "{flash}"
    );
    assert!(
        text_of(&page, ".app-secret").is_none() && !page.html().contains("<svg"),
        "the administrator never sees a secret"
    );
    assert!(app.audited("create_staff").await);
    let next = app.post_form("/api/staff/accounts/create", &fields).await;
    assert_eq!(next, "/staff/accounts");
    let (_, page) = app.get_html("/staff/accounts").await;
    assert!(text_of(&page, ".govuk-error-summary")
        .unwrap()
        .contains("already an account"));

    // Bea cannot sign in before she enrols; she follows her link and sets her own details.
    let bea = app.new_browser();
    let first_password = "bea's own first passphrase";
    let link = enrolment_link(&app, "bea@example.gov.uk").await;
    let (_, page) = bea.get_html(&link).await;
    assert!(page.html().contains("<svg"), "the QR code is drawn as SVG");
    assert_eq!(common::attrs(&page, ".app-qr-code", "role"), vec!["img"]);
    let secret = text_of(&page, "code.app-secret").unwrap();
    let token = link.split("token=").nth(1).unwrap().to_owned();
    let mismatched = [
        ("form[token]", token.as_str()),
        ("form[password]", first_password),
        ("form[confirm]", "something else entirely"),
        ("form[code]", "000000"),
    ];
    assert_eq!(bea.post_form("/api/staff/enrol", &mismatched).await, link);
    let (_, page) = bea.get_html(&link).await;
    let summary = text_of(&page, ".govuk-error-summary").unwrap();
    assert!(summary.contains("The passwords do not match"), "{summary}");
    assert_eq!(
        text_of(&page, "code.app-secret").unwrap(),
        secret,
        "the same key"
    );
    let codes = enrol(&bea, &link, first_password, &secret).await;
    assert_eq!(codes.len(), 10);
    let (_, used) = app.new_browser().get_html(&link).await;
    assert_eq!(
        text_of(&used, "h1").as_deref(),
        Some("This link does not work"),
        "once"
    );
    assert_eq!(
        try_password(&bea, "bea@example.gov.uk", first_password).await,
        "/staff/sign-in/code"
    );
    let next = give_code(&bea, &totp_code(&secret, now() + 30).unwrap()).await;
    assert_eq!(next, "/staff");
    let page = change_password(
        &bea,
        "not my password",
        "a brand new passphrase",
        "a brand new passphrase",
    )
    .await;
    assert!(text_of(&page, ".govuk-error-summary")
        .unwrap()
        .contains("Your current password is not right"));
    let new_password = "a brand new passphrase";
    let page = change_password(
        &bea,
        first_password,
        new_password,
        "a brand new passphrase?",
    )
    .await;
    assert!(text_of(&page, ".govuk-error-summary")
        .unwrap()
        .contains("The passwords do not match"));
    let page = change_password(&bea, first_password, new_password, new_password).await;
    assert!(text_of(&page, ".govuk-notification-banner--success")
        .unwrap()
        .contains("Your password has been changed"));
    assert!(!page.html().contains(new_password), "never shown back");
    let elsewhere = app.new_browser();
    assert_eq!(
        try_password(&elsewhere, "bea@example.gov.uk", first_password).await,
        "/staff/sign-in",
        "the first password no longer works"
    );
    assert_eq!(
        try_password(&elsewhere, "bea@example.gov.uk", new_password).await,
        "/staff/sign-in/code"
    );

    // Deactivated: Bea's session ends at once, and she cannot sign in.
    let bea_id = app
        .store
        .staff_account_by_email("bea@example.gov.uk")
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let flash = change_account(&app, &bea_id, "deactivate").await;
    assert!(flash.contains("Bea Jones has been deactivated"), "{flash}");
    assert_eq!(
        bea.get("/staff").await.headers()["location"],
        "/staff/sign-in"
    );
    assert_eq!(
        try_password(&app.new_browser(), "bea@example.gov.uk", new_password).await,
        "/staff/sign-in"
    );
    let admin_id = app
        .store
        .staff_account_by_email("admin@example.gov.uk")
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let flash = change_account(&app, &admin_id, "deactivate").await;
    assert!(
        flash.contains("cannot deactivate or reset your own"),
        "{flash}"
    );
    assert_eq!(app.get("/staff/accounts").await.status().as_u16(), 200);

    // Reactivated and reset (a lost phone): the old details stop working at once, and Bea
    // sets new ones through a new link.
    let flash = change_account(&app, &bea_id, "reactivate").await;
    assert!(flash.contains("Bea Jones can sign in again"), "{flash}");
    let flash = change_account(&app, &bea_id, "reset").await;
    assert!(
        flash.contains("We have emailed Bea Jones a link"),
        "{flash}"
    );
    let phone_lost = app.new_browser();
    assert_eq!(
        try_password(&phone_lost, "bea@example.gov.uk", new_password).await,
        "/staff/sign-in",
        "the changed password was taken away"
    );
    let reset_link = enrolment_link(&app, "bea@example.gov.uk").await;
    assert_ne!(reset_link, link);
    let (_, page) = phone_lost.get_html(&reset_link).await;
    let reset_secret = text_of(&page, "code.app-secret").unwrap();
    assert_ne!(reset_secret, secret);
    let reset_password = "after the lost phone";
    let reset_codes = enrol(&phone_lost, &reset_link, reset_password, &reset_secret).await;
    assert_eq!(
        try_password(&phone_lost, "bea@example.gov.uk", reset_password).await,
        "/staff/sign-in/code"
    );
    assert_eq!(
        give_code(&phone_lost, &codes[0]).await,
        "/staff/sign-in/code",
        "an old recovery code no longer works"
    );
    assert_eq!(give_code(&phone_lost, &reset_codes[0]).await, "/staff");
    for action in [
        "deactivate_staff",
        "reactivate_staff",
        "request_enrolment_new",
        "request_enrolment_reset",
        "issue_enrolment",
        "enrolled",
        "change_password",
    ] {
        assert!(app.audited(action).await, "{action} is audited");
    }
    let audit = app.store.recent_audit(200).await.unwrap();
    assert!(
        audit.iter().all(|e| !e.detail.contains(first_password)
            && !e.detail.contains(new_password)
            && !e.detail.contains(&secret)),
        "no secret reaches the audit log"
    );
}

/// A manager or administrator waits for a second administrator: the one who asked cannot
/// approve it, and no link goes out until another does.
async fn a_manager_needs_a_second_administrators_approval(store: common::TestStore) {
    let app = spawn_app_on(store, test_config(false)).await;
    let first = staff(&app, "admin@example.gov.uk", "admin").await;
    let second = staff(&app, "admin2@example.gov.uk", "admin").await;
    sign_in(&app, "admin@example.gov.uk", &first, 0).await;
    let fields = [
        ("form[email]", "mo@example.gov.uk"),
        ("form[name]", "Mo Khan"),
        ("form[role]", "manager"),
    ];
    assert_eq!(
        app.post_form("/api/staff/accounts/create", &fields).await,
        "/staff/accounts"
    );
    let (_, page) = app.get_html("/staff/accounts").await;
    let flash = text_of(&page, ".govuk-notification-banner--success").unwrap();
    assert!(
        flash.contains("Another administrator must approve"),
        "{flash}"
    );
    assert!(page.html().contains("you asked for this"));
    assert!(
        !has_link_email(&app, "mo@example.gov.uk").await,
        "no link yet"
    );
    let id = app.store.enrolments_awaiting_approval().await.unwrap()[0]
        .id
        .to_string();
    assert_eq!(
        app.post_form("/api/staff/accounts/approve", &[("form[id]", &id)])
            .await,
        "/staff/accounts"
    );
    let (_, page) = app.get_html("/staff/accounts").await;
    assert!(text_of(&page, ".govuk-notification-banner--success")
        .unwrap()
        .contains("another administrator must approve it"));
    assert!(
        !has_link_email(&app, "mo@example.gov.uk").await,
        "still no link"
    );

    let other = app.new_browser();
    sign_in(&other, "admin2@example.gov.uk", &second, 0).await;
    assert_eq!(
        other
            .post_form("/api/staff/accounts/approve", &[("form[id]", &id)])
            .await,
        "/staff/accounts"
    );
    let (_, page) = other.get_html("/staff/accounts").await;
    assert!(text_of(&page, ".govuk-notification-banner--success")
        .unwrap()
        .contains("Approved"));
    let link = enrolment_link(&app, "mo@example.gov.uk").await;
    let mo = app.new_browser();
    let (_, page) = mo.get_html(&link).await;
    let secret = text_of(&page, "code.app-secret").unwrap();
    enrol(&mo, &link, "mo's long passphrase", &secret).await;
    assert_eq!(
        try_password(&mo, "mo@example.gov.uk", "mo's long passphrase").await,
        "/staff/sign-in/code"
    );
}

mod approval {
    on_both_databases!(a_manager_needs_a_second_administrators_approval);
    use super::a_manager_needs_a_second_administrators_approval;
}

/// The path of the newest enrolment link emailed to `email`.
async fn enrolment_link(app: &TestApp, email: &str) -> String {
    let emails = app.store.due_outbox("email", i64::MAX, 500).await.unwrap();
    let text = emails
        .iter()
        .rev()
        .map(|m| serde_json::from_str::<Value>(&m.payload).unwrap())
        .find(|p| p["to"] == email && p["subject"] == "Set up your back-office sign-in")
        .expect("an enrolment email")["text"]
        .as_str()
        .unwrap()
        .to_owned();
    let at = text.find("/staff/enrol?token=").expect("a link");
    text[at..].split_whitespace().next().unwrap().to_owned()
}

async fn has_link_email(app: &TestApp, email: &str) -> bool {
    app.store
        .due_outbox("email", i64::MAX, 500)
        .await
        .unwrap()
        .iter()
        .any(|m| m.payload.contains(email) && m.payload.contains("/staff/enrol?token="))
}

/// Enrols through `link` with `password` and the app's code for `secret`; the recovery codes.
async fn enrol(browser: &TestApp, link: &str, password: &str, secret: &str) -> Vec<String> {
    let token = link.split("token=").nth(1).unwrap();
    let code = totp_code(secret, now()).unwrap();
    let fields = [
        ("form[token]", token),
        ("form[password]", password),
        ("form[confirm]", password),
        ("form[code]", code.as_str()),
    ];
    assert_eq!(
        browser.post_form("/api/staff/enrol", &fields).await,
        "/staff/enrol/done"
    );
    let (_, page) = browser.get_html("/staff/enrol/done").await;
    let select = scraper::Selector::parse(".app-recovery-codes code").unwrap();
    let codes: Vec<String> = page.select(&select).map(|c| c.text().collect()).collect();
    let (_, again) = browser.get_html("/staff/enrol/done").await;
    assert!(
        !again.html().contains(&codes[0]),
        "recovery codes are shown once"
    );
    codes
}

/// A staff member moves their authenticator to a new phone after signing in: the new key is
/// proven with a code, new recovery codes are shown once, the old key and codes stop working,
/// and this session carries on.
#[tokio::test]
async fn a_staff_member_moves_their_authenticator_to_a_new_phone() {
    let app = app().await;
    let old = staff(&app, "ann@example.gov.uk", "triage_officer").await;
    sign_in(&app, "ann@example.gov.uk", &old, -1).await;
    let (_, page) = app.get_html("/staff/authenticator").await;
    let secret = text_of(&page, "code.app-secret").unwrap();
    assert_ne!(secret, old.totp_secret);
    assert_eq!(
        app.post_form("/api/staff/authenticator", &[("form[code]", "000000")])
            .await,
        "/staff/authenticator"
    );
    let (_, page) = app.get_html("/staff/authenticator").await;
    assert!(text_of(&page, ".govuk-error-summary")
        .unwrap()
        .contains("your new app shows"));
    assert_eq!(
        text_of(&page, "code.app-secret").unwrap(),
        secret,
        "the same new key"
    );
    let code = totp_code(&secret, now()).unwrap();
    app.post_form("/api/staff/authenticator", &[("form[code]", &code)])
        .await;
    let (_, page) = app.get_html("/staff/authenticator").await;
    let select = scraper::Selector::parse(".app-recovery-codes code").unwrap();
    let codes: Vec<String> = page.select(&select).map(|c| c.text().collect()).collect();
    assert_eq!(codes.len(), 10);
    assert_eq!(
        app.get("/staff").await.status().as_u16(),
        200,
        "this session carries on"
    );

    let elsewhere = app.new_browser();
    give_password_to(&elsewhere).await;
    assert_eq!(
        give_code(
            &elsewhere,
            &totp_code(&old.totp_secret, now() + 30).unwrap()
        )
        .await,
        "/staff/sign-in/code",
        "the old phone's codes no longer work"
    );
    assert_eq!(
        give_code(&elsewhere, &old.recovery_codes[0]).await,
        "/staff/sign-in/code",
        "nor the old recovery codes"
    );
    assert_eq!(give_code(&elsewhere, &codes[0]).await, "/staff");
    assert!(app.audited("new_authenticator").await);
}

async fn give_password_to(browser: &TestApp) {
    assert_eq!(
        try_password(browser, "ann@example.gov.uk", PASSWORD).await,
        "/staff/sign-in/code"
    );
}

/// A professional's hospital discharge in the queue: filtered by route and ordered by the
/// expected date with "Due in N days"; its record in Client Level Data's words; the route
/// corrected (audited); closing asks what it led to, which reaches the store and the event.
#[tokio::test]
async fn discharges_are_ordered_by_their_date_and_closing_records_what_they_led_to() {
    let app = app().await;
    let today = time::OffsetDateTime::now_utc().date();
    let discharge = |days: i64, email: &str| {
        let mut body = common::referral_example();
        body["for"] = json!("professional");
        body["referrer"] = json!({ "given_name": "Sam", "family_name": "Lee", "job_title": "Discharge nurse",
            "organisation": "Exampletown General Hospital", "setting": "hospital",
            "phone": "01632 960100", "email": email });
        body["trackers"] = json!([]);
        let date = today + time::Duration::days(days);
        body["discharge"] = json!({ "hospital": "Exampletown General", "ward": "Ward 7",
            "ward_phone": "01632 960101", "expected_date": app::domain::checks::iso_date(date),
            "medically_optimised": true, "pathway": 1, "support_needed": "Two calls a day" });
        let app = &app;
        async move { app.submit_referral(&body).await }
    };
    let later = discharge(9, "sam.lee@mail.example").await;
    let sooner = discharge(3, "sam.lee@nhs.net").await;
    let community = submit_referral(&app, "assessment").await;
    let enrolment = staff(&app, "triage@example.gov.uk", "triage_officer").await;
    sign_in(&app, "triage@example.gov.uk", &enrolment, 0).await;

    let (_, page) = app
        .get_html("/staff?route=discharge_from_hospital&sort=newest")
        .await;
    let rows: Vec<String> = common::attrs(&page, ".app-queue tbody th a", "href");
    assert_eq!(
        rows,
        [
            format!("/staff/referrals/{sooner}"),
            format!("/staff/referrals/{later}")
        ],
        "discharges only, the soonest first whatever the order asked"
    );
    let table = text_of(&page, ".app-queue").unwrap();
    assert!(
        table.contains("Due in 3 days") && table.contains("Due in 9 days"),
        "{table}"
    );
    assert!(!table.contains(&community));

    let record = format!("/staff/referrals/{sooner}");
    let (_, page) = app.get_html(&record).await;
    let main = text_of(&page, "main").unwrap();
    for shown in [
        "Discharge from Hospital",
        "Secondary Health",
        "Discharge nurse, Exampletown General Hospital",
        "Pathway 1",
        "Trusted work email",
        "Work email On a trusted domain (nhs.net)",
    ] {
        assert!(main.contains(shown), "{shown} in {main}");
    }
    let (_, page) = app.get_html(&format!("/staff/referrals/{later}")).await;
    let main = text_of(&page, "main").unwrap();
    assert!(
        main.contains("Work email Not on a domain the council trusts")
            && !main.contains("Trusted work email"),
        "{main}"
    );

    let route = [
        ("form[reference]", sooner.as_str()),
        ("form[route_of_access]", "diversion_from_hospital"),
    ];
    assert_eq!(
        app.post_form("/api/staff/referral/route", &route).await,
        record
    );
    let stored = app.store.load_referral(&sooner).await.unwrap().unwrap();
    assert_eq!(stored.route_of_access, "diversion_from_hospital");
    let made_up = [
        ("form[reference]", sooner.as_str()),
        ("form[route_of_access]", "made_up"),
    ];
    app.post_form("/api/staff/referral/route", &made_up).await;
    let stored = app.store.load_referral(&sooner).await.unwrap().unwrap();
    assert_eq!(
        stored.route_of_access, "diversion_from_hospital",
        "only the list's routes"
    );
    let audit = app
        .store
        .audit_page(&app::store::AuditQuery {
            per_page: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(audit.entries.iter().any(|e| e.action == "correct_route"
        && e.subject == sooner
        && e.detail == "discharge_from_hospital -> diversion_from_hospital"));

    let mut close = status_fields(&sooner, "closed", "", "internal");
    close[2] = ("form[outcome]", "support_arranged");
    assert_eq!(
        app.post_form("/api/staff/referral/status", &close).await,
        record
    );
    let (_, page) = app.get_html(&record).await;
    assert_eq!(
        common::attrs(&page, ".govuk-error-summary__list a", "href"),
        ["#event-outcome"]
    );
    assert_eq!(
        app.store
            .load_referral(&sooner)
            .await
            .unwrap()
            .unwrap()
            .status,
        "received"
    );
    close[5] = ("form[event_outcome]", "provision_of_service");
    app.post_form("/api/staff/referral/status", &close).await;
    let stored = app.store.load_referral(&sooner).await.unwrap().unwrap();
    assert_eq!(stored.status, "closed");
    assert_eq!(
        stored.event_outcome.as_deref(),
        Some("provision_of_service")
    );
    let (_, page) = app.get_html(&record).await;
    assert!(text_of(&page, "main")
        .unwrap()
        .contains("Provision of service"));

    // The community request is answered with advice at the first contact.
    let mut resolved = status_fields(&community, "closed", "", "internal");
    resolved[2] = ("form[outcome]", "information_and_advice");
    resolved[5] = ("form[event_outcome]", "nfa_information_advice_signposting");
    app.post_form("/api/staff/referral/status", &resolved).await;
    let quarter = app::domain::cld_return::quarter_of(today).key;
    let cld = format!("/api/staff/cld-return.csv?quarter={quarter}");
    assert_eq!(
        app.get(&cld).await.status().as_u16(),
        403,
        "the return is for those who see the dashboard"
    );
    let stranger = app.new_browser().get(&cld).await;
    assert_ne!(stranger.status().as_u16(), 200);
    assert!(
        !stranger.text().await.unwrap().contains("ASC-"),
        "nothing for a stranger"
    );

    let manager = app.new_browser();
    let enrolment = staff(&app, "manager@example.gov.uk", "manager").await;
    sign_in(&manager, "manager@example.gov.uk", &enrolment, 0).await;
    let (_, page) = manager.get_html("/staff/dashboard").await;
    let main = text_of(&page, "main").unwrap();
    assert_eq!(
        text_of(&page, "#routes-desc").unwrap(),
        "Planned Entry (Transition): 0; Discharge from Hospital: 1; \
         Diversion from Hospital Services: 1; Self-Funder with Depleted Funds: 0; \
         Community / Other route: 1; Prison: 0",
        "the corrected route counts"
    );
    assert!(
        main.contains("Community / Other route 1 1 100%"),
        "one request by that route, resolved at first contact: {main}"
    );
    assert!(
        main.contains("reached us at least 6 days before the expected discharge date"),
        "the median of 3 and 9 days: {main}"
    );
    assert!(text_of(&page, "#discharges-desc").unwrap().ends_with(": 2"));
    let csv = manager
        .get("/api/staff/dashboard.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains("resolved_at_first_contact,\"Community / Other route\",all,1")
            && csv.contains("median_days_before_expected_discharge,all,all,6"),
        "{csv}"
    );
    let options = common::attrs(&page, "#quarter option", "value");
    assert_eq!(options.len(), 8);
    assert_eq!(options[0], quarter, "the current quarter first");

    let response = manager.get(&cld).await;
    assert_eq!(response.status().as_u16(), 200, "{:?}", response.headers());
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains(&format!("cld-requests-{quarter}.csv")));
    let csv = response.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], app::domain::cld_return::COLUMNS.join(","));
    assert_eq!(lines.len(), 4, "the three requests: {csv}");
    let line_of = |reference: &str| {
        lines
            .iter()
            .find(|l| l.contains(reference))
            .unwrap_or_else(|| panic!("{reference} in {csv}"))
            .to_string()
    };
    let ended = app::domain::checks::iso_date(time::OffsetDateTime::now_utc().date());
    assert!(line_of(&sooner).contains(&format!(
        "\"{ended}\",\"Diversion from Hospital Services\",\"Secondary Health\",\"Provision of service\""
    )));
    assert!(line_of(&community).contains(
        "\"Community / Other route\",\"Self\",\"NFA - Information & Advice / Signposting only\",\"75-84\",\"EX1\""
    ));
    assert!(
        line_of(&later).contains(",\"\",\"Discharge from Hospital\""),
        "open: no end date"
    );
    for personal in ["Amara", "Okafor", "1948-03-02", "EX1 2AB", "Mill Lane"] {
        assert!(!csv.contains(personal), "{personal} in {csv}");
    }
    // Downloads are compressed too (at the fastest level: `router::compression`).
    for encoding in ["gzip", "br"] {
        let compressed = manager
            .client
            .get(manager.url(&cld))
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(compressed.headers()["content-encoding"], encoding);
    }
    let response = manager
        .get("/api/staff/cld-return.csv?quarter=2026-27-q9")
        .await;
    assert_ne!(response.status().as_u16(), 200, "only the offered quarters");
    assert!(!response.text().await.unwrap().contains("Event_Reference"));
}
