//! Security headers on every response (pages also carry their own CSP with a per-request
//! nonce, set by `app::page_headers`; everything else gets the strict default below), and the
//! refusal of form posts from other sites.
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use http::{header, HeaderName, HeaderValue, Method, StatusCode};
use tower_http::set_header::SetResponseHeaderLayer;

/// For responses that are not pages (files, JSON, errors): nothing may run or be framed.
const DEFAULT_CSP: &str =
    "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'";

pub fn add_headers<S: Clone + Send + Sync + 'static>(router: Router<S>, hsts: bool) -> Router<S> {
    let overriding = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    let router = router
        .layer(axum::middleware::from_fn(no_store_for_answers))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DEFAULT_CSP),
        ))
        .layer(overriding(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        // A response may ask for less ("Exit this page": `no-referrer`).
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(overriding(header::X_FRAME_OPTIONS, "DENY"))
        .layer(overriding(
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ))
        .layer(overriding(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        ));
    if hsts {
        router.layer(overriding(
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        ))
    } else {
        router
    }
}

/// Answers under `/api/` (the JSON API, server functions, the back office's downloads) may
/// carry personal data: no browser or proxy may keep them (`Cache-Control: no-store`), unless
/// the answer says otherwise. The public directory and the OpenAPI document may be cached.
async fn no_store_for_answers(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let personal = path.starts_with("/api/")
        && !path.starts_with("/api/oruk/")
        && path != "/api/v1/openapi.json";
    let mut response = next.run(request).await;
    if personal {
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-store"));
    }
    response
}

/// A browser's post sent from another site (cross-site request forgery, including signing
/// someone in to an attacker's account) is refused before it reaches a session. Browsers say
/// where a request comes from in `Sec-Fetch-Site`; older ones send `Origin`, compared with the
/// host the request was sent to. A post with neither (a script, a very old browser) is left to
/// the `SameSite=Lax` session cookie, which a cross-site post does not carry. An Origin check
/// is the whole of the protection OWASP describes, so no token is added to every form.
pub async fn refuse_cross_site_posts(request: Request, next: Next) -> Response {
    if request.method() == Method::POST && is_cross_site(request.headers()) {
        tracing::warn!(
            path = request.uri().path(),
            "a post from another site refused"
        );
        return (
            StatusCode::FORBIDDEN,
            "This form was sent from another website, so it was not accepted.",
        )
            .into_response();
    }
    next.run(request).await
}

fn is_cross_site(headers: &http::HeaderMap) -> bool {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    match text(HeaderName::from_static("sec-fetch-site")) {
        Some(site) => !matches!(site, "same-origin" | "none"),
        None => match (text(header::ORIGIN), text(header::HOST)) {
            (Some(origin), Some(host)) => {
                origin.split_once("://").map(|(_, authority)| authority) != Some(host)
            }
            _ => false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::is_cross_site;

    fn headers(pairs: &[(&'static str, &'static str)]) -> http::HeaderMap {
        pairs
            .iter()
            .map(|(n, v)| {
                (
                    http::HeaderName::from_static(n),
                    http::HeaderValue::from_static(v),
                )
            })
            .collect()
    }

    #[test]
    fn only_same_origin_posts_pass() {
        let host = ("host", "portal.example");
        for same in [
            vec![("sec-fetch-site", "same-origin")],
            vec![("sec-fetch-site", "none")],
            vec![host, ("origin", "https://portal.example")],
            vec![host],
            vec![],
        ] {
            assert!(!is_cross_site(&headers(&same)), "{same:?}");
        }
        for cross in [
            vec![("sec-fetch-site", "cross-site")],
            vec![("sec-fetch-site", "same-site")],
            vec![host, ("origin", "https://evil.example")],
            vec![host, ("origin", "null")],
            // Sec-Fetch-Site decides when it is there.
            vec![
                host,
                ("origin", "https://portal.example"),
                ("sec-fetch-site", "cross-site"),
            ],
        ] {
            assert!(is_cross_site(&headers(&cross)), "{cross:?}");
        }
    }
}
