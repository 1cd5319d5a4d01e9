//! Server functions: thin public endpoints that authorise, parse, call the domain and the
//! store, and map the result. Each has a stable `endpoint`, so form actions never change.

#[cfg(feature = "ssr")]
pub mod api_keys;
#[cfg(feature = "ssr")]
pub mod client_address;
#[cfg(feature = "ssr")]
pub mod context;
pub mod directory;
pub mod guidance;
pub mod search;
#[cfg(feature = "ssr")]
pub mod sending_limit;
pub mod show_back;
pub mod staff;
pub mod track;
