//! Headers only a rendered page can set: the Content-Security-Policy carrying this response's
//! nonce (the one Leptos stamps on its hydration scripts), and `no-store`, because pages show
//! the answers a resident has typed.
use http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY};
use http::HeaderValue;
use leptos::nonce::use_nonce;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// The policy for HTML pages. `'wasm-unsafe-eval'` lets the wasm instantiate (it does not allow
/// JavaScript `eval`); no `'unsafe-inline'` anywhere.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    )
}

/// Sets this page's headers on the response Leptos is building.
pub fn send() {
    let Some(response) = use_context::<ResponseOptions>() else {
        return;
    };
    if let Some(nonce) = use_nonce() {
        if let Ok(value) = HeaderValue::from_str(&content_security_policy(&nonce.to_string())) {
            response.insert_header(CONTENT_SECURITY_POLICY, value);
        }
    }
    response.insert_header(CACHE_CONTROL, HeaderValue::from_static("no-store"));
}
