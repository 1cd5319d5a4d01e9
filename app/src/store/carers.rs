//! The carers' register as the store keeps it: a registration with the people cared for and
//! the emergency plan, written once per idempotency key with its outbox messages.

use super::{NewOutboxMessage, ReferralReceipt};

/// A registration ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCarerRecord {
    pub reference: String,
    /// Scoped by channel by the caller (`web:…`, `api:…`).
    pub idempotency_key: String,
    /// Canonical JSON of the registration as received.
    pub request_body: String,
    pub channel: String,
    /// The API key's name, for a partner's registration (`None`: the web pages).
    pub partner: Option<String>,
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    pub phone: String,
    pub email: String,
    /// JSON of the checked registration.
    pub details: String,
    pub cared_for: Vec<CaredForRecord>,
    /// JSON of the emergency plan, if there is one.
    pub emergency_plan: Option<String>,
    /// Unix seconds (consent is given with the registration).
    pub registered_at: i64,
    pub outbox: Vec<NewOutboxMessage>,
}

/// Someone a carer looks after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaredForRecord {
    pub given_name: String,
    pub family_name: String,
    pub date_of_birth: Option<String>,
    pub relationship: String,
}

/// A stored registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCarer {
    pub reference: String,
    /// `registered` or `withdrawn`.
    pub status: String,
    pub given_name: String,
    pub family_name: String,
    pub date_of_birth: String,
    pub details: String,
    pub cared_for: Vec<CaredForRecord>,
    pub emergency_plan: Option<String>,
    pub registered_at: i64,
    /// When a member of staff checked the registration (`None`: new, in the queue).
    pub reviewed_at: Option<i64>,
}

/// A registered carer's new details (from "change your details").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarerUpdate {
    pub reference: String,
    pub given_name: String,
    pub family_name: String,
    pub date_of_birth: String,
    pub phone: String,
    pub email: String,
    pub details: String,
    pub cared_for: Vec<CaredForRecord>,
    pub emergency_plan: Option<String>,
    pub at: i64,
    pub outbox: Vec<NewOutboxMessage>,
}

/// A registration's receipt has the referral's shape: reference, status, when.
pub type CarerReceipt = ReferralReceipt;
