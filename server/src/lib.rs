//! The portal's server: configuration, the axum router around the Leptos app, the store
//! implementations and background work. `main.rs` only starts it.

#![recursion_limit = "512"]

pub mod api;
pub mod cli;
pub mod config;
pub mod delivery;
pub mod demo;
pub mod directory;
pub mod exit;
pub mod ops;
pub mod outage;
pub mod preload_fix;
pub mod retention;
pub mod router;
pub mod search_index;
pub mod security;
pub mod sessions;
pub mod staff_admin;
pub mod store;
pub mod telemetry;
pub mod workers;
