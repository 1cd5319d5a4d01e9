//! The directory of community services: the Open Referral UK schemas it is checked against,
//! and importing a feed (`server import-directory FILE.json`).

pub mod import;
pub mod schemas;
