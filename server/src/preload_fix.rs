//! A workaround for leptos 0.8's `HydrationScripts`, which writes the page's CSP nonce into the
//! `crossorigin` attribute of the script and wasm preloads (`crossorigin="<nonce>"`:
//! invalid HTML, and a wasm preload whose credentials mode never matches the fetch that
//! wants it, which breaks hydration in Firefox on streamed pages: leptos-rs/leptos#4843).
//! It is fixed upstream (#4844) but in no 0.8 release yet; remove this layer when one has it.
//!
//! Pages stream, so the fix holds back only the document's head (up to `</head>`, at most
//! 64 KB), where the preloads are, replaces `crossorigin="<nonce>"` with
//! `crossorigin="anonymous"` (what a same-origin fetch and module script use), and passes
//! the rest through untouched.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use futures::StreamExt;

const HEAD_LIMIT: usize = 64 * 1024;

pub async fn fix_preload_crossorigin(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let Some(nonce) = page_nonce(&response) else {
        return response;
    };
    let wrong = format!("crossorigin=\"{nonce}\"").into_bytes();
    let (mut parts, body) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    let chunks = body.into_data_stream();
    let fixed = futures::stream::unfold(
        (chunks, Some(Vec::new()), wrong),
        |(mut chunks, mut head, wrong)| async move {
            let Some(buffer) = head.as_mut() else {
                // The head is out: everything else as it comes.
                let next = chunks.next().await?;
                return Some((next, (chunks, None, wrong)));
            };
            loop {
                match chunks.next().await {
                    Some(Ok(chunk)) => {
                        buffer.extend_from_slice(&chunk);
                        if buffer.len() >= HEAD_LIMIT || contains(buffer, b"</head>") {
                            break;
                        }
                    }
                    Some(Err(error)) => return Some((Err(error), (chunks, None, wrong))),
                    None if buffer.is_empty() => return None,
                    None => break,
                }
            }
            let out = Bytes::from(replace_all(buffer, &wrong, b"crossorigin=\"anonymous\""));
            head = None;
            Some((Ok(out), (chunks, head, wrong)))
        },
    );
    // Fused: a body may be polled again after it ended (the compression layer does).
    Response::from_parts(parts, Body::from_stream(fixed.fuse()))
}

/// The nonce of an HTML page's Content-Security-Policy (`'nonce-…'`), if it is one.
fn page_nonce(response: &Response) -> Option<String> {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let policy = response
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)?
        .to_str()
        .ok()?;
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let nonce = &policy[start..];
    let nonce = &nonce[..nonce.find('\'')?];
    (is_html && !nonce.is_empty()).then(|| nonce.to_owned())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn replace_all(haystack: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_nonce_in_crossorigin_is_replaced() {
        let page = br#"<link crossorigin="abc"><script nonce="abc">x</script>"#;
        assert_eq!(
            replace_all(page, br#"crossorigin="abc""#, br#"crossorigin="anonymous""#),
            br#"<link crossorigin="anonymous"><script nonce="abc">x</script>"#.to_vec()
        );
    }
}
