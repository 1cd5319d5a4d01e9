//! The `Store` trait: the only door from server functions to the database. Plain structs in
//! and out; one implementation per backend lives in the `server` crate (SQLite, PostgreSQL).

mod carers;
mod directory;
mod referrals;
mod retention;
mod search;
mod staff;

use async_trait::async_trait;

pub use carers::*;
pub use directory::*;
pub use referrals::*;
pub use retention::*;
pub use search::*;
pub use staff::*;

/// What went wrong in the store. The text is for logs, never for the browser.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    #[error("a stored value could not be read: {0}")]
    Corrupt(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A server-side session: an opaque id, its serialised data and when it expires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub id: String,
    /// JSON, written and read by the session layer; the store does not look inside.
    pub data: String,
    /// Unix seconds.
    pub expires_at: i64,
}

/// One response to "Give feedback on this service", ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFeedback {
    /// One of the `Satisfaction` codes.
    pub satisfaction: String,
    pub improvements: String,
    /// Unix seconds.
    pub submitted_at: i64,
}

/// A stored feedback response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackRecord {
    pub id: i64,
    pub satisfaction: String,
    pub improvements: String,
    pub submitted_at: i64,
}

/// Everything the portal keeps. Each method is one unit of work (one transaction).
#[async_trait]
pub trait Store: Send + Sync + std::fmt::Debug + 'static {
    /// Which backend this is ("sqlite" or "postgres"), for logs and `/readyz`.
    fn backend(&self) -> &'static str;

    /// Succeeds when the database answers and takes writes (it makes one and rolls it back).
    async fn ping(&self) -> StoreResult<()>;

    /// Stores a feedback response and returns its id.
    async fn save_feedback(&self, feedback: &NewFeedback) -> StoreResult<i64>;

    /// The most recent feedback responses, newest first.
    async fn recent_feedback(&self, limit: i64) -> StoreResult<Vec<FeedbackRecord>>;

    /// Inserts a new session; `false` when the id is already taken (the caller picks another).
    async fn create_session(&self, session: &SessionRecord) -> StoreResult<bool>;

    /// Inserts or replaces a session.
    async fn save_session(&self, session: &SessionRecord) -> StoreResult<()>;

    /// Loads a session that has not expired by `now` (unix seconds).
    async fn load_session(&self, id: &str, now: i64) -> StoreResult<Option<SessionRecord>>;

    async fn delete_session(&self, id: &str) -> StoreResult<()>;

    /// Deletes every session that expired before `now`; returns how many.
    async fn delete_expired_sessions(&self, now: i64) -> StoreResult<u64>;

    // The carers' register.

    /// Writes a carer's registration, its cared-for people, emergency plan and outbox
    /// messages in one transaction, once per idempotency key (the same outcomes as a referral).
    async fn create_carer(&self, carer: &NewCarerRecord) -> StoreResult<CreateReferral>;

    /// A registration by its reference (`CAR-…`).
    async fn load_carer(&self, reference: &str) -> StoreResult<Option<StoredCarer>>;

    /// Replaces a registered carer's details, people and plan, with the update's outbox
    /// messages, in one transaction. `false` if no registered carer has that reference.
    async fn update_carer(&self, update: &CarerUpdate) -> StoreResult<bool>;

    /// Takes a carer off the register: the people and the plan are deleted and the carer's
    /// own row anonymised (the reference and dates stay, for counts), in one transaction with
    /// the outbox messages. `false` if no registered carer has that reference.
    async fn withdraw_carer(
        &self,
        reference: &str,
        at: i64,
        outbox: &[NewOutboxMessage],
    ) -> StoreResult<bool>;

    // Referrals.

    /// Writes a referral, its people, trackers, first history entry and outbox messages in one
    /// transaction, exactly once per idempotency key.
    async fn create_referral(&self, referral: &NewReferralRecord) -> StoreResult<CreateReferral>;

    /// A referral by its canonical reference, with its trackers and history (oldest first).
    /// Past requests with their history, written in one transaction without sending
    /// anything; any whose reference or key is taken is left out. How many were written.
    async fn import_referrals(&self, batch: &[ImportedReferral]) -> StoreResult<u64>;

    async fn load_referral(&self, reference: &str) -> StoreResult<Option<StoredReferral>>;

    /// Records a status change and its outbox messages in one transaction; `false` when there
    /// is no such referral.
    async fn change_referral_status(&self, change: &StatusChange) -> StoreResult<bool>;

    /// The queue: referrals of some kinds, filtered, oldest (or newest) first, one page.
    async fn referral_queue(&self, query: &QueueQuery) -> StoreResult<QueuePage>;

    // Staff accounts.

    /// Creates an account with its recovery codes; `false` if the email is taken.
    async fn create_staff_account(&self, account: &NewStaffAccount) -> StoreResult<bool>;

    async fn staff_account_by_email(&self, email: &str) -> StoreResult<Option<StaffAccount>>;

    async fn staff_account(&self, id: i64) -> StoreResult<Option<StaffAccount>>;

    /// Counts a sign-in attempt before it is weighed (committed, then counted, so guesses
    /// sent at once cannot all pass the limit): its id and its buckets' counts since `since`.
    async fn begin_sign_in_attempt(
        &self,
        attempt: &SignInAttempt,
        since: i64,
    ) -> StoreResult<AttemptCounts>;

    /// Forgets an attempt that succeeded, so it counts against nobody.
    async fn forget_sign_in_attempt(&self, id: i64) -> StoreResult<()>;

    /// Counts a try on an account (a password or code about to be weighed); how many since
    /// its last successful sign-in, this one included (0 if there is no such account).
    async fn count_staff_try(&self, account_id: i64) -> StoreResult<i64>;

    /// A successful sign-in: the account's tries start again from 0, this client address
    /// becomes (or stays) one of its usual addresses, and its session epoch is raised (every
    /// other session ends); returns the new epoch.
    async fn staff_signed_in(
        &self,
        account_id: i64,
        client_bucket: &str,
        at: i64,
    ) -> StoreResult<i64>;

    /// Whether the account has signed in from this client address at or after `since`.
    async fn is_known_staff_client(
        &self,
        account_id: i64,
        client_bucket: &str,
        since: i64,
    ) -> StoreResult<bool>;

    /// Accepts a TOTP step for an account only if it is later than the last accepted one (a
    /// code works once); `false` otherwise.
    async fn use_totp_step(&self, account_id: i64, step: i64) -> StoreResult<bool>;

    /// Marks an unused recovery code used; `false` if there is no such unused code.
    async fn use_recovery_code(
        &self,
        account_id: i64,
        code_hash: &str,
        at: i64,
    ) -> StoreResult<bool>;

    /// Every staff account, by name (for "assign to" and the administrators' list).
    async fn staff_members(&self) -> StoreResult<Vec<StaffMember>>;

    /// Deactivates (or reactivates) an account; `false` if there is no such account. A
    /// deactivated account's sessions end on their next request.
    async fn set_staff_active(&self, account_id: i64, active: bool) -> StoreResult<bool>;

    /// Gives an account new sign-in details (password, authenticator secret, recovery codes:
    /// the other fields of `fresh` are ignored) in one transaction; the old recovery codes stop
    /// working. `false` if there is no such account.
    async fn reset_staff_sign_in(
        &self,
        account_id: i64,
        fresh: &NewStaffAccount,
    ) -> StoreResult<bool>;

    /// Replaces an account's password hash; `false` if there is no such account.
    async fn set_staff_password(&self, account_id: i64, password_hash: &str) -> StoreResult<bool>;

    /// Assigns a referral to an account (or to nobody); `false` if there is no such referral.
    async fn assign_referral(&self, reference: &str, account_id: Option<i64>) -> StoreResult<bool>;

    /// How long (seconds) `next_step` (`domain::expected_wait::next_step`) took for requests
    /// of this kind and urgency that reached it since `since`: from the request to its
    /// first contact, or from triage to an assessment being arranged.
    async fn recent_waits(
        &self,
        kind: &str,
        urgent: bool,
        next_step: &str,
        since: i64,
    ) -> StoreResult<Vec<i64>>;

    /// Where a request stands among the open ones of its kind at its status: 1 is next
    /// (the queue's order: urgent first, then first come, first served, then by reference).
    async fn queue_position(
        &self,
        kind: &str,
        status: &str,
        urgent: bool,
        submitted_at: i64,
        reference: &str,
    ) -> StoreResult<i64>;

    /// Keeps "something has changed" for an open request, in one transaction with its event
    /// (and, when more urgent, the request marked urgent and back in triage).
    async fn record_change(&self, change: &NewChange) -> StoreResult<ChangeRecorded>;

    /// Open requests other than safeguarding concerns whose last check-in (or, before the
    /// first, their sending) was at or before `due_before`: their references, longest
    /// waiting first, at most `limit`.
    async fn check_ins_due(&self, due_before: i64, limit: i64) -> StoreResult<Vec<String>>;

    /// Marks a request checked in at `at` and queues the check-in's emails, in one
    /// transaction, only while it is open and still due (another instance may have been
    /// first): whether it was.
    async fn record_check_in(
        &self,
        reference: &str,
        due_before: i64,
        at: i64,
        outbox: &[NewOutboxMessage],
    ) -> StoreResult<bool>;

    /// Corrects a referral's Client Level Data route of access; `false` if there is no such
    /// referral.
    async fn set_route_of_access(&self, reference: &str, route: &str) -> StoreResult<bool>;

    /// A page of the audit log, newest first.
    async fn audit_page(&self, query: &AuditQuery) -> StoreResult<AuditPage>;

    /// Requests per week, kind, route of access and channel from `from_week` on, oldest
    /// first (weeks with none left out).
    async fn weekly_requests(&self, from_week: i64) -> StoreResult<Vec<WeeklyCount>>;

    /// The demand dashboard's counts for referrals submitted at or after `since`.
    async fn demand_counts(&self, since: i64) -> StoreResult<DemandCounts>;

    /// The requests for an assessment (not safeguarding concerns) submitted from `from` to
    /// before `until`, for the Client Level Data return, oldest first.
    async fn requests_for_return(&self, from: i64, until: i64) -> StoreResult<Vec<ReturnRow>>;

    /// Counts one showing of each of these directory services, (id, name), on a self-check's
    /// result page in `week` (`domain::demand::week_of`).
    async fn count_suggestions(&self, week: i64, services: &[(String, String)]) -> StoreResult<()>;

    /// Marks a new carer's registration checked by staff (it leaves the open queue); `false`
    /// if there is no such registration on the register, or it was checked already.
    async fn mark_carer_reviewed(&self, reference: &str, at: i64) -> StoreResult<bool>;

    // Enrolment links.

    /// Asks for an enrolment link for an account (`new` or `reset`); its id.
    async fn request_enrolment(
        &self,
        account_id: i64,
        kind: &str,
        requested_by: &str,
        at: i64,
    ) -> StoreResult<i64>;

    /// Requests not yet approved, oldest first.
    async fn enrolments_awaiting_approval(&self) -> StoreResult<Vec<EnrolmentRequest>>;

    /// Approves a request and makes its link (`token_hash`, usable until `expires_at`);
    /// `false` if it was approved already or does not exist.
    async fn issue_enrolment(
        &self,
        id: i64,
        approved_by: &str,
        token_hash: &str,
        expires_at: i64,
    ) -> StoreResult<bool>;

    /// The request whose link has this token, if it was issued and not used.
    async fn enrolment_by_token(&self, token_hash: &str) -> StoreResult<Option<EnrolmentRequest>>;

    /// Uses a link, once: `false` if it was used already.
    async fn use_enrolment(&self, id: i64, at: i64) -> StoreResult<bool>;

    // The partner API's keys.

    /// Keeps a new key's hash under its name; `None` if the name is taken.
    async fn create_api_key(
        &self,
        name: &str,
        key_hash: &str,
        at: i64,
        created_by: &str,
    ) -> StoreResult<Option<i64>>;

    /// The key with this hash, revoked or not.
    async fn api_key_by_hash(&self, key_hash: &str) -> StoreResult<Option<ApiKey>>;

    /// Every key, by name.
    async fn api_keys(&self) -> StoreResult<Vec<ApiKey>>;

    /// Revokes a key; `false` if there is no such key, or it was revoked already.
    async fn revoke_api_key(&self, id: i64, at: i64) -> StoreResult<bool>;

    // Integration.

    /// Each outbox channel's counts; `stuck_after`: the attempts after which a message is stuck.
    async fn outbox_health(&self, stuck_after: i64) -> StoreResult<Vec<ChannelHealth>>;

    /// Makes an undelivered message due now; `false` if there is no such undelivered message.
    async fn retry_outbox_now(&self, id: i64, now: i64) -> StoreResult<bool>;

    /// Records the case-management system's id for a referral; `false` if there is none.
    async fn set_case_id(&self, reference: &str, case_id: &str) -> StoreResult<bool>;

    /// Records an update's event id from the case-management system; `false` if it was
    /// received before (a replay).
    async fn record_integration_receipt(&self, event_id: &str, at: i64) -> StoreResult<bool>;

    /// Forgets a receipt whose update was refused, so the sender may send it again.
    async fn forget_integration_receipt(&self, event_id: &str) -> StoreResult<()>;

    // Retention.

    /// Anonymises and deletes what the retention policy no longer keeps, in one transaction.
    async fn purge_expired(&self, cutoffs: &RetentionCutoffs) -> StoreResult<PurgeReport>;

    /// Erases a closed referral's personal details now; `false` if it is not closed, or was
    /// anonymised already.
    async fn anonymise_referral(&self, reference: &str, now: i64) -> StoreResult<bool>;

    /// Everything held about one person (names without case, date of birth `YYYY-MM-DD`).
    async fn find_subject(
        &self,
        given_name: &str,
        family_name: &str,
        date_of_birth: &str,
    ) -> StoreResult<SubjectRecords>;

    // Progress lookups.

    /// Failed lookups in `bucket` at or after `since`.
    async fn count_lookup_failures(&self, bucket: &str, since: i64) -> StoreResult<i64>;

    async fn record_lookup_failure(&self, bucket: &str, at: i64) -> StoreResult<()>;

    /// Forgets failures older than `before`; returns how many.
    async fn delete_old_lookup_failures(&self, before: i64) -> StoreResult<u64>;

    async fn record_audit(&self, entry: &AuditEntry) -> StoreResult<()>;

    /// The newest audit entries, newest first.
    async fn recent_audit(&self, limit: i64) -> StoreResult<Vec<AuditEntry>>;

    // The outbox.

    /// Queues messages that belong to no referral or registration (a staff member's alert),
    /// in one transaction.
    async fn queue_messages(&self, messages: &[NewOutboxMessage], at: i64) -> StoreResult<()>;

    /// Makes this process the one delivering `channel`'s outbox until the lead is dropped, or
    /// `None` while another instance has it. Instances sharing one PostgreSQL take turns, so
    /// no message goes out twice and each referral's events stay in order; a process that
    /// dies lets go at once (its connection closes).
    async fn lead_outbox(&self, channel: &str) -> StoreResult<Option<OutboxLead>>;

    /// Undelivered messages on `channel` that are due by `now`, oldest first, at most one per
    /// ordering key (the next in that key's order).
    async fn due_outbox(
        &self,
        channel: &str,
        now: i64,
        limit: i64,
    ) -> StoreResult<Vec<OutboxMessage>>;

    async fn outbox_delivered(&self, id: i64, at: i64) -> StoreResult<()>;

    /// Records a failed attempt and when to try again.
    async fn outbox_failed(&self, id: i64, next_attempt_at: i64, error: &str) -> StoreResult<()>;

    /// Undelivered messages that have failed at least `min_attempts` times.
    async fn outbox_problems(&self, min_attempts: i64) -> StoreResult<Vec<OutboxProblem>>;

    /// How many messages on `channel` are not yet delivered.
    async fn outbox_pending(&self, channel: &str) -> StoreResult<i64>;

    // Saved drafts ("save and come back later").

    async fn save_draft(&self, draft: &SavedDraft) -> StoreResult<()>;

    /// A saved draft that has not expired by `now`.
    async fn load_draft(&self, code_hash: &str, now: i64) -> StoreResult<Option<SavedDraft>>;

    async fn delete_draft(&self, code_hash: &str) -> StoreResult<()>;

    /// Deletes drafts that expired before `now`; returns how many.
    async fn delete_expired_drafts(&self, now: i64) -> StoreResult<u64>;

    // The directory of community services (Open Referral UK).

    /// Replaces the whole directory in one transaction: all of it, or none of it.
    async fn replace_directory(&self, records: &DirectoryRecords) -> StoreResult<()>;

    /// Services (their list documents) matching the query, by name.
    async fn find_services(&self, query: &ServiceQuery) -> StoreResult<DocumentPage>;

    /// A service's full document.
    async fn service_document(&self, id: &str) -> StoreResult<Option<String>>;

    /// Services at locations (their list documents) whose service matches the query.
    async fn find_service_at_locations(&self, query: &ServiceQuery) -> StoreResult<DocumentPage>;

    /// The full document of the service delivered at this service-at-location.
    async fn service_at_location_document(&self, id: &str) -> StoreResult<Option<String>>;

    async fn organization_document(&self, id: &str) -> StoreResult<Option<String>>;

    async fn taxonomies(&self, page: i64, per_page: i64) -> StoreResult<DocumentPage>;

    async fn taxonomy_document(&self, id: &str) -> StoreResult<Option<String>>;

    async fn taxonomy_terms(
        &self,
        taxonomy_id: Option<&str>,
        page: i64,
        per_page: i64,
    ) -> StoreResult<DocumentPage>;

    async fn taxonomy_term_document(&self, id: &str) -> StoreResult<Option<String>>;

    /// Every term with how many services have it, in taxonomy order.
    async fn directory_terms(&self) -> StoreResult<Vec<TermCount>>;

    /// Every town with a service, A to Z.
    async fn directory_towns(&self) -> StoreResult<Vec<String>>;

    // Search across guidance and services.

    /// Replaces every indexed document of `kind` (`guidance`) in one transaction. Services
    /// are indexed by `replace_directory`, with the directory they belong to.
    async fn replace_search_documents(
        &self,
        kind: &str,
        documents: &[SearchDocument],
    ) -> StoreResult<()>;

    /// Documents whose terms contain every one of `words` (canonical words), at most `limit`.
    async fn search_documents(
        &self,
        words: &[String],
        limit: i64,
    ) -> StoreResult<Vec<SearchDocument>>;
}
