//! What the store keeps about referrals, their progress, the outbox, lookup limits, audit
//! and saved drafts: plain structs in and out of the `Store` trait.

/// A checked referral, ready to write, with the messages it causes (written in the same
/// transaction, so a referral never exists without them or they without it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReferralRecord {
    pub reference: String,
    /// Scoped by channel by the caller (`web:…`, `api:…`).
    pub idempotency_key: String,
    /// Canonical JSON of the request as received.
    pub request_body: String,
    pub kind: String,
    pub channel: String,
    /// The API key's name, for a partner's submission (`None`: the web pages).
    pub partner: Option<String>,
    pub urgent: bool,
    pub lookup_date_of_birth: Option<String>,
    /// JSON of the checked request.
    pub details: String,
    pub people: Vec<ReferralPerson>,
    pub trackers: Vec<TrackerRecord>,
    pub submitted_at: i64,
    pub outbox: Vec<NewOutboxMessage>,
    /// The eligibility self-check's result, when the request came from one.
    pub check_result: Option<String>,
    /// Client Level Data: how the request came and who made contact (`domain::cld`).
    pub route_of_access: String,
    pub requester_type: String,
    /// A hospital discharge's expected date, `YYYY-MM-DD`.
    pub discharge_date: Option<String>,
    /// The person has communication needs (flagged on the queue).
    pub communication_needs: bool,
    /// Client Level Data's age band on the day of the request and postcode district
    /// (`domain::cld_return`), kept for the quarterly return.
    pub age_band: String,
    pub postcode_district: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralPerson {
    /// `person` or `referrer`.
    pub role: String,
    pub given_name: String,
    pub family_name: String,
    pub date_of_birth: Option<String>,
    pub phone: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackerRecord {
    pub name: String,
    pub relationship: String,
    pub email: String,
    pub phone: String,
}

/// What a submission gets back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralReceipt {
    pub reference: String,
    pub status: String,
    pub submitted_at: i64,
    /// A request's route of access (`None` for a carer's registration).
    pub route_of_access: Option<String>,
}

/// How writing a referral went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateReferral {
    Created(ReferralReceipt),
    /// The key was seen before with the same body: the original receipt, nothing new written.
    Replayed(ReferralReceipt),
    /// The key was seen before with a different body.
    KeyReused,
    /// The random reference is already taken: pick another and try again.
    ReferenceTaken,
}

/// A stored referral, as staff tools and messages need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReferral {
    pub reference: String,
    pub kind: String,
    pub urgent: bool,
    pub status: String,
    pub outcome: Option<String>,
    pub lookup_date_of_birth: Option<String>,
    pub details: String,
    pub submitted_at: i64,
    /// The staff account the referral is assigned to, if any.
    pub assigned_to: Option<i64>,
    /// `web`, or the name of the API key it came through (`api` from before keys).
    pub channel: String,
    /// The case-management system's id for it, once known.
    pub case_id: Option<String>,
    /// The eligibility self-check's result, when the request came from one.
    pub check_result: Option<String>,
    /// Client Level Data (`domain::cld`): how it came, who made contact, what it led to.
    pub route_of_access: String,
    pub requester_type: String,
    pub event_outcome: Option<String>,
    pub trackers: Vec<TrackerRecord>,
    pub history: Vec<HistoryEntry>,
    /// What people told us had changed while they waited, oldest first.
    pub changes: Vec<ReferralChange>,
    /// When the latest change staff have not yet acted on came (cleared by a status change).
    pub changed_at: Option<i64>,
}

/// "Something has changed", as told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralChange {
    pub what_changed: String,
    pub more_urgent: bool,
    pub at: i64,
}

/// A change to keep, with its event: kept only while the request is open and while the
/// request has had fewer than `per_day` changes in the last day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewChange {
    pub reference: String,
    pub what_changed: String,
    /// Then the request is marked urgent and goes back to triage (a history entry by
    /// "resident").
    pub more_urgent: bool,
    pub at: i64,
    pub per_day: i64,
    pub event: NewOutboxMessage,
}

/// What became of a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeRecorded {
    /// Kept; the request's status now.
    Kept { status: String },
    /// The request is closed: nothing kept.
    Closed,
    /// The request has had its changes for the day: nothing kept.
    TooMany,
    /// No such request.
    NotFound,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub status: String,
    pub outcome: Option<String>,
    pub note: String,
    pub note_visible: bool,
    pub actor: String,
    pub at: i64,
}

/// A staff status change, with the messages it causes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub reference: String,
    /// The step it adds to the request's history.
    pub step: HistoryStep,
    pub outbox: Vec<NewOutboxMessage>,
}

/// One step of a request's history: a status it reached, when, by whom, with a note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HistoryStep {
    pub status: String,
    pub outcome: Option<String>,
    /// The Client Level Data event outcome, at closing.
    pub event_outcome: Option<String>,
    pub note: String,
    pub note_visible: bool,
    pub actor: String,
    pub at: i64,
}

/// A past request with the steps it went through after "received", as `server seed-demo`
/// writes it (or a council moving from its previous system would): nothing is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedReferral {
    pub record: NewReferralRecord,
    pub steps: Vec<HistoryStep>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewOutboxMessage {
    /// `email` or `event`.
    pub channel: String,
    /// Messages with the same key are delivered in the order they were written.
    pub ordering_key: String,
    pub payload: String,
    /// For an acknowledgement email: its recipient's daily cap. Past it, the message is not
    /// written (the rest of the transaction is).
    pub quota: Option<EmailQuota>,
}

/// At most `per_day` acknowledgement emails a day to the recipient whose address hashes to
/// `bucket`, whoever sends the requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailQuota {
    pub bucket: String,
    pub per_day: i64,
}

/// Held while this process delivers a channel's outbox (`Store::lead_outbox`). Let go with
/// `release`, which waits until the lead is really given up (on PostgreSQL, the advisory
/// lock's transaction rolled back), so the next batch, here or in another instance, can lead
/// at once. Dropped without `release` (a panic, a cancelled task), what it holds still lets go
/// (on PostgreSQL, by closing its connection).
pub struct OutboxLead(Box<dyn LeadHold>);

/// What an `OutboxLead` holds, and how to give it up.
#[async_trait::async_trait]
pub trait LeadHold: Send {
    async fn release(self: Box<Self>);
}

/// SQLite's lead holds nothing: one process serves the file.
#[async_trait::async_trait]
impl LeadHold for () {
    async fn release(self: Box<Self>) {}
}

impl OutboxLead {
    pub fn holding(hold: impl LeadHold + 'static) -> Self {
        Self(Box::new(hold))
    }

    /// Gives up the lead, and returns once it is given up.
    pub async fn release(self) {
        self.0.release().await
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    pub id: i64,
    pub channel: String,
    pub ordering_key: String,
    pub payload: String,
    pub attempts: i64,
    pub created_at: i64,
}

/// A message that keeps failing, for staff to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxProblem {
    pub id: i64,
    pub channel: String,
    pub ordering_key: String,
    pub attempts: i64,
    pub last_error: String,
    pub next_attempt_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: i64,
    /// Who: a staff account (`staff:<email>`), or a resident's hashed client bucket.
    pub actor: String,
    pub action: String,
    /// Which record: a reference, or what was looked at.
    pub subject: String,
    pub detail: String,
    /// From where: the client's address for staff (residents' is hashed into `actor`).
    pub client: String,
}

/// A journey's answers saved to come back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedDraft {
    pub code_hash: String,
    pub journey: String,
    pub data: String,
    pub expires_at: i64,
}
