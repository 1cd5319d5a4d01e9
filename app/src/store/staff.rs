//! What the store keeps about staff accounts, the back office's queue, the audit log and the
//! outbox's health: plain structs in and out of the `Store` trait.

/// A staff account to create. Secrets arrive already hashed (the password with argon2id, the
/// recovery codes with SHA-256); the TOTP secret is kept as given to the authenticator app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStaffAccount {
    /// Lower case.
    pub email: String,
    pub name: String,
    /// A `domain::staff::Role` code.
    pub role: String,
    pub password_hash: String,
    pub totp_secret: String,
    pub recovery_code_hashes: Vec<String>,
    pub created_at: i64,
}

/// A stored staff account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffAccount {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub password_hash: String,
    pub totp_secret: String,
    pub totp_last_step: i64,
    pub active: bool,
    /// Sessions signed in under another epoch have ended (raised by each sign-in, password
    /// change, reset and deactivation).
    pub session_epoch: i64,
}

/// A staff sign-in attempt, counted three ways (each a hash: never the email or address).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInAttempt {
    /// This email from this client address.
    pub pair_bucket: String,
    /// This client address, whatever the email.
    pub client_bucket: String,
    /// This email, from anywhere.
    pub email_bucket: String,
    pub at: i64,
}

/// An attempt just counted: its id (to forget it if it succeeds) and the attempts in each of
/// its buckets within the window, itself included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptCounts {
    pub id: i64,
    pub pair: i64,
    pub client: i64,
    pub email: i64,
}

/// Which referrals and carers' registrations the queue shows, and in what order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueQuery {
    /// Only these kinds (never empty: the caller decides what a role may see);
    /// `carer_registration` for carers' registrations.
    pub kinds: Vec<String>,
    /// Only this status; `None`: every status but `closed` (or every status at all, with
    /// `include_closed`).
    pub status: Option<String>,
    pub include_closed: bool,
    pub urgent_only: bool,
    /// Only those assigned to this account; `Some(0)`: only those assigned to nobody.
    pub assignee: Option<i64>,
    /// Only those submitted before this time (unix seconds): "older than N days".
    pub submitted_before: Option<i64>,
    /// Only those of this Client Level Data route of access; hospital discharges are then
    /// ordered by their expected discharge date.
    pub route_of_access: Option<String>,
    /// `oldest` (the default: first come, first served) or `newest`.
    pub newest_first: bool,
    /// From 1.
    pub page: i64,
    pub per_page: i64,
}

/// One line of the queue: enough to triage from, nothing more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueItem {
    pub reference: String,
    pub kind: String,
    pub channel: String,
    pub urgent: bool,
    pub status: String,
    /// The person the request is about ("Not given" for an anonymous concern's adult is the
    /// page's business).
    pub given_name: String,
    pub family_name: String,
    pub submitted_at: i64,
    /// The assignee's name, if any.
    pub assigned_name: Option<String>,
    /// A request's route of access (`None` for a carer's registration).
    pub route_of_access: Option<String>,
    /// A hospital discharge's expected date, `YYYY-MM-DD`.
    pub discharge_date: Option<String>,
    /// The person's date of birth, `YYYY-MM-DD` (a transition shows their 18th birthday).
    pub date_of_birth: Option<String>,
    /// The person has communication needs (an interpreter, another format, or words).
    pub communication_needs: bool,
    /// Someone has told us something has changed, and staff have not acted on it since.
    pub changed: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueuePage {
    pub items: Vec<QueueItem>,
    /// How many match, over every page.
    pub total: i64,
}

/// A page of the audit log, newest first, optionally for one subject.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    pub subject: Option<String>,
    /// Keyset paging, newest first: only entries older than this entry (`AuditPage::older`)
    /// or newer than this one (`AuditPage::newer`); neither for the newest. The log grows with
    /// every view, so no page is ever found by counting past the ones before it.
    pub before: Option<i64>,
    pub after: Option<i64>,
    pub per_page: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditPage {
    pub entries: Vec<crate::store::AuditEntry>,
    /// How many entries there are for the subject searched for (the whole log is not
    /// counted).
    pub total: Option<i64>,
    /// The cursors for the next page of older entries and of newer ones, when there are any.
    pub older: Option<i64>,
    pub newer: Option<i64>,
}

/// A team member, for "assign to" and the staff list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    pub active: bool,
}

/// How one outbox channel is doing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChannelHealth {
    /// `email` or `event`.
    pub channel: String,
    /// Not yet delivered (including the failing ones).
    pub pending: i64,
    /// Not delivered, and tried at least once.
    pub failing: i64,
    /// Not delivered after many tries: still retried hourly, but a person should look.
    pub stuck: i64,
    /// When the oldest undelivered message was written (unix seconds).
    pub oldest_pending_at: Option<i64>,
    /// Given up on and never to be sent (erased with their request, or undelivered for longer
    /// than the council keeps them), until deleted with the delivered ones.
    pub expired: i64,
}

/// The counts behind the demand dashboard, for referrals submitted since a time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemandCounts {
    /// (week as `domain::demand::week_of`, kind, count).
    pub by_kind: Vec<(i64, String, i64)>,
    /// (week, channel, count).
    pub by_channel: Vec<(i64, String, i64)>,
    /// Closed referrals by outcome: (outcome, count).
    pub outcomes: Vec<(String, i64)>,
    /// For each referral that has moved on from "received": seconds from submission to its
    /// first change of status (the first contact).
    pub first_contact_seconds: Vec<i64>,
    /// Requests for an assessment (not concerns) by the self-check result that led to them:
    /// (result, count), where "" is a request that did not come from a self-check.
    pub check_results: Vec<(String, i64)>,
    /// The directory services most often suggested by the self-check, most first (up to 10):
    /// (service id, name, times shown).
    pub suggested: Vec<(String, String, i64)>,
    /// (week, Client Level Data route of access, count).
    pub by_route: Vec<(i64, String, i64)>,
    /// Requests resolved at first contact (closed with an NFA event outcome, never at
    /// "assessment arranged"): (week, route of access, count).
    pub resolved_at_first_contact: Vec<(i64, String, i64)>,
    /// Hospital discharges: (submitted at, expected discharge date `YYYY-MM-DD`).
    pub discharges: Vec<(i64, String)>,
}

/// Requests in one week of one kind, route of access and channel (kept in step with every
/// request written, for the dashboard and the demand forecast).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklyCount {
    /// As `domain::demand::week_of` numbers weeks.
    pub week: i64,
    pub kind: String,
    pub route_of_access: String,
    pub channel: String,
    pub requests: i64,
}

/// A request as the Client Level Data return needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnRow {
    pub reference: String,
    pub submitted_at: i64,
    pub route_of_access: String,
    pub requester_type: String,
    pub event_outcome: Option<String>,
    /// When it was closed, if it has been.
    pub closed_at: Option<i64>,
    /// The person's age band on the day of the request (`Unknown` when erased).
    pub age_band: String,
    /// The postcode district (empty when no postcode was given, or the request was erased).
    pub postcode_district: String,
}

/// A key for the partner API (only its hash is kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub id: i64,
    /// The channel staff see ("Care Line").
    pub name: String,
    pub created_at: i64,
    /// "command line" or a staff member's email.
    pub created_by: String,
    pub revoked_at: Option<i64>,
}

/// A request for a staff member's enrolment link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrolmentRequest {
    pub id: i64,
    pub account_id: i64,
    /// `new` or `reset`.
    pub kind: String,
    pub requested_by: String,
    pub requested_at: i64,
    pub approved_by: Option<String>,
    pub expires_at: Option<i64>,
    pub used_at: Option<i64>,
}
