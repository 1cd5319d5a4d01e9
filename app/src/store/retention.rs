//! What the retention purge is told and what it reports (the times before which records are
//! anonymised or deleted, worked out by the server from the council's policy), and what a
//! search for everything held about one person finds.

/// Unix seconds: records older than these go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionCutoffs {
    pub now: i64,
    /// Closed referrals last changed before this lose their personal details.
    pub closed_referrals_before: i64,
    /// Delivered emails and events (which carry names and addresses) are deleted.
    pub delivered_messages_before: i64,
    pub audit_before: i64,
    /// Receipts of the case-management system's updates (kept against replays).
    pub receipts_before: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PurgeReport {
    pub referrals_anonymised: u64,
    pub messages_deleted: u64,
    pub audit_entries_deleted: u64,
    pub receipts_deleted: u64,
}

/// The references of everything held about one person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubjectRecords {
    pub referrals: Vec<String>,
    pub carers: Vec<String>,
}
