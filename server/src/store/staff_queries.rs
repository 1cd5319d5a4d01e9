//! The staff-account and queue queries, written once for both backends (as
//! `referral_queries` are): a macro stamps out one module per database type.

macro_rules! staff_queries {
    ($db:ty, $referrals:path, $index_hints:expr) => {
        use app::store::{
            ApiKey, AttemptCounts, AuditEntry, EnrolmentRequest, AuditPage, AuditQuery, DemandCounts, NewStaffAccount, ReturnRow, QueueItem, QueuePage,
            QueueQuery, SignInAttempt, StaffAccount, StaffMember, StoreResult, WeeklyCount,
        };
        use sqlx::{Pool, QueryBuilder};

        use $crate::store::unavailable;
        use $referrals as referrals;

        type Db = $db;

        pub async fn create_staff_account(
            pool: &Pool<Db>,
            a: &NewStaffAccount,
        ) -> StoreResult<bool> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            let inserted: Option<(i64,)> = sqlx::query_as(
                "INSERT INTO staff_accounts (email, name, role, password_hash, totp_secret, totp_last_step, active, created_at) \
                 VALUES ($1, $2, $3, $4, $5, 0, 1, $6) ON CONFLICT DO NOTHING RETURNING id",
            )
            .bind(&a.email)
            .bind(&a.name)
            .bind(&a.role)
            .bind(&a.password_hash)
            .bind(&a.totp_secret)
            .bind(a.created_at)
            .fetch_optional(&mut *tx)
            .await
            .map_err(unavailable)?;
            let Some((id,)) = inserted else {
                tx.rollback().await.map_err(unavailable)?;
                return Ok(false);
            };
            insert_recovery_codes(&mut tx, id, &a.recovery_code_hashes).await?;
            tx.commit().await.map_err(unavailable)?;
            Ok(true)
        }

        async fn insert_recovery_codes(
            tx: &mut sqlx::Transaction<'_, Db>,
            account_id: i64,
            hashes: &[String],
        ) -> StoreResult<()> {
            for hash in hashes {
                sqlx::query("INSERT INTO staff_recovery_codes (account_id, code_hash) VALUES ($1, $2)")
                    .bind(account_id)
                    .bind(hash)
                    .execute(&mut **tx)
                    .await
                    .map_err(unavailable)?;
            }
            Ok(())
        }

        pub async fn reset_staff_sign_in(
            pool: &Pool<Db>,
            account_id: i64,
            fresh: &NewStaffAccount,
        ) -> StoreResult<bool> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            let updated = sqlx::query(
                "UPDATE staff_accounts SET password_hash = $1, totp_secret = $2, totp_last_step = 0, failures_since_success = 0, \
                 session_epoch = session_epoch + 1 WHERE id = $3",
            )
            .bind(&fresh.password_hash)
            .bind(&fresh.totp_secret)
            .bind(account_id)
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
            if updated.rows_affected() != 1 {
                tx.rollback().await.map_err(unavailable)?;
                return Ok(false);
            }
            sqlx::query("DELETE FROM staff_recovery_codes WHERE account_id = $1")
                .bind(account_id)
                .execute(&mut *tx)
                .await
                .map_err(unavailable)?;
            insert_recovery_codes(&mut tx, account_id, &fresh.recovery_code_hashes).await?;
            tx.commit().await.map_err(unavailable)?;
            Ok(true)
        }

        type AccountRow = (i64, String, String, String, String, String, i64, i64, i64);
        const ACCOUNT_COLUMNS: &str =
            "SELECT id, email, name, role, password_hash, totp_secret, totp_last_step, active, session_epoch FROM staff_accounts";

        fn account(row: AccountRow) -> StaffAccount {
            let (id, email, name, role, password_hash, totp_secret, totp_last_step, active, session_epoch) = row;
            StaffAccount { id, email, name, role, password_hash, totp_secret, totp_last_step, active: active == 1, session_epoch }
        }

        pub async fn staff_account_by_email(
            pool: &Pool<Db>,
            email: &str,
        ) -> StoreResult<Option<StaffAccount>> {
            let row: Option<AccountRow> = sqlx::query_as(&format!("{ACCOUNT_COLUMNS} WHERE email = $1"))
                .bind(email)
                .fetch_optional(pool)
                .await
                .map_err(unavailable)?;
            Ok(row.map(account))
        }

        pub async fn staff_account(pool: &Pool<Db>, id: i64) -> StoreResult<Option<StaffAccount>> {
            let row: Option<AccountRow> = sqlx::query_as(&format!("{ACCOUNT_COLUMNS} WHERE id = $1"))
                .bind(id)
                .fetch_optional(pool)
                .await
                .map_err(unavailable)?;
            Ok(row.map(account))
        }

        pub async fn request_enrolment(
            pool: &Pool<Db>,
            account_id: i64,
            kind: &str,
            requested_by: &str,
            at: i64,
        ) -> StoreResult<i64> {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO staff_enrolments (account_id, kind, requested_by, requested_at) \
                 VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(account_id)
            .bind(kind)
            .bind(requested_by)
            .bind(at)
            .fetch_one(pool)
            .await
            .map_err(unavailable)?;
            Ok(id)
        }

        type EnrolmentRow = (i64, i64, String, String, i64, Option<String>, Option<i64>, Option<i64>);
        const ENROLMENT_COLUMNS: &str = "SELECT id, account_id, kind, requested_by, requested_at, \
             approved_by, expires_at, used_at FROM staff_enrolments";

        fn enrolment(
            (id, account_id, kind, requested_by, requested_at, approved_by, expires_at, used_at): EnrolmentRow,
        ) -> EnrolmentRequest {
            EnrolmentRequest { id, account_id, kind, requested_by, requested_at, approved_by, expires_at, used_at }
        }

        pub async fn enrolments_awaiting_approval(pool: &Pool<Db>) -> StoreResult<Vec<EnrolmentRequest>> {
            let rows: Vec<EnrolmentRow> =
                sqlx::query_as(&format!("{ENROLMENT_COLUMNS} WHERE approved_by IS NULL ORDER BY id"))
                    .fetch_all(pool)
                    .await
                    .map_err(unavailable)?;
            Ok(rows.into_iter().map(enrolment).collect())
        }

        pub async fn issue_enrolment(
            pool: &Pool<Db>,
            id: i64,
            approved_by: &str,
            token_hash: &str,
            expires_at: i64,
        ) -> StoreResult<bool> {
            let result = sqlx::query(
                "UPDATE staff_enrolments SET approved_by = $1, token_hash = $2, expires_at = $3 \
                 WHERE id = $4 AND approved_by IS NULL",
            )
            .bind(approved_by)
            .bind(token_hash)
            .bind(expires_at)
            .bind(id)
            .execute(pool)
            .await
            .map_err(unavailable)?;
            Ok(result.rows_affected() == 1)
        }

        pub async fn enrolment_by_token(pool: &Pool<Db>, token_hash: &str) -> StoreResult<Option<EnrolmentRequest>> {
            let row: Option<EnrolmentRow> = sqlx::query_as(&format!(
                "{ENROLMENT_COLUMNS} WHERE token_hash = $1 AND used_at IS NULL"
            ))
            .bind(token_hash)
            .fetch_optional(pool)
            .await
            .map_err(unavailable)?;
            Ok(row.map(enrolment))
        }

        pub async fn use_enrolment(pool: &Pool<Db>, id: i64, at: i64) -> StoreResult<bool> {
            let result = sqlx::query("UPDATE staff_enrolments SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
                .bind(at)
                .bind(id)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(result.rows_affected() == 1)
        }

        pub async fn create_api_key(
            pool: &Pool<Db>,
            name: &str,
            key_hash: &str,
            at: i64,
            created_by: &str,
        ) -> StoreResult<Option<i64>> {
            let row: Option<(i64,)> = sqlx::query_as(
                "INSERT INTO api_keys (name, key_hash, created_at, created_by) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT DO NOTHING RETURNING id",
            )
            .bind(name)
            .bind(key_hash)
            .bind(at)
            .bind(created_by)
            .fetch_optional(pool)
            .await
            .map_err(unavailable)?;
            Ok(row.map(|(id,)| id))
        }

        type ApiKeyRow = (i64, String, i64, String, Option<i64>);
        const API_KEY_COLUMNS: &str = "SELECT id, name, created_at, created_by, revoked_at FROM api_keys";

        fn api_key((id, name, created_at, created_by, revoked_at): ApiKeyRow) -> ApiKey {
            ApiKey { id, name, created_at, created_by, revoked_at }
        }

        pub async fn api_key_by_hash(pool: &Pool<Db>, key_hash: &str) -> StoreResult<Option<ApiKey>> {
            let row: Option<ApiKeyRow> = sqlx::query_as(&format!("{API_KEY_COLUMNS} WHERE key_hash = $1"))
                .bind(key_hash)
                .fetch_optional(pool)
                .await
                .map_err(unavailable)?;
            Ok(row.map(api_key))
        }

        pub async fn api_keys(pool: &Pool<Db>) -> StoreResult<Vec<ApiKey>> {
            let rows: Vec<ApiKeyRow> = sqlx::query_as(&format!("{API_KEY_COLUMNS} ORDER BY name"))
                .fetch_all(pool)
                .await
                .map_err(unavailable)?;
            Ok(rows.into_iter().map(api_key).collect())
        }

        pub async fn revoke_api_key(pool: &Pool<Db>, id: i64, at: i64) -> StoreResult<bool> {
            let result = sqlx::query("UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
                .bind(at)
                .bind(id)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(result.rows_affected() == 1)
        }

        pub async fn begin_sign_in_attempt(
            pool: &Pool<Db>,
            attempt: &SignInAttempt,
            since: i64,
        ) -> StoreResult<AttemptCounts> {
            // Committed before it is counted (no transaction): of guesses sent at once, the
            // k-th to commit sees at least k, so no more than the limit are ever weighed.
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO sign_in_attempts (pair_bucket, client_bucket, email_bucket, at) \
                 VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(&attempt.pair_bucket)
            .bind(&attempt.client_bucket)
            .bind(&attempt.email_bucket)
            .bind(attempt.at)
            .fetch_one(pool)
            .await
            .map_err(unavailable)?;
            let (pair, client, email): (i64, i64, i64) = sqlx::query_as(
                "SELECT \
                   (SELECT COUNT(*) FROM sign_in_attempts WHERE pair_bucket = $1 AND at >= $4), \
                   (SELECT COUNT(*) FROM sign_in_attempts WHERE client_bucket = $2 AND at >= $4), \
                   (SELECT COUNT(*) FROM sign_in_attempts WHERE email_bucket = $3 AND at >= $4)",
            )
            .bind(&attempt.pair_bucket)
            .bind(&attempt.client_bucket)
            .bind(&attempt.email_bucket)
            .bind(since)
            .fetch_one(pool)
            .await
            .map_err(unavailable)?;
            Ok(AttemptCounts { id, pair, client, email })
        }

        pub async fn forget_sign_in_attempt(pool: &Pool<Db>, id: i64) -> StoreResult<()> {
            sqlx::query("DELETE FROM sign_in_attempts WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(())
        }

        pub async fn count_staff_try(pool: &Pool<Db>, account_id: i64) -> StoreResult<i64> {
            let row: Option<(i64,)> = sqlx::query_as(
                "UPDATE staff_accounts SET failures_since_success = failures_since_success + 1 \
                 WHERE id = $1 RETURNING failures_since_success",
            )
            .bind(account_id)
            .fetch_optional(pool)
            .await
            .map_err(unavailable)?;
            Ok(row.map_or(0, |(n,)| n))
        }

        pub async fn staff_signed_in(
            pool: &Pool<Db>,
            account_id: i64,
            client_bucket: &str,
            at: i64,
        ) -> StoreResult<i64> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            let (epoch,): (i64,) = sqlx::query_as(
                "UPDATE staff_accounts SET failures_since_success = 0, session_epoch = session_epoch + 1 \
                 WHERE id = $1 RETURNING session_epoch",
            )
            .bind(account_id)
            .fetch_one(&mut *tx)
            .await
            .map_err(unavailable)?;
            sqlx::query(
                "INSERT INTO staff_known_clients (account_id, client_bucket, last_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (account_id, client_bucket) DO UPDATE SET last_at = excluded.last_at",
            )
            .bind(account_id)
            .bind(client_bucket)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
            tx.commit().await.map_err(unavailable)?;
            Ok(epoch)
        }

        pub async fn is_known_staff_client(
            pool: &Pool<Db>,
            account_id: i64,
            client_bucket: &str,
            since: i64,
        ) -> StoreResult<bool> {
            let row: Option<(i64,)> = sqlx::query_as(
                "SELECT account_id FROM staff_known_clients \
                 WHERE account_id = $1 AND client_bucket = $2 AND last_at >= $3",
            )
            .bind(account_id)
            .bind(client_bucket)
            .bind(since)
            .fetch_optional(pool)
            .await
            .map_err(unavailable)?;
            Ok(row.is_some())
        }

        pub async fn use_totp_step(pool: &Pool<Db>, account_id: i64, step: i64) -> StoreResult<bool> {
            let result = sqlx::query(
                "UPDATE staff_accounts SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1",
            )
            .bind(step)
            .bind(account_id)
            .execute(pool)
            .await
            .map_err(unavailable)?;
            Ok(result.rows_affected() == 1)
        }

        pub async fn use_recovery_code(
            pool: &Pool<Db>,
            account_id: i64,
            code_hash: &str,
            at: i64,
        ) -> StoreResult<bool> {
            let result = sqlx::query(
                "UPDATE staff_recovery_codes SET used_at = $1 \
                 WHERE account_id = $2 AND code_hash = $3 AND used_at IS NULL",
            )
            .bind(at)
            .bind(account_id)
            .bind(code_hash)
            .execute(pool)
            .await
            .map_err(unavailable)?;
            Ok(result.rows_affected() == 1)
        }

        /// How each half of the queue's union ends: ordered and cut at the end of the page
        /// asked for (no page needs more from either half), or cut at the count's cap.
        #[derive(Clone, Copy)]
        enum HalfEnd {
            Page(i64),
            Capped(i64),
        }

        /// The queue's order, over the columns both halves share (`prefix` is the table's
        /// alias and a dot, or empty): hospital discharges by their expected date; otherwise
        /// urgent first, then first come, first served (or the newest, if asked).
        fn queue_order(q: &QueueQuery, prefix: &str) -> String {
            let keys = if by_discharge_date(q) {
                "{p}discharge_date, {p}submitted_at, {p}reference"
            } else if q.newest_first {
                "{p}urgent DESC, {p}submitted_at DESC, {p}reference DESC"
            } else {
                "{p}urgent DESC, {p}submitted_at, {p}reference"
            };
            format!(" ORDER BY {}", keys.replace("{p}", prefix))
        }

        /// Hospital discharges are in the order of their expected dates.
        fn by_discharge_date(q: &QueueQuery) -> bool {
            q.route_of_access.as_deref() == Some("discharge_from_hospital")
        }

        fn end_half<'a>(builder: &mut QueryBuilder<'a, Db>, q: &QueueQuery, carers: bool, end: HalfEnd) {
            let limit = match end {
                HalfEnd::Capped(cap) => cap,
                HalfEnd::Page(limit) => {
                    let order = if carers {
                        // Registrations are never urgent and have no discharge date.
                        if q.newest_first { " ORDER BY c.registered_at DESC, c.reference DESC" } else { " ORDER BY c.registered_at, c.reference" }.to_owned()
                    } else {
                        queue_order(q, "r.")
                    };
                    builder.push(order);
                    limit
                }
            };
            builder.push(" LIMIT ").push_bind(limit);
        }

        /// ` INDEXED BY index` where the planner needs telling (SQLite), else nothing.
        fn indexed_by(index: &str) -> String {
            if $index_hints {
                format!(" INDEXED BY {index}")
            } else {
                String::new()
            }
        }

        /// Which requests a half of the queue reads.
        #[derive(Clone, Copy)]
        enum RequestStatus<'s> {
            /// Every status but `closed`: exactly the `referrals_open` index's condition.
            Open,
            Is(&'s str),
        }

        /// One half of the queue's union: requests of one status (or the open ones) that
        /// pass the filters, ordered and cut as `end` says.
        fn push_request_half<'a>(builder: &mut QueryBuilder<'a, Db>, q: &'a QueueQuery, status: RequestStatus<'a>, end: HalfEnd) {
            builder.push("SELECT * FROM (SELECT ");
            // A line is its keys in the queue's order (read from the index where it can be);
            // the page's lines alone are then read in full.
            builder.push(match end {
                HalfEnd::Capped(_) => "1 AS line",
                HalfEnd::Page(_) if by_discharge_date(q) => {
                    "r.id, 0 AS registration, r.urgent, r.submitted_at, r.reference, r.discharge_date"
                }
                HalfEnd::Page(_) => {
                    "r.id, 0 AS registration, r.urgent, r.submitted_at, r.reference, CAST(NULL AS TEXT) AS discharge_date"
                }
            });
            builder.push(" FROM referrals r");
            builder.push(match status {
                RequestStatus::Open => indexed_by("referrals_open"),
                // Either order's index, or the count's (the planner picks among them).
                RequestStatus::Is(_) => String::new(),
            });
            builder.push(" WHERE r.kind IN (");
            let mut kinds = builder.separated(", ");
            for kind in q.kinds.iter().filter(|k| *k != "carer_registration") {
                kinds.push_bind(kind);
            }
            // An empty IN () is not SQL: a kind no request has stands in.
            kinds.push_bind("none");
            builder.push(")");
            match status {
                RequestStatus::Open => builder.push(" AND r.status <> 'closed'"),
                RequestStatus::Is(status) => builder.push(" AND r.status = ").push_bind(status),
            };
            if q.urgent_only {
                // The unary `+` keeps SQLite's planner on the queue's own indexes rather than
                // reading every urgent request ever made.
                builder.push(" AND +r.urgent = 1");
            }
            match q.assignee {
                Some(0) => {
                    builder.push(" AND r.assigned_to IS NULL");
                }
                Some(id) => {
                    builder.push(" AND r.assigned_to = ").push_bind(id);
                }
                None => {}
            }
            if let Some(route) = &q.route_of_access {
                builder.push(" AND r.route_of_access = ").push_bind(route);
            }
            if let Some(before) = q.submitted_before {
                builder.push(" AND r.submitted_at < ").push_bind(before);
            }
            end_half(builder, q, false, end);
            builder.push(") requests");
        }

        /// The queue's lines, from the requests and carers' registrations alone (a new
        /// registration is `received` until a member of staff checks it, then `registered`; a
        /// withdrawn one is `closed`; never urgent, never assigned): each half filtered,
        /// ordered and cut inside itself so that the indexes serve it (the planners do not
        /// push a filter on the union into both halves, and would sort every row of both).
        /// The open queue reads the `referrals_open` partial index and a status the
        /// `referrals_status_*` indexes (every status is both), whatever the history behind
        /// them. Names and assignees are joined to the page's
        /// lines only, afterwards. A count selects nothing but `1` from each line.
        fn push_queue_rows<'a>(builder: &mut QueryBuilder<'a, Db>, q: &'a QueueQuery, end: HalfEnd) {
            let counting = matches!(end, HalfEnd::Capped(_));
            // (condition, the index it reads).
            let carer_condition = match q.status.as_deref() {
                None if q.include_closed => Some(("1 = 1", "carers_registered")),
                None | Some("received") => {
                    Some(("c.status <> 'withdrawn' AND c.reviewed_at IS NULL", "carers_unchecked"))
                }
                Some("registered") => Some((
                    "c.status <> 'withdrawn' AND c.reviewed_at IS NOT NULL",
                    "carers_status_registered",
                )),
                Some("closed") => Some(("c.status = 'withdrawn'", "carers_status_registered")),
                Some(_) => None,
            }
            .filter(|_| {
                q.kinds.iter().any(|k| k == "carer_registration")
                    && matches!(q.assignee, None | Some(0))
                    && q.route_of_access.is_none()
                    && !q.urgent_only
            });
            builder.push("FROM (");
            // Every status is read as the open requests and the closed ones, each half by its
            // own index in the queue's order.
            match (&q.status, q.include_closed) {
                (Some(status), _) => push_request_half(builder, q, RequestStatus::Is(status), end),
                (None, false) => push_request_half(builder, q, RequestStatus::Open, end),
                (None, true) => {
                    push_request_half(builder, q, RequestStatus::Open, end);
                    builder.push(" UNION ALL ");
                    push_request_half(builder, q, RequestStatus::Is("closed"), end);
                }
            }
            if let Some((condition, index)) = carer_condition {
                builder.push(" UNION ALL SELECT * FROM (SELECT ");
                builder.push(if counting {
                    "1"
                } else {
                    "c.id, 1, 0, c.registered_at, c.reference, CAST(NULL AS TEXT)"
                });
                builder.push(" FROM carers c").push(indexed_by(index)).push(" WHERE ").push(condition);
                if let Some(before) = q.submitted_before {
                    builder.push(" AND c.registered_at < ").push_bind(before);
                }
                end_half(builder, q, true, end);
                builder.push(") registrations");
            }
            builder.push(") lines");
        }

        /// The query for a page of the queue, after `prefix` (`EXPLAIN` for its plan): the
        /// page's lines cut from the union, then the person's name and the assignee joined
        /// to those lines alone.
        pub fn queue_page_query<'a>(prefix: &str, q: &'a QueueQuery) -> QueryBuilder<'a, Db> {
            let mut page = QueryBuilder::<Db>::new(prefix);
            page.push(
                "SELECT w.reference, COALESCE(r.kind, 'carer_registration'), \
                 CASE WHEN w.registration = 0 THEN COALESCE(r.partner, r.channel) ELSE COALESCE(c.partner, c.channel) END, \
                 w.urgent, \
                 CASE WHEN w.registration = 0 THEN r.status WHEN c.status = 'withdrawn' THEN 'closed' \
                 WHEN c.reviewed_at IS NULL THEN 'received' ELSE 'registered' END, \
                 COALESCE(p.given_name, c.given_name, ''), COALESCE(p.family_name, c.family_name, ''), \
                 w.submitted_at, s.name, r.route_of_access, r.discharge_date, p.date_of_birth, \
                 COALESCE(r.communication_needs, 0), \
                 CAST(CASE WHEN r.changed_at IS NULL THEN 0 ELSE 1 END AS BIGINT) FROM (SELECT * ",
            );
            let offset = (q.page.max(1) - 1) * q.per_page;
            push_queue_rows(&mut page, q, HalfEnd::Page(offset + q.per_page));
            page.push(queue_order(q, "lines."))
                .push(" LIMIT ")
                .push_bind(q.per_page)
                .push(" OFFSET ")
                .push_bind(offset);
            page.push(
                ") w LEFT JOIN referrals r ON w.registration = 0 AND r.id = w.id \
                 LEFT JOIN carers c ON w.registration = 1 AND c.id = w.id \
                 LEFT JOIN referral_people p ON w.registration = 0 AND p.referral_id = w.id AND p.role = 'person' \
                 LEFT JOIN staff_accounts s ON s.id = r.assigned_to",
            );
            page.push(queue_order(q, "w."));
            page
        }

        /// The query counting the queue's lines up to the cap, after `prefix`.
        pub fn queue_count_query<'a>(prefix: &str, q: &'a QueueQuery) -> QueryBuilder<'a, Db> {
            let mut count = QueryBuilder::<Db>::new(prefix);
            count.push("SELECT COUNT(*) ");
            push_queue_rows(&mut count, q, HalfEnd::Capped(app::domain::staff::QUEUE_COUNT_CAP));
            count
        }

        pub async fn referral_queue(pool: &Pool<Db>, q: &QueueQuery) -> StoreResult<QueuePage> {
            if q.kinds.is_empty() {
                return Ok(QueuePage::default());
            }
            // Counted up to the cap: past it, the page says "10,000 or more".
            let (total,): (i64,) = queue_count_query("", q)
                .build_query_as()
                .fetch_one(pool)
                .await
                .map_err(unavailable)?;
            let total = total.min(app::domain::staff::QUEUE_COUNT_CAP);
            let mut page = queue_page_query("", q);
            type Row = (String, String, String, i64, String, String, String, i64, Option<String>, Option<String>, Option<String>, Option<String>, i64, i64);
            let rows: Vec<Row> = page
                .build_query_as()
                .fetch_all(pool)
                .await
                .map_err(unavailable)?;
            let items = rows
                .into_iter()
                .map(|(reference, kind, channel, urgent, status, given_name, family_name, submitted_at, assigned_name, route_of_access, discharge_date, date_of_birth, communication_needs, changed)| QueueItem {
                    reference, kind, channel, urgent: urgent == 1, status, given_name, family_name, submitted_at, assigned_name,
                    route_of_access, discharge_date, date_of_birth, communication_needs: communication_needs == 1, changed: changed == 1,
                })
                .collect();
            Ok(QueuePage { items, total })
        }

        pub async fn staff_members(pool: &Pool<Db>) -> StoreResult<Vec<StaffMember>> {
            let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
                "SELECT id, name, email, role, active FROM staff_accounts ORDER BY name, id",
            )
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(rows
                .into_iter()
                .map(|(id, name, email, role, active)| StaffMember {
                    id,
                    name,
                    email,
                    role,
                    active: active == 1,
                })
                .collect())
        }

        pub async fn set_staff_active(
            pool: &Pool<Db>,
            account_id: i64,
            active: bool,
        ) -> StoreResult<bool> {
            let result = sqlx::query("UPDATE staff_accounts SET active = $1, session_epoch = session_epoch + 1 WHERE id = $2")
                .bind(i64::from(active))
                .bind(account_id)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(result.rows_affected() == 1)
        }

        pub async fn set_staff_password(
            pool: &Pool<Db>,
            account_id: i64,
            password_hash: &str,
        ) -> StoreResult<bool> {
            let result = sqlx::query("UPDATE staff_accounts SET password_hash = $1, session_epoch = session_epoch + 1 WHERE id = $2")
                .bind(password_hash)
                .bind(account_id)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(result.rows_affected() == 1)
        }

        pub async fn assign_referral(
            pool: &Pool<Db>,
            reference: &str,
            account_id: Option<i64>,
        ) -> StoreResult<bool> {
            let result = sqlx::query("UPDATE referrals SET assigned_to = $1 WHERE reference = $2")
                .bind(account_id)
                .bind(reference)
                .execute(pool)
                .await
                .map_err(unavailable)?;
            Ok(result.rows_affected() == 1)
        }

        pub async fn set_route_of_access(pool: &Pool<Db>, reference: &str, route: &str) -> StoreResult<bool> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            // Taking the row first (a no-op write) so two corrections at once move its count
            // once each, from the route the other left.
            let found: Option<(i64, String, String, String)> = sqlx::query_as(
                "UPDATE referrals SET updated_at = updated_at WHERE reference = $1 \
                 RETURNING submitted_at, kind, route_of_access, channel",
            )
            .bind(reference)
            .fetch_optional(&mut *tx)
            .await
            .map_err(unavailable)?;
            let Some((submitted_at, kind, was, channel)) = found else {
                tx.rollback().await.map_err(unavailable)?;
                return Ok(false);
            };
            sqlx::query("UPDATE referrals SET route_of_access = $1 WHERE reference = $2")
                .bind(route)
                .bind(reference)
                .execute(&mut *tx)
                .await
                .map_err(unavailable)?;
            referrals::count_weekly(&mut tx, submitted_at, &kind, &was, &channel, -1).await?;
            referrals::count_weekly(&mut tx, submitted_at, &kind, route, &channel, 1).await?;
            tx.commit().await.map_err(unavailable)?;
            Ok(true)
        }

        pub async fn audit_page(pool: &Pool<Db>, q: &AuditQuery) -> StoreResult<AuditPage> {
            let total = match &q.subject {
                Some(subject) => {
                    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE subject = $1")
                        .bind(subject)
                        .fetch_one(pool)
                        .await
                        .map_err(unavailable)?;
                    Some(n)
                }
                None => None,
            };
            let mut page = QueryBuilder::<Db>::new(
                "SELECT id, at, actor, action, subject, detail, client FROM audit_log WHERE 1 = 1",
            );
            if let Some(subject) = &q.subject {
                page.push(" AND subject = ").push_bind(subject);
            }
            // One more than a page, to know whether there is another beyond it.
            let forwards = q.after.is_some();
            match (q.after, q.before) {
                (Some(after), _) => {
                    page.push(" AND id > ").push_bind(after).push(" ORDER BY id ASC");
                }
                (None, Some(before)) => {
                    page.push(" AND id < ").push_bind(before).push(" ORDER BY id DESC");
                }
                (None, None) => {
                    page.push(" ORDER BY id DESC");
                }
            }
            page.push(" LIMIT ").push_bind(q.per_page + 1);
            let mut rows: Vec<(i64, i64, String, String, String, String, String)> =
                page.build_query_as().fetch_all(pool).await.map_err(unavailable)?;
            let more = rows.len() as i64 > q.per_page;
            rows.truncate(q.per_page.max(0) as usize);
            if forwards {
                rows.reverse();
            }
            let (first, last) = (rows.first().map(|r| r.0), rows.last().map(|r| r.0));
            // Newest first: what is newer than the first shown, and older than the last.
            let (newer, older) = if forwards {
                (first.filter(|_| more), last)
            } else {
                (first.filter(|_| q.before.is_some()), last.filter(|_| more))
            };
            let entries = rows
                .into_iter()
                .map(|(_, at, actor, action, subject, detail, client)| AuditEntry { at, actor, action, subject, detail, client })
                .collect();
            Ok(AuditPage { entries, total, older, newer })
        }

        pub async fn requests_for_return(pool: &Pool<Db>, from: i64, until: i64) -> StoreResult<Vec<ReturnRow>> {
            // What the return reads is kept on the request (migration 0018), so a quarter is
            // one range of `referrals_for_return`, read from the index alone.
            let sql = format!(
                "SELECT reference, submitted_at, route_of_access, requester_type, event_outcome, closed_at, \
                 age_band, postcode_district FROM referrals{} \
                 WHERE submitted_at >= $1 AND submitted_at < $2 AND kind <> 'safeguarding_concern' \
                 ORDER BY submitted_at, id",
                indexed_by("referrals_for_return")
            );
            let rows: Vec<(String, i64, String, String, Option<String>, Option<i64>, String, String)> = sqlx::query_as(&sql)
                .bind(from)
                .bind(until)
                .fetch_all(pool)
                .await
                .map_err(unavailable)?;
            Ok(rows
                .into_iter()
                .map(|(reference, submitted_at, route_of_access, requester_type, event_outcome, closed_at, age_band, postcode_district)| ReturnRow {
                    reference, submitted_at, route_of_access, requester_type, event_outcome, closed_at, age_band, postcode_district,
                })
                .collect())
        }

        pub async fn weekly_requests(pool: &Pool<Db>, from_week: i64) -> StoreResult<Vec<WeeklyCount>> {
            let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
                "SELECT week, kind, route_of_access, channel, requests FROM weekly_requests \
                 WHERE week >= $1 AND requests > 0 ORDER BY week",
            )
            .bind(from_week)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(rows
                .into_iter()
                .map(|(week, kind, route_of_access, channel, requests)| WeeklyCount {
                    week,
                    kind,
                    route_of_access,
                    channel,
                    requests,
                })
                .collect())
        }

        pub async fn demand_counts(pool: &Pool<Db>, since: i64) -> StoreResult<DemandCounts> {
            // Weeks from Monday 5 January 1970, as `domain::demand::week_of` counts them, read
            // from the counts kept in step with every request.
            let weekly = weekly_requests(pool, app::domain::demand::week_of(since)).await?;
            let by = |label: fn(&WeeklyCount) -> &String| -> Vec<(i64, String, i64)> {
                weekly.iter().map(|w| (w.week, label(w).clone(), w.requests)).collect()
            };
            let (by_kind, by_channel, by_route) =
                (by(|w| &w.kind), by(|w| &w.channel), by(|w| &w.route_of_access));
            let outcomes: Vec<(String, i64)> = sqlx::query_as(
                "SELECT outcome, COUNT(*) FROM referrals WHERE status = 'closed' AND outcome IS NOT NULL \
                 AND submitted_at >= $1 GROUP BY outcome ORDER BY outcome",
            )
            .bind(since)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            let first_contact: Vec<(i64,)> = sqlx::query_as(
                "SELECT first_contact_at - submitted_at FROM referrals \
                 WHERE submitted_at >= $1 AND first_contact_at IS NOT NULL",
            )
            .bind(since)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            let check_results: Vec<(String, i64)> = sqlx::query_as(
                "SELECT COALESCE(check_result, ''), COUNT(*) FROM referrals WHERE submitted_at >= $1 \
                 AND kind <> 'safeguarding_concern' GROUP BY COALESCE(check_result, '') ORDER BY 1",
            )
            .bind(since)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            let suggested: Vec<(String, String, i64)> = sqlx::query_as(
                "SELECT service_id, MAX(service_name), CAST(SUM(shown) AS BIGINT) FROM service_suggestions \
                 WHERE week >= $1 GROUP BY service_id ORDER BY 3 DESC, 2 LIMIT 10",
            )
            .bind((since - 345_600).div_euclid(604_800))
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            // Its conditions are exactly those of the partial index it reads.
            let resolved_sql = format!(
                "SELECT (r.submitted_at - 345600) / 604800 AS week, r.route_of_access, COUNT(*) FROM referrals r{} \
                 WHERE r.submitted_at >= $1 AND r.status = 'closed' AND r.event_outcome LIKE 'nfa%' \
                 AND r.assessed = 0 GROUP BY week, r.route_of_access ORDER BY week",
                indexed_by("referrals_resolved_first")
            );
            let resolved_at_first_contact: Vec<(i64, String, i64)> = sqlx::query_as(&resolved_sql)
            .bind(since)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            let discharges: Vec<(i64, String)> = sqlx::query_as(
                "SELECT submitted_at, discharge_date FROM referrals \
                 WHERE submitted_at >= $1 AND discharge_date IS NOT NULL ORDER BY submitted_at",
            )
            .bind(since)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(DemandCounts {
                by_kind,
                by_channel,
                outcomes,
                first_contact_seconds: first_contact.into_iter().map(|(s,)| s).collect(),
                check_results,
                suggested,
                by_route,
                resolved_at_first_contact,
                discharges,
            })
        }

        pub async fn count_suggestions(
            pool: &Pool<Db>,
            week: i64,
            services: &[(String, String)],
        ) -> StoreResult<()> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            for (id, name) in services {
                sqlx::query(
                    "INSERT INTO service_suggestions (week, service_id, service_name, shown) VALUES ($1, $2, $3, 1) \
                     ON CONFLICT (week, service_id) DO UPDATE SET shown = service_suggestions.shown + 1, \
                     service_name = excluded.service_name",
                )
                .bind(week)
                .bind(id)
                .bind(name)
                .execute(&mut *tx)
                .await
                .map_err(unavailable)?;
            }
            tx.commit().await.map_err(unavailable)?;
            Ok(())
        }
    };
}

pub mod sqlite {
    // SQLite's planner has no statistics unless someone runs ANALYZE, and without them it
    // prefers an index it can read in order, or one that covers the columns, to a partial
    // index of the few open requests: the queue names its indexes (`INDEXED BY`).
    staff_queries!(sqlx::Sqlite, crate::store::referral_queries::sqlite, true);
}

pub mod postgres {
    // PostgreSQL's planner keeps statistics (autovacuum) and chooses well by itself.
    staff_queries!(
        sqlx::Postgres,
        crate::store::referral_queries::postgres,
        false
    );
}
