//! The PostgreSQL store: for councils running several instances of the portal behind a load
//! balancer. A pool of connections; every method is one statement, so one transaction.

use std::time::Duration;

use app::store::{ApiKey, AttemptCounts, EnrolmentRequest, SignInAttempt};
use app::store::{
    AuditEntry, CreateReferral, NewReferralRecord, OutboxLead, OutboxMessage, OutboxProblem,
    SavedDraft, StatusChange, StoredReferral,
};
use app::store::{
    AuditPage, AuditQuery, ChannelHealth, DemandCounts, NewStaffAccount, QueuePage, QueueQuery,
    StaffAccount, StaffMember,
};
use app::store::{CarerUpdate, NewCarerRecord, NewOutboxMessage, StoredCarer};
use app::store::{DirectoryRecords, DocumentPage, SearchDocument, ServiceQuery, TermCount};
use app::store::{FeedbackRecord, NewFeedback, SessionRecord, Store, StoreResult};
use app::store::{PurgeReport, RetentionCutoffs, SubjectRecords};
use async_trait::async_trait;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use super::carer_queries::postgres as carers;
use super::directory_queries::postgres as directory;
use super::integration_queries::postgres as integration;
use super::referral_queries::postgres as queries;
use super::retention_queries::postgres as retention;
use super::rows::{FeedbackRow, SessionRow};
use super::staff_queries::postgres as staff;
use super::unavailable;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects and runs the migrations (sqlx takes an advisory lock, so several instances
    /// starting at once migrate once).
    pub async fn open(url: &str) -> StoreResult<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
            .map_err(unavailable)?;
        MIGRATOR.run(&pool).await.map_err(unavailable)?;
        Ok(Self { pool })
    }
}

#[async_trait]
impl Store for PostgresStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    async fn ping(&self) -> StoreResult<()> {
        // A write that is rolled back, so a read-only server (a standby) is not ready either.
        let mut tx = self.pool.begin().await.map_err(unavailable)?;
        sqlx::query("DELETE FROM sessions WHERE id = ''")
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
        tx.rollback().await.map_err(unavailable)?;
        Ok(())
    }

    async fn save_feedback(&self, feedback: &NewFeedback) -> StoreResult<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO feedback (satisfaction, improvements, submitted_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(&feedback.satisfaction)
        .bind(&feedback.improvements)
        .bind(feedback.submitted_at)
        .fetch_one(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(id)
    }

    async fn recent_feedback(&self, limit: i64) -> StoreResult<Vec<FeedbackRecord>> {
        let rows: Vec<FeedbackRow> = sqlx::query_as(
            "SELECT id, satisfaction, improvements, submitted_at FROM feedback ORDER BY submitted_at DESC, id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(rows.into_iter().map(FeedbackRow::into_record).collect())
    }

    async fn create_session(&self, session: &SessionRecord) -> StoreResult<bool> {
        let result = sqlx::query(
            "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&session.id)
        .bind(&session.data)
        .bind(session.expires_at)
        .execute(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(result.rows_affected() == 1)
    }

    async fn save_session(&self, session: &SessionRecord) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
        )
        .bind(&session.id)
        .bind(&session.data)
        .bind(session.expires_at)
        .execute(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(())
    }

    async fn load_session(&self, id: &str, now: i64) -> StoreResult<Option<SessionRecord>> {
        let row: Option<SessionRow> = sqlx::query_as(
            "SELECT id, data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2",
        )
        .bind(id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(row.map(SessionRow::into_record))
    }

    async fn delete_session(&self, id: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(unavailable)?;
        Ok(())
    }

    async fn delete_expired_sessions(&self, now: i64) -> StoreResult<u64> {
        let result = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await
            .map_err(unavailable)?;
        Ok(result.rows_affected())
    }

    // Referrals, lookups, audit, outbox and saved drafts: shared SQL (see referral_queries).

    async fn create_carer(&self, carer: &NewCarerRecord) -> StoreResult<CreateReferral> {
        carers::create_carer(&self.pool, carer).await
    }

    async fn load_carer(&self, reference: &str) -> StoreResult<Option<StoredCarer>> {
        carers::load_carer(&self.pool, reference).await
    }

    async fn update_carer(&self, update: &CarerUpdate) -> StoreResult<bool> {
        carers::update_carer(&self.pool, update).await
    }

    async fn withdraw_carer(
        &self,
        reference: &str,
        at: i64,
        outbox: &[NewOutboxMessage],
    ) -> StoreResult<bool> {
        carers::withdraw_carer(&self.pool, reference, at, outbox).await
    }

    async fn create_referral(&self, referral: &NewReferralRecord) -> StoreResult<CreateReferral> {
        queries::create_referral(&self.pool, referral).await
    }

    async fn load_referral(&self, reference: &str) -> StoreResult<Option<StoredReferral>> {
        queries::load_referral(&self.pool, reference).await
    }

    async fn change_referral_status(&self, change: &StatusChange) -> StoreResult<bool> {
        queries::change_referral_status(&self.pool, change).await
    }

    async fn referral_queue(&self, query: &QueueQuery) -> StoreResult<QueuePage> {
        staff::referral_queue(&self.pool, query).await
    }

    async fn create_staff_account(&self, account: &NewStaffAccount) -> StoreResult<bool> {
        staff::create_staff_account(&self.pool, account).await
    }

    async fn staff_account_by_email(&self, email: &str) -> StoreResult<Option<StaffAccount>> {
        staff::staff_account_by_email(&self.pool, email).await
    }

    async fn staff_account(&self, id: i64) -> StoreResult<Option<StaffAccount>> {
        staff::staff_account(&self.pool, id).await
    }

    async fn request_enrolment(
        &self,
        account_id: i64,
        kind: &str,
        requested_by: &str,
        at: i64,
    ) -> StoreResult<i64> {
        staff::request_enrolment(&self.pool, account_id, kind, requested_by, at).await
    }

    async fn enrolments_awaiting_approval(&self) -> StoreResult<Vec<EnrolmentRequest>> {
        staff::enrolments_awaiting_approval(&self.pool).await
    }

    async fn issue_enrolment(
        &self,
        id: i64,
        approved_by: &str,
        token_hash: &str,
        expires_at: i64,
    ) -> StoreResult<bool> {
        staff::issue_enrolment(&self.pool, id, approved_by, token_hash, expires_at).await
    }

    async fn enrolment_by_token(&self, token_hash: &str) -> StoreResult<Option<EnrolmentRequest>> {
        staff::enrolment_by_token(&self.pool, token_hash).await
    }

    async fn use_enrolment(&self, id: i64, at: i64) -> StoreResult<bool> {
        staff::use_enrolment(&self.pool, id, at).await
    }

    async fn create_api_key(
        &self,
        name: &str,
        key_hash: &str,
        at: i64,
        created_by: &str,
    ) -> StoreResult<Option<i64>> {
        staff::create_api_key(&self.pool, name, key_hash, at, created_by).await
    }

    async fn api_key_by_hash(&self, key_hash: &str) -> StoreResult<Option<ApiKey>> {
        staff::api_key_by_hash(&self.pool, key_hash).await
    }

    async fn api_keys(&self) -> StoreResult<Vec<ApiKey>> {
        staff::api_keys(&self.pool).await
    }

    async fn revoke_api_key(&self, id: i64, at: i64) -> StoreResult<bool> {
        staff::revoke_api_key(&self.pool, id, at).await
    }

    async fn begin_sign_in_attempt(
        &self,
        attempt: &SignInAttempt,
        since: i64,
    ) -> StoreResult<AttemptCounts> {
        staff::begin_sign_in_attempt(&self.pool, attempt, since).await
    }

    async fn forget_sign_in_attempt(&self, id: i64) -> StoreResult<()> {
        staff::forget_sign_in_attempt(&self.pool, id).await
    }

    async fn count_staff_try(&self, account_id: i64) -> StoreResult<i64> {
        staff::count_staff_try(&self.pool, account_id).await
    }

    async fn staff_signed_in(
        &self,
        account_id: i64,
        client_bucket: &str,
        at: i64,
    ) -> StoreResult<i64> {
        staff::staff_signed_in(&self.pool, account_id, client_bucket, at).await
    }

    async fn is_known_staff_client(
        &self,
        account_id: i64,
        client_bucket: &str,
        since: i64,
    ) -> StoreResult<bool> {
        staff::is_known_staff_client(&self.pool, account_id, client_bucket, since).await
    }

    async fn use_totp_step(&self, account_id: i64, step: i64) -> StoreResult<bool> {
        staff::use_totp_step(&self.pool, account_id, step).await
    }

    async fn use_recovery_code(
        &self,
        account_id: i64,
        code_hash: &str,
        at: i64,
    ) -> StoreResult<bool> {
        staff::use_recovery_code(&self.pool, account_id, code_hash, at).await
    }

    async fn staff_members(&self) -> StoreResult<Vec<StaffMember>> {
        staff::staff_members(&self.pool).await
    }

    async fn count_suggestions(&self, week: i64, services: &[(String, String)]) -> StoreResult<()> {
        staff::count_suggestions(&self.pool, week, services).await
    }

    async fn mark_carer_reviewed(&self, reference: &str, at: i64) -> StoreResult<bool> {
        carers::mark_carer_reviewed(&self.pool, reference, at).await
    }

    async fn set_staff_active(&self, account_id: i64, active: bool) -> StoreResult<bool> {
        staff::set_staff_active(&self.pool, account_id, active).await
    }

    async fn reset_staff_sign_in(
        &self,
        account_id: i64,
        fresh: &NewStaffAccount,
    ) -> StoreResult<bool> {
        staff::reset_staff_sign_in(&self.pool, account_id, fresh).await
    }

    async fn set_staff_password(&self, account_id: i64, password_hash: &str) -> StoreResult<bool> {
        staff::set_staff_password(&self.pool, account_id, password_hash).await
    }

    async fn assign_referral(&self, reference: &str, account_id: Option<i64>) -> StoreResult<bool> {
        staff::assign_referral(&self.pool, reference, account_id).await
    }

    async fn audit_page(&self, query: &AuditQuery) -> StoreResult<AuditPage> {
        staff::audit_page(&self.pool, query).await
    }

    async fn outbox_health(&self, stuck_after: i64) -> StoreResult<Vec<ChannelHealth>> {
        integration::outbox_health(&self.pool, stuck_after).await
    }

    async fn retry_outbox_now(&self, id: i64, now: i64) -> StoreResult<bool> {
        integration::retry_outbox_now(&self.pool, id, now).await
    }

    async fn set_case_id(&self, reference: &str, case_id: &str) -> StoreResult<bool> {
        integration::set_case_id(&self.pool, reference, case_id).await
    }

    async fn record_integration_receipt(&self, event_id: &str, at: i64) -> StoreResult<bool> {
        integration::record_integration_receipt(&self.pool, event_id, at).await
    }

    async fn forget_integration_receipt(&self, event_id: &str) -> StoreResult<()> {
        integration::forget_integration_receipt(&self.pool, event_id).await
    }

    async fn purge_expired(&self, cutoffs: &RetentionCutoffs) -> StoreResult<PurgeReport> {
        retention::purge_expired(&self.pool, cutoffs).await
    }

    async fn anonymise_referral(&self, reference: &str, now: i64) -> StoreResult<bool> {
        retention::anonymise_referral(&self.pool, reference, now).await
    }

    async fn find_subject(
        &self,
        given_name: &str,
        family_name: &str,
        date_of_birth: &str,
    ) -> StoreResult<SubjectRecords> {
        retention::find_subject(&self.pool, given_name, family_name, date_of_birth).await
    }

    async fn demand_counts(&self, since: i64) -> StoreResult<DemandCounts> {
        staff::demand_counts(&self.pool, since).await
    }

    async fn count_lookup_failures(&self, bucket: &str, since: i64) -> StoreResult<i64> {
        queries::count_lookup_failures(&self.pool, bucket, since).await
    }

    async fn record_lookup_failure(&self, bucket: &str, at: i64) -> StoreResult<()> {
        queries::record_lookup_failure(&self.pool, bucket, at).await
    }

    async fn delete_old_lookup_failures(&self, before: i64) -> StoreResult<u64> {
        queries::delete_old_lookup_failures(&self.pool, before).await
    }

    async fn record_audit(&self, entry: &AuditEntry) -> StoreResult<()> {
        queries::record_audit(&self.pool, entry).await
    }

    async fn recent_audit(&self, limit: i64) -> StoreResult<Vec<AuditEntry>> {
        queries::recent_audit(&self.pool, limit).await
    }

    async fn queue_messages(&self, messages: &[NewOutboxMessage], at: i64) -> StoreResult<()> {
        queries::queue_messages(&self.pool, messages, at).await
    }

    async fn lead_outbox(&self, channel: &str) -> StoreResult<Option<OutboxLead>> {
        // A transaction-scoped advisory lock on a connection of its own. `OutboxLead::release`
        // rolls the transaction back and waits for it, so the lock is gone before the next
        // batch asks (a dropped sqlx transaction only queues its rollback, and the lock could
        // outlive the batch on an idle pooled connection). A lead dropped without release
        // closes its connection, which ends the lock too.
        let mut connection = self.pool.acquire().await.map_err(unavailable)?;
        sqlx::query("BEGIN")
            .execute(&mut *connection)
            .await
            .map_err(unavailable)?;
        let (led,): (bool,) =
            sqlx::query_as("SELECT pg_try_advisory_xact_lock(hashtext('portal-outbox:' || $1))")
                .bind(channel)
                .fetch_one(&mut *connection)
                .await
                .map_err(unavailable)?;
        let lead = AdvisoryLead(Some(connection));
        if led {
            Ok(Some(OutboxLead::holding(lead)))
        } else {
            lead.end().await;
            Ok(None)
        }
    }

    async fn due_outbox(
        &self,
        channel: &str,
        now: i64,
        limit: i64,
    ) -> StoreResult<Vec<OutboxMessage>> {
        queries::due_outbox(&self.pool, channel, now, limit).await
    }

    async fn outbox_delivered(&self, id: i64, at: i64) -> StoreResult<()> {
        queries::outbox_delivered(&self.pool, id, at).await
    }

    async fn outbox_failed(&self, id: i64, next_attempt_at: i64, error: &str) -> StoreResult<()> {
        queries::outbox_failed(&self.pool, id, next_attempt_at, error).await
    }

    async fn outbox_problems(&self, min_attempts: i64) -> StoreResult<Vec<OutboxProblem>> {
        queries::outbox_problems(&self.pool, min_attempts).await
    }

    async fn outbox_pending(&self, channel: &str) -> StoreResult<i64> {
        queries::outbox_pending(&self.pool, channel).await
    }

    async fn save_draft(&self, draft: &SavedDraft) -> StoreResult<()> {
        queries::save_draft(&self.pool, draft).await
    }

    async fn load_draft(&self, code_hash: &str, now: i64) -> StoreResult<Option<SavedDraft>> {
        queries::load_draft(&self.pool, code_hash, now).await
    }

    async fn delete_draft(&self, code_hash: &str) -> StoreResult<()> {
        queries::delete_draft(&self.pool, code_hash).await
    }

    async fn delete_expired_drafts(&self, now: i64) -> StoreResult<u64> {
        queries::delete_expired_drafts(&self.pool, now).await
    }

    // The directory: shared SQL (see directory_queries).

    async fn replace_directory(&self, records: &DirectoryRecords) -> StoreResult<()> {
        directory::replace_directory(&self.pool, records).await
    }

    async fn find_services(&self, query: &ServiceQuery) -> StoreResult<DocumentPage> {
        directory::find_services(&self.pool, query).await
    }

    async fn service_document(&self, id: &str) -> StoreResult<Option<String>> {
        directory::service_document(&self.pool, id).await
    }

    async fn find_service_at_locations(&self, query: &ServiceQuery) -> StoreResult<DocumentPage> {
        directory::find_service_at_locations(&self.pool, query).await
    }

    async fn service_at_location_document(&self, id: &str) -> StoreResult<Option<String>> {
        directory::service_at_location_document(&self.pool, id).await
    }

    async fn organization_document(&self, id: &str) -> StoreResult<Option<String>> {
        directory::organization_document(&self.pool, id).await
    }

    async fn taxonomies(&self, page: i64, per_page: i64) -> StoreResult<DocumentPage> {
        directory::taxonomies(&self.pool, page, per_page).await
    }

    async fn taxonomy_document(&self, id: &str) -> StoreResult<Option<String>> {
        directory::taxonomy_document(&self.pool, id).await
    }

    async fn taxonomy_terms(
        &self,
        taxonomy_id: Option<&str>,
        page: i64,
        per_page: i64,
    ) -> StoreResult<DocumentPage> {
        directory::taxonomy_terms(&self.pool, taxonomy_id, page, per_page).await
    }

    async fn taxonomy_term_document(&self, id: &str) -> StoreResult<Option<String>> {
        directory::taxonomy_term_document(&self.pool, id).await
    }

    async fn directory_terms(&self) -> StoreResult<Vec<TermCount>> {
        directory::directory_terms(&self.pool).await
    }

    async fn directory_towns(&self) -> StoreResult<Vec<String>> {
        directory::directory_towns(&self.pool).await
    }

    // Search: the index's rows are written with the shared SQL; matching is each engine's own
    // full-text search over the same canonical words.

    async fn replace_search_documents(
        &self,
        kind: &str,
        documents: &[SearchDocument],
    ) -> StoreResult<()> {
        directory::replace_search_documents(&self.pool, kind, documents).await
    }

    async fn search_documents(
        &self,
        words: &[String],
        limit: i64,
    ) -> StoreResult<Vec<SearchDocument>> {
        if words.is_empty() {
            return Ok(Vec::new());
        }
        // The words are canonical already: 'simple' only splits them; all are required.
        let rows: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
            "SELECT kind, key, title, summary, body, terms FROM search_index \
             WHERE terms_vector @@ plainto_tsquery('simple', $1) ORDER BY kind, key LIMIT $2",
        )
        .bind(directory::tsquery_words(words))
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(rows
            .into_iter()
            .map(|(kind, key, title, summary, body, terms)| SearchDocument {
                kind,
                key,
                title,
                summary,
                body,
                terms,
            })
            .collect())
    }
}

/// A pooled connection inside the transaction that holds an outbox channel's advisory lock.
struct AdvisoryLead(Option<sqlx::pool::PoolConnection<sqlx::Postgres>>);

impl AdvisoryLead {
    /// Rolls back (letting go of the lock) and returns the connection to the pool; if the
    /// rollback fails, the connection is closed instead, which lets go just the same.
    async fn end(mut self) {
        if let Some(mut connection) = self.0.take() {
            if sqlx::query("ROLLBACK")
                .execute(&mut *connection)
                .await
                .is_err()
            {
                connection.close_on_drop();
            }
        }
    }
}

#[async_trait::async_trait]
impl app::store::LeadHold for AdvisoryLead {
    async fn release(self: Box<Self>) {
        (*self).end().await
    }
}

impl Drop for AdvisoryLead {
    fn drop(&mut self) {
        // Not released (a panic or a cancelled task): never hand a locked connection back.
        if let Some(connection) = self.0.as_mut() {
            connection.close_on_drop();
        }
    }
}
