//! The resident journeys, one folder each: its flow (pages as data and their rules), its
//! server functions (`mod.rs`), its server-only service where it writes to the store, and
//! its pages. What they share is here: the `Journey` flow, the session drafts, the question
//! form island and the submission plumbing.

pub mod answers_then_result;
pub mod carer;
pub mod concern;
#[cfg(feature = "ssr")]
pub mod drafts;
pub mod eligibility;
pub mod estimate;
pub mod feedback;
pub mod flow;
pub mod professional;
pub mod question_form;
pub mod question_route;
pub mod reference_lookup;
pub mod referral;
#[cfg(feature = "ssr")]
pub mod submission;
