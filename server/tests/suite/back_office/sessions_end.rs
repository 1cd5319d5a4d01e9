//! Sessions do not outlive the credentials, on SQLite and PostgreSQL: a password change, a
//! reset, deactivation, or signing in afresh ends every other session of the account (the one
//! that changed its own password carries on); signing in clears what the previous person
//! left in the browser's session.
use crate::back_office::web::{give_code, staff, try_password, PASSWORD};
use crate::common;

use app::api::staff::accounts::new_account;
use app::api::staff::credentials::totp_code;
use common::{attrs, spawn_app_on, test_config, TestApp, TestStore};

const ANN: &str = "ann@example.gov.uk";

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Signs `browser` in as Ann with the TOTP step `step` (each step works once).
async fn signed_in(browser: &TestApp, secret: &str, step: i64) {
    assert_eq!(
        try_password(browser, ANN, PASSWORD).await,
        "/staff/sign-in/code"
    );
    let code = totp_code(secret, now() + step * 30).unwrap();
    assert_eq!(give_code(browser, &code).await, "/staff");
}

/// Signs `browser` in as Ann and returns its session cookie (`name=value`) as set then.
async fn signed_in_cookie(browser: &TestApp, secret: &str, step: i64) -> String {
    assert_eq!(
        try_password(browser, ANN, PASSWORD).await,
        "/staff/sign-in/code"
    );
    let code = totp_code(secret, now() + step * 30).unwrap();
    let response = browser
        .client
        .post(browser.url("/api/staff/sign-in/code"))
        .header("accept", "text/html")
        .form(&[("form[code]", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["location"], "/staff");
    let set_cookie = response.headers()["set-cookie"].to_str().unwrap();
    set_cookie.split(';').next().unwrap().to_owned()
}

async fn status(browser: &TestApp) -> u16 {
    browser.get("/staff").await.status().as_u16()
}

async fn credentials_end_other_sessions(store: TestStore) {
    let app = spawn_app_on(store, test_config(false)).await;
    let enrolment = staff(&app, ANN, "triage_officer").await;
    let secret = enrolment.totp_secret.clone();
    let (desk, laptop) = (app.new_browser(), app.new_browser());

    // Signing in afresh elsewhere ends the first session.
    signed_in(&desk, &secret, -1).await;
    assert_eq!(status(&desk).await, 200);
    signed_in(&laptop, &secret, 0).await;
    assert_eq!(status(&laptop).await, 200);
    assert_eq!(status(&desk).await, 302, "the older session has ended");

    // Changing the password ends every other session (here a copy of the session's cookie,
    // as a thief would hold it); the session that changed it carries on.
    let cookie = signed_in_cookie(&desk, &secret, 1).await;
    let thief = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let thief_status = || async {
        thief
            .get(desk.url("/staff"))
            .header("accept", "text/html")
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(
        thief_status().await,
        200,
        "the copied cookie works until then"
    );
    let epoch_before = app
        .store
        .staff_account_by_email(ANN)
        .await
        .unwrap()
        .unwrap()
        .session_epoch;
    let new_password = "a brand new long passphrase";
    let next = desk
        .post_form(
            "/api/staff/password",
            &[
                ("form[current]", PASSWORD),
                ("form[new]", new_password),
                ("form[confirm]", new_password),
            ],
        )
        .await;
    assert_eq!(next, "/staff/password");
    let account = app
        .store
        .staff_account_by_email(ANN)
        .await
        .unwrap()
        .unwrap();
    assert!(account.session_epoch > epoch_before);
    assert_eq!(
        status(&desk).await,
        200,
        "the session that changed it carries on"
    );
    assert_eq!(
        thief_status().await,
        302,
        "the copied cookie no longer works"
    );

    // A reset by an administrator, and deactivation (even undone), end the session too.
    let (fresh, _) = new_account(ANN, "Ann", "triage_officer", PASSWORD, now()).unwrap();
    assert!(app
        .store
        .reset_staff_sign_in(account.id, &fresh)
        .await
        .unwrap());
    assert_eq!(status(&desk).await, 302, "reset");
    // Back in under the reset's secret, then deactivated and reactivated.
    let secret = fresh.totp_secret.clone();
    signed_in(&desk, &secret, 0).await;
    assert_eq!(status(&desk).await, 200);
    assert!(app.store.set_staff_active(account.id, false).await.unwrap());
    assert!(app.store.set_staff_active(account.id, true).await.unwrap());
    assert_eq!(
        status(&desk).await,
        302,
        "deactivated, even if reactivated since"
    );
}

async fn signing_in_clears_the_previous_persons_session(store: TestStore) {
    let app = spawn_app_on(store, test_config(false)).await;
    let enrolment = staff(&app, ANN, "triage_officer").await;
    // A resident used this browser first and left an answer in the feedback journey.
    let browser = app.new_browser();
    let action = "/api/feedback/satisfaction";
    browser
        .post_form(action, &[("form[satisfaction]", "satisfied")])
        .await;
    let (_, html) = browser.get_html("/feedback").await;
    assert_eq!(
        attrs(&html, "input[type=radio][checked]", "value"),
        ["satisfied"]
    );
    signed_in(&browser, &enrolment.totp_secret, 0).await;
    let (_, html) = browser.get_html("/feedback").await;
    assert!(
        attrs(&html, "input[type=radio][checked]", "value").is_empty(),
        "the previous person's answers are gone"
    );
}

on_both_databases!(
    credentials_end_other_sessions,
    signing_in_clears_the_previous_persons_session
);
