//! Server functions: thin public endpoints that authorise, parse, call the domain and the
//! store, and map the result. Each has a stable `endpoint`, so form actions never change.

#[cfg(feature = "ssr")]
pub mod api_keys;
pub mod carer;
#[cfg(feature = "ssr")]
pub mod carer_service;
#[cfg(feature = "ssr")]
pub mod client_address;
pub mod concern;
#[cfg(feature = "ssr")]
pub mod context;
pub mod directory;
#[cfg(feature = "ssr")]
pub mod drafts;
pub mod eligibility;
pub mod estimate;
pub mod feedback;
pub mod guidance;
pub mod question_pages;
pub mod referral;
#[cfg(feature = "ssr")]
pub mod referral_service;
pub mod search;
#[cfg(feature = "ssr")]
pub mod sending_limit;
pub mod show_back;
pub mod staff;
pub mod track;
