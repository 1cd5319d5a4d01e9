//! Who is asking, for rate limits: the peer's address, or, when the peer is one of the
//! council's trusted load balancers, the nearest address in `X-Forwarded-For` that is not
//! itself a trusted proxy. Believing the header from anyone else would let a client choose
//! its own limit; ignoring it behind a balancer would give everyone one shared limit.
//!
//! Addresses are canonical before they are counted: an IPv4 address written as IPv6
//! (`::ffff:203.0.113.7`) is the IPv4 address, and an IPv6 client is its /64 (one household or
//! device is usually given a whole /64, so counting single IPv6 addresses would let it choose
//! among 2^64 limits).

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
    let Some(peer) = peer.map(|p| p.ip().to_canonical()) else {
        return "unknown".to_owned();
    };
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|t| t.to_canonical() == *ip);
    if !is_trusted(&peer) {
        return counted_as(peer);
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|part| part.trim().parse::<IpAddr>().ok())
        .map(|ip| ip.to_canonical())
        .collect();
    counted_as(
        forwarded
            .iter()
            .rev()
            .find(|ip| !is_trusted(ip))
            .copied()
            .unwrap_or(peer),
    )
}

/// How a canonical address is counted: IPv4 as itself, IPv6 as its /64.
fn counted_as(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            let prefix = std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0);
            format!("{prefix}/64")
        }
    }
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

    #[test]
    fn addresses_are_counted_canonically() {
        let mapped: SocketAddr = "[::ffff:203.0.113.7]:5000".parse().unwrap();
        assert_eq!(
            client_address(Some(mapped), &HeaderMap::new(), &[]),
            "203.0.113.7"
        );
        // Two addresses in one /64 are one client; the next /64 is another.
        let a: SocketAddr = "[2001:db8:1:2::1]:5000".parse().unwrap();
        let b: SocketAddr = "[2001:db8:1:2:ffff:1:2:3]:5000".parse().unwrap();
        let c: SocketAddr = "[2001:db8:1:3::1]:5000".parse().unwrap();
        let key = |addr| client_address(Some(addr), &HeaderMap::new(), &[]);
        assert_eq!(key(a), "2001:db8:1:2::/64");
        assert_eq!(key(a), key(b));
        assert_ne!(key(a), key(c));
        // A trusted proxy reached over IPv4-mapped IPv6 is still trusted, and the forwarded
        // client is canonical too.
        let proxy: SocketAddr = "[::ffff:10.0.0.1]:5000".parse().unwrap();
        let trusted = ["10.0.0.1".parse().unwrap()];
        assert_eq!(
            client_address(Some(proxy), &headers("::ffff:198.51.100.4"), &trusted),
            "198.51.100.4"
        );
        assert_eq!(
            client_address(Some(proxy), &headers("2001:db8:9:9:1::5"), &trusted),
            "2001:db8:9:9::/64"
        );
    }
}
