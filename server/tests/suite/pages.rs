//! The page shell, the information pages, errors and operations, over real HTTP against the
//! real router (with its own SQLite database).
use crate::common;

use std::collections::BTreeSet;

use common::{attrs, spawn_app, text_of};

#[tokio::test]
async fn home_page_has_the_shell() {
    let app = spawn_app(false).await;
    let (status, html) = app.get_html("/").await;
    assert_eq!(status, 200);
    assert_eq!(attrs(&html, "html", "lang"), ["en"]);
    assert_eq!(
        text_of(&html, "a.govuk-skip-link").as_deref(),
        Some("Skip to main content")
    );
    assert_eq!(attrs(&html, "a.govuk-skip-link", "href"), ["#main-content"]);
    assert_eq!(attrs(&html, "main", "id"), ["main-content"]);
    assert_eq!(
        text_of(&html, ".app-header__logotype").as_deref(),
        Some("Exampleshire County Council")
    );
    assert_eq!(
        text_of(&html, ".govuk-phase-banner__content__tag").as_deref(),
        Some("Beta")
    );
    assert!(attrs(&html, ".govuk-phase-banner a", "href").contains(&"/feedback".to_owned()));
    assert!(attrs(&html, ".govuk-service-navigation a", "href").contains(&"/get-help".to_owned()));
    let footer = attrs(&html, ".govuk-footer a", "href");
    for href in [
        "/accessibility-statement",
        "/privacy",
        "/cookies",
        "/contact",
    ] {
        assert!(footer.contains(&href.to_owned()), "footer links to {href}");
    }
    assert!(text_of(&html, "main")
        .unwrap()
        .contains("If someone is in immediate danger, call 999"));
    assert_eq!(
        text_of(&html, "h1").as_deref(),
        Some("Get help with care and support")
    );
    assert!(text_of(&html, "title")
        .unwrap()
        .ends_with("Adult social care - Exampleshire County Council"));
}

#[tokio::test]
async fn every_link_in_the_service_leads_to_a_real_page() {
    let app = spawn_app(false).await;
    let mut seen = BTreeSet::new();
    let mut queue = vec!["/".to_owned()];
    while let Some(path) = queue.pop() {
        if !seen.insert(path.clone()) {
            continue;
        }
        if path == app::components::EXIT_PATH {
            // Not a page: it ends the session and leaves for the neutral site.
            let response = app.get(&path).await;
            assert_eq!(response.headers()["location"], app::components::EXIT_URL);
            continue;
        }
        let (status, html) = app.get_html(&path).await;
        assert_eq!(status, 200, "{path} answers 200");
        // leptos-rs/leptos#4843: the CSP nonce must not be a `crossorigin` value.
        for value in attrs(&html, "[crossorigin]", "crossorigin") {
            assert!(
                ["", "anonymous", "use-credentials"].contains(&value.as_str()),
                "{path}: crossorigin=\"{value}\" is not a valid value"
            );
        }
        assert_eq!(
            attrs(&html, "h1", "class").len(),
            1,
            "{path} has exactly one h1"
        );
        for href in attrs(&html, "a", "href") {
            let internal = href.starts_with('/') && !href.starts_with("//");
            if internal {
                let path = href.split(['#', '?']).next().unwrap_or_default().to_owned();
                if !seen.contains(&path) {
                    queue.push(path);
                }
            }
        }
    }
    for must in [
        "/accessibility-statement",
        "/privacy",
        "/cookies",
        "/contact",
        "/get-help",
        "/feedback",
        "/request-an-assessment",
    ] {
        assert!(
            seen.contains(must),
            "{must} is reachable from the home page"
        );
    }
}

#[tokio::test]
async fn every_journey_on_the_home_page_is_built() {
    let app = spawn_app(false).await;
    for path in [
        "/check-if-you-can-get-care",
        "/estimate-what-you-might-pay",
        "/request-an-assessment",
        "/register-as-a-carer",
    ] {
        let (status, html) = app.get_html(path).await;
        assert_eq!(status, 200, "{path}");
        let main = text_of(&html, "main").unwrap();
        assert!(main.contains("Start now"), "{path} starts its journey");
        assert!(!main.contains("still building"), "{path}");
    }
}

#[tokio::test]
async fn unknown_pages_are_a_real_404() {
    let app = spawn_app(false).await;
    let (status, html) = app.get_html("/no-such-page").await;
    assert_eq!(status, 404);
    assert_eq!(text_of(&html, "h1").as_deref(), Some("Page not found"));
    assert!(text_of(&html, "title")
        .unwrap()
        .starts_with("Page not found"));
}

#[tokio::test]
async fn security_headers_and_a_csp_nonce_on_pages() {
    let app = spawn_app(false).await;
    let response = app.get("/").await;
    let headers = response.headers().clone();
    let header = |name: &str| {
        headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("referrer-policy"), "strict-origin-when-cross-origin");
    assert_eq!(header("cache-control"), "no-store");
    assert!(
        !header("x-request-id").is_empty(),
        "every response carries its request id"
    );
    assert!(
        headers.get("strict-transport-security").is_none(),
        "no HSTS over local http"
    );
    let csp = header("content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"));
    assert!(!csp.contains("unsafe-inline"));
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the CSP")
        .to_owned();
    let html = scraper::Html::parse_document(&response.text().await.unwrap());
    let script_nonces = attrs(&html, "script[nonce]", "nonce");
    assert!(
        !script_nonces.is_empty(),
        "the hydration scripts carry a nonce"
    );
    assert!(
        script_nonces.iter().all(|n| *n == nonce),
        "every inline script carries this response's nonce"
    );
    assert!(
        attrs(&html, "script:not([nonce])", "src").len()
            == attrs(&html, "script:not([nonce])", "type").len()
    );

    let second = app.get("/").await;
    assert_ne!(
        second.headers()["content-security-policy"]
            .to_str()
            .unwrap(),
        csp,
        "a fresh nonce per response"
    );
}

#[tokio::test]
async fn head_requests_show_the_same_headers_as_curl_i_does() {
    let app = spawn_app(false).await;
    let response = app.client.head(app.url("/")).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(csp.contains("'nonce-"), "{csp}");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert_eq!(
        response.headers()["referrer-policy"],
        "strict-origin-when-cross-origin"
    );
}

#[tokio::test]
async fn non_page_responses_get_the_strict_default_policy() {
    let app = spawn_app(false).await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status().as_u16(), 200);
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.starts_with("default-src 'self'") && csp.contains("frame-ancestors 'none'"));
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
}

#[tokio::test]
async fn health_and_readiness() {
    let app = spawn_app(false).await;
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status().as_u16(), 200);
    assert_eq!(ready.text().await.unwrap(), "ready");
}

#[tokio::test]
async fn hsts_only_when_configured_for_tls() {
    let app = spawn_app(true).await;
    let response = app.get("/").await;
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
}

#[test]
fn a_panic_becomes_a_plain_500_page_without_internals() {
    let response = server::ops::panic_response(Box::new("secret detail: table feedback"));
    assert_eq!(response.status().as_u16(), 500);
    let body = futures_body(response);
    assert!(body.contains("Sorry, there is a problem with the service"));
    assert!(!body.contains("secret detail"));
}

fn futures_body(response: axum::response::Response) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(async {
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    })
}

#[tokio::test]
async fn built_site_serves_the_wasm_bundle_compressed() {
    let app = spawn_app(false).await;
    for (path, kind) in [
        ("/pkg/portal_bg.wasm", "application/wasm"),
        ("/pkg/portal.js", "javascript"),
        ("/pkg/portal.css", "text/css"),
    ] {
        let response = app
            .client
            .get(app.url(path))
            .header("accept-encoding", "br, gzip")
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status().as_u16(),
            200,
            "{path} is served (run scripts/test.sh, which builds the site)"
        );
        assert_eq!(
            response.headers()["content-encoding"],
            "br",
            "{path} is sent brotli-compressed"
        );
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains(kind));
    }
    let gzip = app
        .client
        .get(app.url("/pkg/portal_bg.wasm"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(gzip.headers()["content-encoding"], "gzip");
}

/// Pages are served whole when compressed (a layer that holds back the head must not break
/// the stream the compression layer reads to its end).
#[tokio::test]
async fn pages_are_served_whole_when_compressed() {
    let app = spawn_app(false).await;
    for encoding in ["br", "gzip", "identity"] {
        for path in ["/", "/feedback", "/report-a-concern", "/staff/sign-in"] {
            let response = app
                .client
                .get(app.url(path))
                .header("accept", "text/html")
                .header("accept-encoding", encoding)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status().as_u16(), 200, "{path} ({encoding})");
            let body = response.bytes().await.expect("the whole body");
            assert!(
                body.len() > 500,
                "{path} ({encoding}): {} bytes",
                body.len()
            );
        }
    }
}

/// The page-weight budget, as served (brotli): the wasm ≤ 150 KB; everything a page loads
/// before it (HTML, CSS, GOV.UK Frontend's script, ours, the wasm's JS glue) ≤ 60 KB.
/// Sizes, not timings: deterministic for a given build.
#[tokio::test]
async fn built_site_fits_the_page_weight_budget() {
    let app = spawn_app(false).await;
    let served = |path: &'static str| {
        let client = app.client.clone();
        let url = app.url(path);
        async move {
            let response = client
                .get(url)
                .header("accept-encoding", "br")
                .send()
                .await
                .unwrap();
            assert_eq!(response.status().as_u16(), 200, "{path}");
            assert_eq!(response.headers()["content-encoding"], "br", "{path}");
            response.bytes().await.unwrap().len()
        }
    };
    let wasm = served("/pkg/portal_bg.wasm").await;
    let before_wasm = served("/feedback").await
        + served("/pkg/portal.css").await
        + served("/assets/govuk-frontend.min.js").await
        + served("/assets/govuk-init.js").await
        + served("/pkg/portal.js").await;
    println!("wasm: {wasm} bytes brotli; before it: {before_wasm} bytes brotli");
    assert!(
        wasm <= 150_000,
        "wasm is {wasm} bytes brotli, over the 150 KB budget"
    );
    assert!(
        before_wasm <= 60_000,
        "HTML+CSS+JS is {before_wasm} bytes brotli, over the 60 KB budget"
    );
}
