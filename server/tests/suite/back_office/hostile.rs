//! Hostile input everywhere: markup, script, SQL, control characters, right-to-left overrides,
//! overlong values and bytes that are not UTF-8, through every field of every form of every
//! journey (found by reading each page's HTML, so a new field is covered when it is added)
//! and through every string of the JSON API. Nothing answers 500, nothing is executed (no
//! page ever carries the markup as markup), and what is stored comes back escaped in the back
//! office.
use crate::common;

use app::journeys::carer::flow::{CarerDraft, CarerPage};
use app::journeys::concern::flow::ConcernPage;
use app::journeys::eligibility::flow::CheckPage;
use app::journeys::estimate::flow::EstimatePage;
use app::journeys::flow::Journey;
use app::journeys::referral::flow::ReferralPage;
use common::{spawn_app, TestApp};
use serde_json::{json, Value};

const SCRIPT: &str = "<script>alert('hostile')</script>";
const ATTRIBUTE: &str = "\"><img src=x onerror=alert('hostile')>";

/// What is typed into every field, one at a time.
fn payloads() -> Vec<String> {
    vec![
        SCRIPT.to_owned(),
        ATTRIBUTE.to_owned(),
        "</title><meta http-equiv=\"refresh\" content=\"0;url=https://example.org\">".to_owned(),
        "</textarea><b>bold</b>".to_owned(),
        "'; DROP TABLE referrals; --".to_owned(),
        "' OR '1'='1".to_owned(),
        "\u{0}\u{1}\u{7}\u{1b}[31m\r\n\u{202e}txt.exe\u{feff}".to_owned(),
        "ｆｕｌｌｗｉｄｔｈ ａｎｄ 👩🏽‍🦳 emoji".to_owned(),
        "a".repeat(20_000),
    ]
}

/// Every question page of every journey, and the other pages with forms.
fn pages_with_forms() -> Vec<String> {
    let mut pages: Vec<String> = Vec::new();
    pages.extend(ReferralPage::QUESTIONS.iter().map(|p| p.path()));
    pages.extend(ConcernPage::QUESTIONS.iter().map(|p| p.path()));
    pages.extend(EstimatePage::QUESTIONS.iter().map(|p| p.path()));
    pages.extend(
        CheckPage::questions(&Default::default())
            .iter()
            .map(|p| p.path()),
    );
    pages.extend(
        CarerPage::questions(&CarerDraft::default())
            .iter()
            .map(|p| p.path()),
    );
    pages.extend(
        [
            "/feedback",
            "/feedback/what-could-be-better",
            "/track-a-request",
            "/request-an-assessment/return",
            "/register-as-a-carer/your-details",
            "/search",
            "/find-local-services",
            "/staff/sign-in",
        ]
        .map(str::to_owned),
    );
    pages
}

/// A form on a page: how and where it is sent, and its fields (hidden ones with their value).
struct Form {
    get: bool,
    action: String,
    fields: Vec<(String, Option<String>)>,
}

fn forms(html: &scraper::Html) -> Vec<Form> {
    let form = scraper::Selector::parse("main form").unwrap();
    let control = scraper::Selector::parse("input, textarea, select").unwrap();
    html.select(&form)
        .map(|f| {
            let mut fields = Vec::new();
            for c in f.select(&control) {
                let Some(name) = c.value().attr("name") else {
                    continue;
                };
                let kind = c.value().attr("type").unwrap_or("text");
                if matches!(kind, "submit" | "button") {
                    continue;
                }
                let kept =
                    (kind == "hidden").then(|| c.value().attr("value").unwrap_or("").to_owned());
                if !fields.iter().any(|(n, _)| n == name) {
                    fields.push((name.to_owned(), kept));
                }
            }
            Form {
                get: f
                    .value()
                    .attr("method")
                    .unwrap_or("get")
                    .eq_ignore_ascii_case("get"),
                action: f.value().attr("action").unwrap_or("").to_owned(),
                fields,
            }
        })
        .collect()
}

/// The raw page never carries the payloads as markup, and its DOM has no handler attributes
/// and no script but the service's own.
fn assert_inert(body: &str, what: &str) {
    if let Some(at) = body.find(SCRIPT) {
        let around = &body[at.saturating_sub(600)..(at + 300).min(body.len())];
        panic!("{what}: script as markup in {around}");
    }
    assert!(
        !body.contains("<img src=x"),
        "{what}: an element from the input"
    );
    let html = scraper::Html::parse_document(body);
    let select = |css: &str| html.select(&scraper::Selector::parse(css).unwrap()).count();
    assert_eq!(select("title"), 1, "{what}: one title");
    assert_eq!(
        select("meta[http-equiv], main b, body b"),
        0,
        "{what}: markup from the input"
    );
    let any = scraper::Selector::parse("*").unwrap();
    for element in html.select(&any) {
        for (name, _) in element.value().attrs() {
            assert!(
                !name.starts_with("on"),
                "{what}: a handler attribute {name}"
            );
        }
        if element.value().name() == "script" {
            let src = element.value().attr("src").unwrap_or("");
            assert!(
                src.is_empty() || src.starts_with('/'),
                "{what}: a script from {src}"
            );
            assert!(
                !element.inner_html().contains("hostile"),
                "{what}: the input inside a script"
            );
        }
    }
}

/// GETs `path` as a browser; the status and body, after checking it is never a 500.
async fn fetch(app: &TestApp, path: &str) -> (u16, String) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    assert!(status < 500, "GET {path}: {status}");
    (status, response.text().await.unwrap())
}

/// Sends `form` with `value` in every field a person fills in (`raw`: already encoded).
async fn send(app: &TestApp, form: &Form, value: &str, raw: bool) -> reqwest::Response {
    // A URL holds a few thousand characters at most (browsers and proxies cut it there).
    let value: String = if form.get {
        value.chars().take(2_000).collect()
    } else {
        value.to_owned()
    };
    let value = value.as_str();
    let encode = |text: &str| -> String {
        if raw {
            text.to_owned()
        } else {
            form_urlencoded_byte_serialize(text)
        }
    };
    let body = form
        .fields
        .iter()
        .map(|(name, kept)| {
            let value = match kept {
                Some(kept) => form_urlencoded_byte_serialize(kept),
                None => encode(value),
            };
            format!("{}={value}", form_urlencoded_byte_serialize(name))
        })
        .collect::<Vec<_>>()
        .join("&");
    let request = if form.get {
        app.client.get(app.url(&format!("{}?{body}", form.action)))
    } else {
        app.client
            .post(app.url(&form.action))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
    };
    request
        .header("accept", "text/html")
        .send()
        .await
        .expect("send")
}

fn form_urlencoded_byte_serialize(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[tokio::test]
async fn every_field_of_every_journey_takes_hostile_input() {
    let app = spawn_app(false).await;
    let mut sent = 0;
    for path in pages_with_forms() {
        let (status, body) = fetch(&app, &path).await;
        assert_eq!(status, 200, "{path}");
        let found = forms(&scraper::Html::parse_document(&body));
        assert!(!found.is_empty(), "{path} has a form");
        for form in &found {
            let mut values: Vec<(String, bool)> =
                payloads().into_iter().map(|p| (p, false)).collect();
            values.push(("%FF%FE%C0%AF".to_owned(), true)); // not UTF-8
            for (value, raw) in values {
                let response = send(&app, form, &value, raw).await;
                let status = response.status().as_u16();
                let what = format!("{} from {path}", form.action);
                assert!(status < 500, "{what}: {status}");
                sent += 1;
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|l| l.to_str().ok())
                    .map(|l| l.trim_start_matches(&app.base).to_owned());
                let shown = match location {
                    Some(next) if next.starts_with('/') => fetch(&app, &next).await.1,
                    _ => response.text().await.unwrap(),
                };
                assert_inert(&shown, &what);
            }
        }
    }
    println!("{sent} hostile posts");
    assert!(sent > 300, "{sent} hostile posts");
    // The tables are all still there.
    assert!(common::count(&app.database_url, "SELECT COUNT(*) FROM referrals").await >= 0);
}

/// Every string in `value` replaced by `payload`, except the ones that must keep their form
/// for the request to be stored (dates, emails, postcodes, phone numbers, codes).
fn with_strings(value: &Value, payload: &str) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, v)| {
                    let keep = [
                        "date",
                        "email",
                        "postcode",
                        "phone",
                        "for",
                        "kind",
                        "preferred_contact",
                        "relationship_code",
                        "financial_year",
                        "type",
                        "outcomes",
                    ]
                    .iter()
                    .any(|k| key.contains(k));
                    (
                        key.clone(),
                        if keep {
                            v.clone()
                        } else {
                            with_strings(v, payload)
                        },
                    )
                })
                .collect(),
        ),
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| with_strings(v, payload)).collect())
        }
        Value::String(_) => Value::String(payload.to_owned()),
        other => other.clone(),
    }
}

#[tokio::test]
async fn hostile_json_never_500s_and_stored_values_come_back_escaped_in_the_back_office() {
    let app = super::web::app().await;
    let examples = [
        ("/api/v1/referrals", common::referral_example()),
        (
            "/api/v1/referrals/status",
            json!({ "reference": "ASC-7K3M-9QX2-HD4P", "date_of_birth": "1948-03-02" }),
        ),
        (
            "/api/v1/eligibility/adult",
            json!({ "impairment_or_illness": true,
            "outcomes": { "nutrition": ["without_assistance"] }, "fluctuating": false,
            "wellbeing_impact": "significant" }),
        ),
        (
            "/api/v1/estimates/non-residential",
            json!({ "financial_year": "2025-26",
            "person": { "age": 70, "disability_premium": false, "enhanced_disability_premium": false,
                        "carer_premium": false, "dependent_children": 0, "couple": false },
            "capital_pence": 0, "weekly_income": [{ "kind": "state_pension", "amount_pence": 20000 }] }),
        ),
        (
            "/api/v1/carers",
            json!({ "carer": { "given_name": "Sam", "family_name": "Patel",
                "date_of_birth": "1970-05-05", "address_line_1": "3 High St", "town": "Exampletown",
                "postcode": "EX2 3CD", "phone": "01632 960002", "email": "sam@example.org" },
            "cared_for": [ { "given_name": "Ravi", "family_name": "Patel", "date_of_birth": "1940-02-02",
                             "relationship": "father", "same_address": true } ],
            "caring": { "hours_per_week": 35, "when": "day_and_night", "tasks": ["personal_care"] },
            "emergency_plan": null, "consent": { "agrees": true } }),
        ),
    ];
    let mut stored = Vec::new();
    for (endpoint, example) in &examples {
        for payload in payloads() {
            let response = app
                .client
                .post(app.url(endpoint))
                .bearer_auth(&app.api_key)
                .header("idempotency-key", uuid::Uuid::new_v4().to_string())
                .json(&with_strings(example, &payload))
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            assert!(status < 500, "{endpoint} with {payload:.40}: {status}");
            let body: Value = response.json().await.unwrap_or(Value::Null);
            if status == 201 {
                if let Some(reference) = body["reference"].as_str() {
                    stored.push(reference.to_owned());
                }
            }
        }
        // Bytes that are not UTF-8, and JSON that is not JSON.
        for body in [vec![0xff, 0xfe, 0x7b, 0x7d], b"{\"for\": \"self\"".to_vec()] {
            let response = app
                .client
                .post(app.url(endpoint))
                .bearer_auth(&app.api_key)
                .header("idempotency-key", uuid::Uuid::new_v4().to_string())
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            assert!((400..500).contains(&status), "{endpoint}: {status}");
        }
    }
    assert!(
        stored.len() >= 3,
        "hostile names and needs are stored: {stored:?}"
    );

    // A triage officer reads them: escaped on the queue and on each record.
    let enrolment = super::web::staff(&app, "triage@exampleshire.gov.uk", "triage_officer").await;
    super::web::sign_in(&app, "triage@exampleshire.gov.uk", &enrolment, 0).await;
    let (status, queue) = fetch(&app, "/staff").await;
    assert_eq!(status, 200);
    assert_inert(&queue, "the queue");
    let mut seen_as_text = 0;
    for reference in &stored {
        let (status, record) = fetch(&app, &format!("/staff/referrals/{reference}")).await;
        assert_eq!(status, 200, "{reference}");
        assert_inert(&record, reference);
        let text = common::text_of(&scraper::Html::parse_document(&record), "main").unwrap();
        if text.contains(SCRIPT) || text.contains(ATTRIBUTE) {
            seen_as_text += 1;
        }
    }
    assert!(seen_as_text >= 2, "the markup is shown as text");
}

/// A form posted from another site is refused before it touches a session; the same form from
/// the portal's own pages goes through.
#[tokio::test]
async fn a_post_from_another_site_is_refused() {
    let app = spawn_app(false).await;
    let answer = [("form[satisfaction]", "satisfied")];
    let host = app.base.trim_start_matches("http://").to_owned();
    for (name, value) in [
        ("origin", "https://evil.example".to_owned()),
        ("origin", "null".to_owned()),
        ("sec-fetch-site", "cross-site".to_owned()),
    ] {
        let response = app
            .client
            .post(app.url("/api/feedback/satisfaction"))
            .header("accept", "text/html")
            .header(name, value.as_str())
            .form(&answer)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 403, "{name}: {value}");
        assert!(
            response.headers().get("set-cookie").is_none(),
            "no session made"
        );
    }
    let response = app
        .client
        .post(app.url("/api/feedback/satisfaction"))
        .header("accept", "text/html")
        .header("origin", format!("http://{host}"))
        .form(&answer)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 302, "from the portal itself");
}
