//! Who is asking, for rate limits: the peer's address, or, when the peer is one of the
//! council's trusted load balancers, the nearest address in `X-Forwarded-For` that is not
//! itself a trusted proxy. Believing the header from anyone else would let a client choose
//! its own limit; ignoring it behind a balancer would give everyone one shared limit.

use std::net::{IpAddr, SocketAddr};

use http::HeaderMap;

/// The client of the server function being run (from its request's peer and headers).
pub async fn current_client(trusted: &[IpAddr]) -> String {
    let peer = leptos_axum::extract::<axum::extract::ConnectInfo<SocketAddr>>()
        .await
        .ok()
        .map(|c| c.0);
    let headers = leptos_axum::extract::<HeaderMap>()
        .await
        .unwrap_or_default();
    client_address(peer, &headers, trusted)
}

pub fn client_address(peer: Option<SocketAddr>, headers: &HeaderMap, trusted: &[IpAddr]) -> String {
    let Some(peer) = peer.map(|p| p.ip()) else {
        return "unknown".to_owned();
    };
    if !trusted.contains(&peer) {
        return peer.to_string();
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|part| part.trim().parse().ok())
        .collect();
    forwarded
        .iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(&peer)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(xff: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", xff.parse().unwrap());
        h
    }

    #[test]
    fn the_header_counts_only_from_a_trusted_proxy() {
        let proxy: SocketAddr = "10.0.0.1:5000".parse().unwrap();
        let stranger: SocketAddr = "203.0.113.9:5000".parse().unwrap();
        let trusted = ["10.0.0.1".parse().unwrap()];
        assert_eq!(
            client_address(Some(stranger), &headers("1.2.3.4"), &trusted),
            "203.0.113.9"
        );
        assert_eq!(
            client_address(Some(proxy), &headers("1.2.3.4"), &trusted),
            "1.2.3.4"
        );
        // A client cannot hide behind a forged first entry: the rightmost untrusted one wins.
        assert_eq!(
            client_address(Some(proxy), &headers("9.9.9.9, 1.2.3.4"), &trusted),
            "1.2.3.4"
        );
        assert_eq!(
            client_address(Some(proxy), &HeaderMap::new(), &trusted),
            "10.0.0.1"
        );
        assert_eq!(client_address(None, &HeaderMap::new(), &trusted), "unknown");
    }
}
