//! Pure rules and vocabularies: no Leptos, no database, no clock, no IO. Its own crate, so
//! that holds by construction (its only dependencies are serde, serde_json and time, and
//! utoipa for the API's schemas), the fuzz targets build it alone, and it compiles to wasm, so
//! the browser and the server give identical answers.

pub mod ages;
pub mod carer;
pub mod change_report;
pub mod charging;
pub mod checks;
pub mod cld;
pub mod cld_return;
pub mod communication;
pub mod concern;
pub mod demand;
pub mod eligibility;
pub mod expected_wait;
pub mod feedback;
pub mod forecast;
pub mod office_hours;
pub mod outcomes;
pub mod problems;
pub mod professional;
pub mod reference;
pub mod referral;
pub mod referral_status;
pub mod request;
pub mod search;
pub mod staff;
pub mod waiting;
