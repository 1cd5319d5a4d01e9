//! The `Store` methods whose SQL is shared by both backends, written once: `impl_store!`
//! stamps out a backend's whole `Store` impl from its own methods (connecting, readiness,
//! search, the outbox lead) and these, each forwarding to its query module with the pool it
//! needs (`writer()` for writes; `reader()` for reads, which on SQLite is a separate read-only
//! pool and on PostgreSQL the same one). A new store method is written here once.

macro_rules! impl_store {
    ($store:ty { $($own:tt)* }) => {
        #[async_trait::async_trait]
        impl app::store::Store for $store {
            $($own)*

            async fn create_carer(&self, carer: &NewCarerRecord) -> StoreResult<CreateReferral> {
                carers::create_carer(self.writer(), carer).await
            }

            async fn load_carer(&self, reference: &str) -> StoreResult<Option<StoredCarer>> {
                carers::load_carer(self.reader(), reference).await
            }

            async fn update_carer(&self, update: &CarerUpdate) -> StoreResult<bool> {
                carers::update_carer(self.writer(), update).await
            }

            async fn withdraw_carer(
                &self,
                reference: &str,
                at: i64,
                outbox: &[NewOutboxMessage],
            ) -> StoreResult<bool> {
                carers::withdraw_carer(self.writer(), reference, at, outbox).await
            }

            async fn create_referral(&self, referral: &NewReferralRecord) -> StoreResult<CreateReferral> {
                queries::create_referral(self.writer(), referral).await
            }

            async fn import_referrals(&self, batch: &[app::store::ImportedReferral]) -> StoreResult<u64> {
                import::import_referrals(self.writer(), batch).await
            }

            async fn load_referral(&self, reference: &str) -> StoreResult<Option<StoredReferral>> {
                queries::load_referral(self.reader(), reference).await
            }

            async fn change_referral_status(&self, change: &StatusChange) -> StoreResult<bool> {
                queries::change_referral_status(self.writer(), change).await
            }

            async fn referral_queue(&self, query: &QueueQuery) -> StoreResult<QueuePage> {
                staff::referral_queue(self.reader(), query).await
            }

            async fn create_staff_account(&self, account: &NewStaffAccount) -> StoreResult<bool> {
                staff::create_staff_account(self.writer(), account).await
            }

            async fn staff_account_by_email(&self, email: &str) -> StoreResult<Option<StaffAccount>> {
                staff::staff_account_by_email(self.reader(), email).await
            }

            async fn staff_account(&self, id: i64) -> StoreResult<Option<StaffAccount>> {
                staff::staff_account(self.reader(), id).await
            }

            async fn request_enrolment(
                &self,
                account_id: i64,
                kind: &str,
                requested_by: &str,
                at: i64,
            ) -> StoreResult<i64> {
                staff::request_enrolment(self.writer(), account_id, kind, requested_by, at).await
            }

            async fn enrolments_awaiting_approval(&self) -> StoreResult<Vec<EnrolmentRequest>> {
                staff::enrolments_awaiting_approval(self.writer()).await
            }

            async fn issue_enrolment(
                &self,
                id: i64,
                approved_by: &str,
                token_hash: &str,
                expires_at: i64,
            ) -> StoreResult<bool> {
                staff::issue_enrolment(self.writer(), id, approved_by, token_hash, expires_at).await
            }

            async fn enrolment_by_token(&self, token_hash: &str) -> StoreResult<Option<EnrolmentRequest>> {
                staff::enrolment_by_token(self.writer(), token_hash).await
            }

            async fn use_enrolment(&self, id: i64, at: i64) -> StoreResult<bool> {
                staff::use_enrolment(self.writer(), id, at).await
            }

            async fn create_api_key(
                &self,
                name: &str,
                key_hash: &str,
                at: i64,
                created_by: &str,
            ) -> StoreResult<Option<i64>> {
                staff::create_api_key(self.writer(), name, key_hash, at, created_by).await
            }

            async fn api_key_by_hash(&self, key_hash: &str) -> StoreResult<Option<ApiKey>> {
                staff::api_key_by_hash(self.writer(), key_hash).await
            }

            async fn api_keys(&self) -> StoreResult<Vec<ApiKey>> {
                staff::api_keys(self.reader()).await
            }

            async fn revoke_api_key(&self, id: i64, at: i64) -> StoreResult<bool> {
                staff::revoke_api_key(self.writer(), id, at).await
            }

            async fn begin_sign_in_attempt(
                &self,
                attempt: &SignInAttempt,
                since: i64,
            ) -> StoreResult<AttemptCounts> {
                staff::begin_sign_in_attempt(self.writer(), attempt, since).await
            }

            async fn forget_sign_in_attempt(&self, id: i64) -> StoreResult<()> {
                staff::forget_sign_in_attempt(self.writer(), id).await
            }

            async fn count_staff_try(&self, account_id: i64) -> StoreResult<i64> {
                staff::count_staff_try(self.writer(), account_id).await
            }

            async fn staff_signed_in(
                &self,
                account_id: i64,
                client_bucket: &str,
                at: i64,
            ) -> StoreResult<i64> {
                staff::staff_signed_in(self.writer(), account_id, client_bucket, at).await
            }

            async fn is_known_staff_client(
                &self,
                account_id: i64,
                client_bucket: &str,
                since: i64,
            ) -> StoreResult<bool> {
                staff::is_known_staff_client(self.writer(), account_id, client_bucket, since).await
            }

            async fn use_totp_step(&self, account_id: i64, step: i64) -> StoreResult<bool> {
                staff::use_totp_step(self.writer(), account_id, step).await
            }

            async fn use_recovery_code(
                &self,
                account_id: i64,
                code_hash: &str,
                at: i64,
            ) -> StoreResult<bool> {
                staff::use_recovery_code(self.writer(), account_id, code_hash, at).await
            }

            async fn staff_members(&self) -> StoreResult<Vec<StaffMember>> {
                staff::staff_members(self.reader()).await
            }

            async fn count_suggestions(&self, week: i64, services: &[(String, String)]) -> StoreResult<()> {
                staff::count_suggestions(self.writer(), week, services).await
            }

            async fn mark_carer_reviewed(&self, reference: &str, at: i64) -> StoreResult<bool> {
                carers::mark_carer_reviewed(self.writer(), reference, at).await
            }

            async fn set_staff_active(&self, account_id: i64, active: bool) -> StoreResult<bool> {
                staff::set_staff_active(self.writer(), account_id, active).await
            }

            async fn reset_staff_sign_in(
                &self,
                account_id: i64,
                fresh: &NewStaffAccount,
            ) -> StoreResult<bool> {
                staff::reset_staff_sign_in(self.writer(), account_id, fresh).await
            }

            async fn set_staff_password(&self, account_id: i64, password_hash: &str) -> StoreResult<bool> {
                staff::set_staff_password(self.writer(), account_id, password_hash).await
            }

            async fn assign_referral(&self, reference: &str, account_id: Option<i64>) -> StoreResult<bool> {
                staff::assign_referral(self.writer(), reference, account_id).await
            }
            async fn recent_waits(&self, kind: &str, urgent: bool, next_step: &str, since: i64) -> StoreResult<Vec<i64>> {
                queries::recent_waits(self.reader(), kind, urgent, next_step, since).await
            }

            async fn queue_position(&self, kind: &str, status: &str, urgent: bool, submitted_at: i64, reference: &str) -> StoreResult<i64> {
                queries::queue_position(self.reader(), kind, status, urgent, submitted_at, reference).await
            }

            async fn record_change(&self, change: &NewChange) -> StoreResult<ChangeRecorded> {
                queries::record_change(self.writer(), change).await
            }

            async fn check_ins_due(&self, due_before: i64, limit: i64) -> StoreResult<Vec<String>> {
                queries::check_ins_due(self.reader(), due_before, limit).await
            }

            async fn record_check_in(&self, reference: &str, due_before: i64, at: i64, outbox: &[NewOutboxMessage]) -> StoreResult<bool> {
                queries::record_check_in(self.writer(), reference, due_before, at, outbox).await
            }

            async fn set_route_of_access(&self, reference: &str, route: &str) -> StoreResult<bool> {
                staff::set_route_of_access(self.writer(), reference, route).await
            }

            async fn audit_page(&self, query: &AuditQuery) -> StoreResult<AuditPage> {
                staff::audit_page(self.reader(), query).await
            }

            async fn outbox_health(&self, stuck_after: i64) -> StoreResult<Vec<ChannelHealth>> {
                integration::outbox_health(self.reader(), stuck_after).await
            }

            async fn retry_outbox_now(&self, id: i64, now: i64) -> StoreResult<bool> {
                integration::retry_outbox_now(self.writer(), id, now).await
            }

            async fn set_case_id(&self, reference: &str, case_id: &str) -> StoreResult<bool> {
                integration::set_case_id(self.writer(), reference, case_id).await
            }

            async fn record_integration_receipt(&self, event_id: &str, at: i64) -> StoreResult<bool> {
                integration::record_integration_receipt(self.writer(), event_id, at).await
            }

            async fn forget_integration_receipt(&self, event_id: &str) -> StoreResult<()> {
                integration::forget_integration_receipt(self.writer(), event_id).await
            }

            async fn purge_expired(&self, cutoffs: &RetentionCutoffs) -> StoreResult<PurgeReport> {
                retention::purge_expired(self.writer(), cutoffs).await
            }

            async fn anonymise_referral(&self, reference: &str, now: i64) -> StoreResult<bool> {
                retention::anonymise_referral(self.writer(), reference, now).await
            }

            async fn find_subject(
                &self,
                given_name: &str,
                family_name: &str,
                date_of_birth: &str,
            ) -> StoreResult<SubjectRecords> {
                retention::find_subject(self.reader(), given_name, family_name, date_of_birth).await
            }

            async fn weekly_requests(&self, from_week: i64) -> StoreResult<Vec<app::store::WeeklyCount>> {
                staff::weekly_requests(self.reader(), from_week).await
            }

            async fn demand_counts(&self, since: i64) -> StoreResult<DemandCounts> {
                staff::demand_counts(self.reader(), since).await
            }

            async fn requests_for_return(&self, from: i64, until: i64) -> StoreResult<Vec<ReturnRow>> {
                staff::requests_for_return(self.reader(), from, until).await
            }

            async fn count_lookup_failures(&self, bucket: &str, since: i64) -> StoreResult<i64> {
                queries::count_lookup_failures(self.reader(), bucket, since).await
            }

            async fn record_lookup_failure(&self, bucket: &str, at: i64) -> StoreResult<()> {
                queries::record_lookup_failure(self.writer(), bucket, at).await
            }

            async fn delete_old_lookup_failures(&self, before: i64) -> StoreResult<u64> {
                queries::delete_old_lookup_failures(self.writer(), before).await
            }

            async fn record_audit(&self, entry: &AuditEntry) -> StoreResult<()> {
                queries::record_audit(self.writer(), entry).await
            }

            async fn recent_audit(&self, limit: i64) -> StoreResult<Vec<AuditEntry>> {
                queries::recent_audit(self.reader(), limit).await
            }

            async fn queue_messages(&self, messages: &[NewOutboxMessage], at: i64) -> StoreResult<()> {
                queries::queue_messages(self.writer(), messages, at).await
            }

            async fn due_outbox(
                &self,
                channel: &str,
                now: i64,
                limit: i64,
            ) -> StoreResult<Vec<OutboxMessage>> {
                queries::due_outbox(self.reader(), channel, now, limit).await
            }

            async fn outbox_delivered(&self, id: i64, at: i64) -> StoreResult<()> {
                queries::outbox_delivered(self.writer(), id, at).await
            }

            async fn outbox_failed(&self, id: i64, next_attempt_at: i64, error: &str) -> StoreResult<()> {
                queries::outbox_failed(self.writer(), id, next_attempt_at, error).await
            }

            async fn outbox_problems(&self, min_attempts: i64) -> StoreResult<Vec<OutboxProblem>> {
                queries::outbox_problems(self.reader(), min_attempts).await
            }

            async fn outbox_pending(&self, channel: &str) -> StoreResult<i64> {
                queries::outbox_pending(self.reader(), channel).await
            }

            async fn save_draft(&self, draft: &SavedDraft) -> StoreResult<()> {
                queries::save_draft(self.writer(), draft).await
            }

            async fn load_draft(&self, code_hash: &str, now: i64) -> StoreResult<Option<SavedDraft>> {
                queries::load_draft(self.reader(), code_hash, now).await
            }

            async fn delete_draft(&self, code_hash: &str) -> StoreResult<()> {
                queries::delete_draft(self.writer(), code_hash).await
            }

            async fn delete_expired_drafts(&self, now: i64) -> StoreResult<u64> {
                queries::delete_expired_drafts(self.writer(), now).await
            }

            async fn replace_directory(&self, records: &DirectoryRecords) -> StoreResult<()> {
                directory::replace_directory(self.writer(), records).await
            }

            async fn find_services(&self, query: &ServiceQuery) -> StoreResult<DocumentPage> {
                directory::find_services(self.reader(), query).await
            }

            async fn service_document(&self, id: &str) -> StoreResult<Option<String>> {
                directory::service_document(self.reader(), id).await
            }

            async fn find_service_at_locations(&self, query: &ServiceQuery) -> StoreResult<DocumentPage> {
                directory::find_service_at_locations(self.reader(), query).await
            }

            async fn service_at_location_document(&self, id: &str) -> StoreResult<Option<String>> {
                directory::service_at_location_document(self.reader(), id).await
            }

            async fn organization_document(&self, id: &str) -> StoreResult<Option<String>> {
                directory::organization_document(self.reader(), id).await
            }

            async fn taxonomies(&self, page: i64, per_page: i64) -> StoreResult<DocumentPage> {
                directory::taxonomies(self.reader(), page, per_page).await
            }

            async fn taxonomy_document(&self, id: &str) -> StoreResult<Option<String>> {
                directory::taxonomy_document(self.reader(), id).await
            }

            async fn taxonomy_terms(
                &self,
                taxonomy_id: Option<&str>,
                page: i64,
                per_page: i64,
            ) -> StoreResult<DocumentPage> {
                directory::taxonomy_terms(self.reader(), taxonomy_id, page, per_page).await
            }

            async fn taxonomy_term_document(&self, id: &str) -> StoreResult<Option<String>> {
                directory::taxonomy_term_document(self.reader(), id).await
            }

            async fn directory_terms(&self) -> StoreResult<Vec<TermCount>> {
                directory::directory_terms(self.reader()).await
            }

            async fn directory_towns(&self) -> StoreResult<Vec<String>> {
                directory::directory_towns(self.reader()).await
            }

            async fn replace_search_documents(
                &self,
                kind: &str,
                documents: &[SearchDocument],
            ) -> StoreResult<()> {
                directory::replace_search_documents(self.writer(), kind, documents).await
            }

            async fn save_feedback(&self, feedback: &NewFeedback) -> StoreResult<i64> {
                sessions::save_feedback(self.writer(), feedback).await
            }

            async fn recent_feedback(&self, limit: i64) -> StoreResult<Vec<FeedbackRecord>> {
                sessions::recent_feedback(self.reader(), limit).await
            }

            async fn create_session(&self, session: &SessionRecord) -> StoreResult<bool> {
                sessions::create_session(self.writer(), session).await
            }

            async fn save_session(&self, session: &SessionRecord) -> StoreResult<()> {
                sessions::save_session(self.writer(), session).await
            }

            async fn load_session(&self, id: &str, now: i64) -> StoreResult<Option<SessionRecord>> {
                sessions::load_session(self.reader(), id, now).await
            }

            async fn delete_session(&self, id: &str) -> StoreResult<()> {
                sessions::delete_session(self.writer(), id).await
            }

            async fn delete_expired_sessions(&self, now: i64) -> StoreResult<u64> {
                sessions::delete_expired_sessions(self.writer(), now).await
            }
        }
    };
}
