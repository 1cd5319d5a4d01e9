//! The back office's tests in one binary (each test binary links the whole server, so fewer
//! binaries keep CI's build cache small): `web` (sign-in, sessions, refusals, the work, with
//! HTML alone), `store` (the staff store on both databases), `integration_api` (the
//! case-management system's signed updates), `retention` (the purge, subject search and
//! erasure on both databases).
#[path = "../common/mod.rs"]
mod common;

mod hostile;
mod integration_api;
mod retention;
mod sign_in_limits;
mod store;
mod web;
