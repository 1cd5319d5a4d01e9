//! "Give feedback on this service" with HTML alone: form posts, redirects, errors kept in the
//! server-side draft, answers never lost, stored exactly once; and its session cookie.
use crate::common;

use common::{attrs, spawn_app, text_of, TestApp};

/// The `action` of the page's form (read, not guessed).
async fn form_action(app: &TestApp, path: &str) -> String {
    let (status, html) = app.get_html(path).await;
    assert_eq!(status, 200, "{path}");
    attrs(&html, "main form", "action")
        .into_iter()
        .next()
        .expect("a form")
}

#[tokio::test]
async fn feedback_journey_without_javascript() {
    let app = spawn_app(false).await;

    // Question 1, sent empty: back to the same page with the error summary.
    let action = form_action(&app, "/feedback").await;
    assert!(
        action.starts_with("/api/feedback/"),
        "a stable endpoint: {action}"
    );
    assert_eq!(app.post_form(&action, &[]).await, "/feedback");
    let (_, html) = app.get_html("/feedback").await;
    assert!(text_of(&html, "title")
        .unwrap()
        .starts_with("Error: How satisfied were you"));
    assert_eq!(
        text_of(&html, ".govuk-error-summary__title").as_deref(),
        Some("There is a problem")
    );
    assert_eq!(
        attrs(&html, ".govuk-error-summary__list a", "href"),
        ["#satisfaction"]
    );
    assert_eq!(
        attrs(&html, "input[type=radio]", "id")[0],
        "satisfaction",
        "the summary's link lands on the first radio"
    );
    assert!(text_of(&html, ".govuk-error-message")
        .unwrap()
        .contains("Select how satisfied you were"));

    // A value off the scale is an error too, never a 500.
    assert_eq!(
        app.post_form(&action, &[("form[satisfaction]", "delighted")])
            .await,
        "/feedback"
    );
    let (_, html) = app.get_html("/feedback").await;
    assert!(text_of(&html, ".govuk-error-summary").is_some());

    // Errors are shown once; a refresh shows the page without them but keeps the answer.
    assert_eq!(
        app.post_form(&action, &[("form[satisfaction]", "satisfied")])
            .await,
        "/feedback/what-could-be-better"
    );
    let (_, html) = app.get_html("/feedback").await;
    assert!(text_of(&html, ".govuk-error-summary").is_none());
    assert_eq!(
        attrs(&html, "input[type=radio][checked]", "value"),
        ["satisfied"],
        "the answer survives going back"
    );

    // Question 2: too long is refused, and what was typed is shown back, not lost.
    let action = form_action(&app, "/feedback/what-could-be-better").await;
    let long = "x".repeat(1201);
    assert_eq!(
        app.post_form(&action, &[("form[improvements]", &long)])
            .await,
        "/feedback/what-could-be-better"
    );
    let (_, html) = app.get_html("/feedback/what-could-be-better").await;
    assert_eq!(
        attrs(&html, ".govuk-error-summary__list a", "href"),
        ["#improvements"]
    );
    assert_eq!(text_of(&html, "textarea").unwrap(), long);
    assert_eq!(
        app.post_form(&action, &[("form[improvements]", "Larger text, please.")])
            .await,
        "/feedback/check-answers"
    );

    // Check answers, then change question 1 and come back.
    let (_, html) = app.get_html("/feedback/check-answers").await;
    let values: Vec<_> = ["dd.govuk-summary-list__value"]
        .iter()
        .flat_map(|s| {
            let sel = scraper::Selector::parse(s).unwrap();
            html.select(&sel)
                .map(|e| e.text().collect::<String>().trim().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(values, ["Satisfied", "Larger text, please."]);
    let change = attrs(&html, ".govuk-summary-list__actions a", "href");
    assert_eq!(change[0], "/feedback?change=check-answers");
    let action = form_action(&app, &change[0]).await;
    let (_, html) = app.get_html(&change[0]).await;
    assert_eq!(
        attrs(&html, "input[type=hidden]", "value"),
        ["check-answers"]
    );
    assert_eq!(
        attrs(&html, "a.govuk-back-link", "href"),
        ["/feedback/check-answers"]
    );
    assert_eq!(
        app.post_form(
            &action,
            &[
                ("form[satisfaction]", "very_satisfied"),
                ("form[return_to]", "check-answers")
            ]
        )
        .await,
        "/feedback/check-answers"
    );

    // Send: stored once, then the confirmation.
    let send = form_action(&app, "/feedback/check-answers").await;
    assert_eq!(app.post_form(&send, &[]).await, "/feedback/confirmation");
    let (status, html) = app.get_html("/feedback/confirmation").await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&html, ".govuk-panel__title").as_deref(),
        Some("Feedback sent")
    );
    let stored = app.store.recent_feedback(10).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(
        (
            stored[0].satisfaction.as_str(),
            stored[0].improvements.as_str()
        ),
        ("very_satisfied", "Larger text, please.")
    );

    // Sending again (a double click, or the back button) stores nothing more.
    assert_eq!(app.post_form(&send, &[]).await, "/feedback");
    assert_eq!(app.store.recent_feedback(10).await.unwrap().len(), 1);
    let (_, html) = app.get_html("/feedback").await;
    assert!(
        attrs(&html, "input[type=radio][checked]", "value").is_empty(),
        "the draft was deleted once sent"
    );
}

/// The `Set-Cookie` of the first answer a new visitor posts.
async fn first_session_cookie(app: &TestApp) -> String {
    let action = form_action(app, "/feedback").await;
    let response = app
        .client
        .post(app.url(&action))
        .header("accept", "text/html")
        .form(&[("form[satisfaction]", "neither")])
        .send()
        .await
        .unwrap();
    response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn local_http_session_cookie_is_plain_but_http_only() {
    let cookie = first_session_cookie(&spawn_app(false).await).await;
    assert!(cookie.starts_with("session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/")
    );
    assert!(!cookie.contains("Secure"));
    assert!(!cookie.contains("neither"), "answers stay on the server");
    let lower = cookie.to_ascii_lowercase();
    assert!(
        !lower.contains("max-age") && !lower.contains("expires"),
        "a resident's cookie lasts for the browser session only: {cookie}"
    );
}

/// "Exit this page" goes through the portal, which deletes the session and everything in it
/// before sending the person on to the neutral page (on both databases).
async fn exit_this_page_leaves_nothing(app: TestApp) {
    let action = form_action(&app, "/feedback").await;
    app.post_form(&action, &[("form[satisfaction]", "satisfied")])
        .await;
    let (_, html) = app.get_html("/feedback").await;
    assert_eq!(
        attrs(&html, "input[type=radio][checked]", "value"),
        ["satisfied"]
    );
    let sessions = |app: &TestApp| {
        let url = app.database_url.clone();
        async move { common::count(&url, "SELECT COUNT(*) FROM sessions").await }
    };
    assert_eq!(sessions(&app).await, 1);

    let response = app.get(app::components::EXIT_PATH).await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(response.headers()["location"], app::components::EXIT_URL);
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(response.headers()["referrer-policy"], "no-referrer");
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.contains("Max-Age=0"),
        "the cookie is removed: {cookie}"
    );
    assert_eq!(
        sessions(&app).await,
        0,
        "the session is deleted from the store"
    );
    let (_, html) = app.get_html("/feedback").await;
    assert!(attrs(&html, "input[type=radio][checked]", "value").is_empty());
}

#[tokio::test]
async fn exit_this_page_leaves_nothing_on_sqlite() {
    exit_this_page_leaves_nothing(spawn_app(false).await).await;
}

#[tokio::test]
async fn exit_this_page_leaves_nothing_on_postgres() {
    let app =
        common::spawn_app_on(common::postgres_store().await, common::test_config(false)).await;
    exit_this_page_leaves_nothing(app).await;
}

#[tokio::test]
async fn tls_session_cookie_is_host_prefixed_and_secure() {
    let cookie = first_session_cookie(&spawn_app(true).await).await;
    assert!(cookie.starts_with("__Host-session="), "{cookie}");
    assert!(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("Path=/"));
    assert!(
        !cookie.contains("Domain"),
        "__Host- cookies carry no Domain"
    );
}
