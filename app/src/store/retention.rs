//! What the retention purge is told and what it reports (the times before which records are
//! anonymised or deleted, worked out by the server from the council's policy), and what a
//! search for everything held about one person finds.

/// Unix seconds: records older than these go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionCutoffs {
    pub now: i64,
    /// Closed referrals last changed before this lose their personal details.
    pub closed_referrals_before: i64,
    /// Delivered emails and events (which carry names and addresses) are deleted, and so are
    /// expired ones.
    pub delivered_messages_before: i64,
    /// Undelivered messages written before this expire: erased and never sent.
    pub undelivered_messages_before: i64,
    pub audit_before: i64,
    /// Receipts of the case-management system's updates (kept against replays).
    pub receipts_before: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PurgeReport {
    pub referrals_anonymised: u64,
    pub messages_expired: u64,
    pub messages_deleted: u64,
    pub audit_entries_deleted: u64,
    pub receipts_deleted: u64,
}

/// The references of everything held about one person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubjectRecords {
    /// Requests naming them, by name and date of birth.
    pub referrals: Vec<String>,
    /// Carers' registrations by them or naming them as someone cared for.
    pub carers: Vec<String>,
    /// Requests and registrations about someone else that name them (as a person following a
    /// request, an emergency contact or keyholder, or in what someone wrote), found by their
    /// full name alone: possible matches for staff to check.
    pub mentioned: Vec<String>,
}
