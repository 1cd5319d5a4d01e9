//! Route paths, defined once. A journey's paths live in its flow (`journeys/<journey>/`),
//! the back office's beside its server functions (`api/staff/`); the pages that belong to
//! neither are here. The route table (`lib.rs`) matches the same constants the pages link to
//! and the server functions redirect to, turned into segments by the helpers below.
use leptos_router::{ParamSegment, StaticSegment};

pub const ACCESSIBILITY_STATEMENT: &str = "/accessibility-statement";
pub const PRIVACY: &str = "/privacy";
pub const COOKIES: &str = "/cookies";
pub const CONTACT: &str = "/contact";
pub const GET_HELP: &str = "/get-help";
/// The back office's list of safeguarding concerns.
pub const STAFF_SAFEGUARDING: &str = "/staff/safeguarding";
pub const STAFF_AUDIT: &str = "/staff/audit";

/// A one-segment path ("/search") as the route table's segment.
pub fn route(path: &'static str) -> StaticSegment<&'static str> {
    StaticSegment(path)
}

/// A two-segment path ("/staff/audit") as the route table's segments.
pub fn route2(path: &'static str) -> (StaticSegment<&'static str>, StaticSegment<&'static str>) {
    let (first, second) = split(path);
    (StaticSegment(first), StaticSegment(second))
}

/// A three-segment path ("/staff/enrol/done") as the route table's segments.
pub fn route3(
    path: &'static str,
) -> (
    StaticSegment<&'static str>,
    StaticSegment<&'static str>,
    StaticSegment<&'static str>,
) {
    let (first, rest) = split(path);
    let (second, third) = split(rest);
    (
        StaticSegment(first),
        StaticSegment(second),
        StaticSegment(third),
    )
}

/// A path ("/staff/referrals") followed by one parameter (`:reference`).
pub fn with_param(
    path: &'static str,
    param: &'static str,
) -> (
    StaticSegment<&'static str>,
    StaticSegment<&'static str>,
    ParamSegment,
) {
    let (first, second) = split(path);
    (
        StaticSegment(first),
        StaticSegment(second),
        ParamSegment(param),
    )
}

/// A one-segment path ("/report-a-concern") followed by one parameter (`:page`).
pub fn route_param(
    path: &'static str,
    param: &'static str,
) -> (StaticSegment<&'static str>, ParamSegment) {
    (StaticSegment(path), ParamSegment(param))
}

/// "/a/b/c" → ("a", "/b/c"); "/a/b" → ("a", "/b"); the route table's paths are constants, so
/// a malformed one is a programming error found by every test that loads a page.
fn split(path: &'static str) -> (&'static str, &'static str) {
    let path = path.strip_prefix('/').unwrap_or(path);
    match path.find('/') {
        Some(at) => (&path[..at], &path[at..]),
        None => (path, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_their_segments() {
        assert_eq!(split("/staff/enrol/done"), ("staff", "/enrol/done"));
        assert_eq!(split("/enrol/done"), ("enrol", "/done"));
        assert_eq!(split("/done"), ("done", ""));
    }
}
