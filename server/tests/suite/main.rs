//! Every server test in one binary: each test binary links the whole server, so one binary
//! instead of eighteen saves CI the links and the disk. Each module is one area's tests, named
//! as its file; `common` holds what they share (a test app on SQLite or PostgreSQL, HTML
//! helpers, the test mail and event receivers).
#[path = "../common/mod.rs"]
#[macro_use]
mod common;

mod admin_cli;
mod back_office;
mod carer_api;
mod carer_journey;
mod delivery;
mod directory;
mod eligibility_api;
mod estimate_journey;
mod estimates_api;
mod feedback_journey;
mod guidance;
mod pages;
mod professional_referral;
mod referral_api;
mod referral_journey;
mod referral_store;
mod reliability;
mod search;
mod store_conformance;
