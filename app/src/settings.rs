//! The council's choices that pages and server functions need: office hours, how soon the
//! First Contact Team replies, how long saved answers are kept, the progress-lookup limits,
//! the charging policy behind estimates, staff sessions' limits.
//! The server builds this from its configuration and provides it to every request; defaults
//! are what the council publishes today.

use serde::{Deserialize, Serialize};

use crate::domain::charging::ChargingPolicy;
use crate::domain::office_hours::OfficeHours;
use crate::domain::staff::SessionLimits;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub office_hours: OfficeHours,
    /// "The First Contact Team will contact you within N working days".
    pub contact_within_working_days: u8,
    /// How long a saved request can be come back to.
    pub saved_draft_days: u16,
    /// Failed lookups allowed per client address in 15 minutes: a brake on floods, set high
    /// because many people share one address (hospitals, care homes, libraries).
    pub lookup_failures_per_client: i64,
    /// Failed progress lookups allowed per reference in a day.
    pub lookup_failures_per_reference: i64,
    /// Load balancers whose `X-Forwarded-For` header is believed.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Where links in emails point (no trailing slash).
    pub public_url: String,
    /// The council's charging choices for estimates (default: the statutory baseline).
    pub charging_policy: ChargingPolicy,
    /// How long a staff session lasts without a request, and at most.
    pub staff_sessions: SessionLimits,
    /// Staff sign-in attempts allowed per email address from one client address (and, four
    /// times over, per client address) in 15 minutes before that pair (or address) is locked.
    /// An email alone is only slowed down, never locked: a stranger must not lock staff out.
    pub staff_sign_in_failures: i64,
    /// Failed tries on one account since its last successful sign-in before only its usual
    /// addresses may try (NIST SP 800-63B 5.2.2: at most 100).
    pub staff_account_failures: i64,
    /// Submissions per minute through one partner API key.
    pub api_key_submissions_per_minute: i64,
    /// Requests, carers' registrations and feedback sent through the web pages per client
    /// address in an hour (a brake on floods; residents need no account).
    pub web_submissions_per_client_hour: i64,
    /// Acknowledgement emails to one address in a day, whoever sends the requests: the
    /// council's name is not for strangers to mail people with.
    pub acknowledgements_per_address_day: i64,
    /// Weeks between "still waiting" emails about an open request (0: none).
    pub check_in_weeks: i64,
    /// Email domains the council trusts for professionals' work addresses (`nhs.net`): a
    /// referral from one is marked so for staff; others are still taken.
    pub trusted_email_domains: Vec<String>,
}

/// The trusted domains when the council lists none of its own.
pub const DEFAULT_TRUSTED_EMAIL_DOMAINS: [&str; 4] = ["nhs.net", "nhs.uk", "gov.uk", "police.uk"];

impl Default for Settings {
    fn default() -> Self {
        Self {
            office_hours: OfficeHours::default(),
            contact_within_working_days: 5,
            saved_draft_days: 30,
            lookup_failures_per_client: 100,
            lookup_failures_per_reference: 10,
            trusted_proxies: Vec::new(),
            public_url: "http://127.0.0.1:3000".to_owned(),
            charging_policy: ChargingPolicy::default(),
            staff_sessions: SessionLimits::default(),
            staff_sign_in_failures: 5,
            staff_account_failures: 100,
            api_key_submissions_per_minute: 120,
            web_submissions_per_client_hour: 20,
            acknowledgements_per_address_day: 3,
            check_in_weeks: 4,
            trusted_email_domains: DEFAULT_TRUSTED_EMAIL_DOMAINS
                .iter()
                .map(|d| (*d).to_owned())
                .collect(),
        }
    }
}
