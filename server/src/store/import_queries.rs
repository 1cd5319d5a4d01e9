//! Past requests written in bulk (`server seed-demo`, or a council moving from its previous
//! system): a batch is one transaction of a few multi-row statements, one per table, rather
//! than a dozen statements per request, so a million requests load in minutes on
//! PostgreSQL. What the store keeps in step with each history step (`insert_history`: the
//! final status, first contact, whether assessed, when closed) and the weekly counts are
//! worked out here from the whole history at once. Nothing is sent.

macro_rules! import_queries {
    ($db:ty, $referrals:path) => {
        use std::collections::{HashMap, HashSet};

        use app::store::{HistoryStep, ImportedReferral, NewReferralRecord, StoreResult};
        use sqlx::{Pool, QueryBuilder};

        use $crate::store::unavailable;
        use $referrals as referrals;

        type Db = $db;

        /// What a request's history leaves on its row, as `insert_history` keeps it step by
        /// step: the last step's status and outcomes, when it last changed, the first step
        /// after "received", whether it reached an assessment, and when it was last closed.
        struct Outcome<'a> {
            status: &'a str,
            outcome: Option<&'a str>,
            event_outcome: Option<&'a str>,
            updated_at: i64,
            first_contact_at: Option<i64>,
            assessed: bool,
            closed_at: Option<i64>,
        }

        fn outcome_of<'a>(record: &NewReferralRecord, steps: &'a [HistoryStep]) -> Outcome<'a> {
            let acted: Vec<&HistoryStep> = steps.iter().filter(|s| s.status != "received").collect();
            let last = steps.last();
            Outcome {
                status: last.map_or("received", |s| s.status.as_str()),
                outcome: last.and_then(|s| s.outcome.as_deref()),
                event_outcome: last.and_then(|s| s.event_outcome.as_deref()),
                updated_at: last.map_or(record.submitted_at, |s| s.at),
                first_contact_at: acted.iter().map(|s| s.at).min(),
                assessed: acted
                    .iter()
                    .any(|s| matches!(s.status.as_str(), "assessment_arranged" | "assessment_completed")),
                closed_at: acted.iter().filter(|s| s.status == "closed").map(|s| s.at).max(),
            }
        }

        /// Requests per multi-row statement: under SQLite's 32,766 parameters with the
        /// request's 24 columns, and its people's and history's rows.
        const ROWS: usize = 250;

        /// Writes the batch in one transaction; requests whose reference or key is already
        /// there (or earlier in the batch) are left out. How many were written.
        pub async fn import_referrals(pool: &Pool<Db>, batch: &[ImportedReferral]) -> StoreResult<u64> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            let mut written = 0;
            let (mut references, mut keys) = (HashSet::new(), HashSet::new());
            let fresh: Vec<&ImportedReferral> = batch
                .iter()
                .filter(|i| {
                    let new_reference = references.insert(&i.record.reference);
                    keys.insert(&i.record.idempotency_key) && new_reference
                })
                .collect();
            for chunk in fresh.chunks(ROWS) {
                written += import_chunk(&mut tx, chunk).await?;
            }
            tx.commit().await.map_err(unavailable)?;
            Ok(written)
        }

        async fn import_chunk(
            tx: &mut sqlx::Transaction<'_, Db>,
            chunk: &[&ImportedReferral],
        ) -> StoreResult<u64> {
            let mut insert = QueryBuilder::<Db>::new(
                "INSERT INTO referrals (reference, idempotency_key, request_body, kind, channel, urgent, \
                 lookup_date_of_birth, status, outcome, event_outcome, details, submitted_at, updated_at, \
                 check_result, partner, route_of_access, requester_type, discharge_date, communication_needs, \
                 age_band, postcode_district, first_contact_at, assessed, closed_at) ",
            );
            insert.push_values(chunk, |mut row, imported| {
                let (r, done) = (&imported.record, outcome_of(&imported.record, &imported.steps));
                row.push_bind(&r.reference)
                    .push_bind(&r.idempotency_key)
                    .push_bind(&r.request_body)
                    .push_bind(&r.kind)
                    .push_bind(&r.channel)
                    .push_bind(i64::from(r.urgent))
                    .push_bind(&r.lookup_date_of_birth)
                    .push_bind(done.status)
                    .push_bind(done.outcome)
                    .push_bind(done.event_outcome)
                    .push_bind(&r.details)
                    .push_bind(r.submitted_at)
                    .push_bind(done.updated_at)
                    .push_bind(&r.check_result)
                    .push_bind(&r.partner)
                    .push_bind(&r.route_of_access)
                    .push_bind(&r.requester_type)
                    .push_bind(&r.discharge_date)
                    .push_bind(i64::from(r.communication_needs))
                    .push_bind(&r.age_band)
                    .push_bind(&r.postcode_district)
                    .push_bind(done.first_contact_at)
                    .push_bind(i64::from(done.assessed))
                    .push_bind(done.closed_at);
            });
            insert.push(" ON CONFLICT DO NOTHING RETURNING id, reference");
            let ids: HashMap<String, i64> = insert
                .build_query_as::<(i64, String)>()
                .fetch_all(&mut **tx)
                .await
                .map_err(unavailable)?
                .into_iter()
                .map(|(id, reference)| (reference, id))
                .collect();
            let written: Vec<(i64, &ImportedReferral)> = chunk
                .iter()
                .filter_map(|i| ids.get(&i.record.reference).map(|id| (*id, *i)))
                .collect();
            if written.is_empty() {
                return Ok(0);
            }
            insert_people(tx, &written).await?;
            insert_trackers(tx, &written).await?;
            insert_histories(tx, &written).await?;
            count_weeks(tx, &written).await?;
            for (_, imported) in &written {
                for message in &imported.record.outbox {
                    referrals::insert_outbox(tx, message, imported.record.submitted_at).await?;
                }
            }
            Ok(written.len() as u64)
        }

        async fn insert_people(
            tx: &mut sqlx::Transaction<'_, Db>,
            written: &[(i64, &ImportedReferral)],
        ) -> StoreResult<()> {
            let people: Vec<(i64, &app::store::ReferralPerson)> = written
                .iter()
                .flat_map(|(id, i)| i.record.people.iter().map(move |p| (*id, p)))
                .collect();
            if people.is_empty() {
                return Ok(());
            }
            let mut insert = QueryBuilder::<Db>::new(
                "INSERT INTO referral_people (referral_id, role, given_name, family_name, date_of_birth, phone, email) ",
            );
            insert.push_values(people, |mut row, (id, p)| {
                row.push_bind(id)
                    .push_bind(&p.role)
                    .push_bind(&p.given_name)
                    .push_bind(&p.family_name)
                    .push_bind(&p.date_of_birth)
                    .push_bind(&p.phone)
                    .push_bind(&p.email);
            });
            insert.build().execute(&mut **tx).await.map_err(unavailable)?;
            Ok(())
        }

        async fn insert_trackers(
            tx: &mut sqlx::Transaction<'_, Db>,
            written: &[(i64, &ImportedReferral)],
        ) -> StoreResult<()> {
            let trackers: Vec<(i64, &app::store::TrackerRecord)> = written
                .iter()
                .flat_map(|(id, i)| i.record.trackers.iter().map(move |t| (*id, t)))
                .collect();
            if trackers.is_empty() {
                return Ok(());
            }
            let mut insert = QueryBuilder::<Db>::new(
                "INSERT INTO referral_trackers (referral_id, name, relationship, email, phone) ",
            );
            insert.push_values(trackers, |mut row, (id, t)| {
                row.push_bind(id)
                    .push_bind(&t.name)
                    .push_bind(&t.relationship)
                    .push_bind(&t.email)
                    .push_bind(&t.phone);
            });
            insert.build().execute(&mut **tx).await.map_err(unavailable)?;
            Ok(())
        }

        /// Each request's "received" and the steps after it, in order.
        async fn insert_histories(
            tx: &mut sqlx::Transaction<'_, Db>,
            written: &[(i64, &ImportedReferral)],
        ) -> StoreResult<()> {
            let mut steps: Vec<(i64, HistoryStep)> = Vec::new();
            for (id, imported) in written {
                steps.push((*id, referrals::received_step(&imported.record)));
                steps.extend(imported.steps.iter().map(|s| (*id, s.clone())));
            }
            let mut insert = QueryBuilder::<Db>::new(
                "INSERT INTO referral_history (referral_id, status, outcome, note, note_visible, actor, at) ",
            );
            insert.push_values(&steps, |mut row, (id, s)| {
                row.push_bind(*id)
                    .push_bind(&s.status)
                    .push_bind(&s.outcome)
                    .push_bind(&s.note)
                    .push_bind(i64::from(s.note_visible))
                    .push_bind(&s.actor)
                    .push_bind(s.at);
            });
            insert.build().execute(&mut **tx).await.map_err(unavailable)?;
            Ok(())
        }

        /// The weekly counts the forecast reads, added up before they are written.
        async fn count_weeks(
            tx: &mut sqlx::Transaction<'_, Db>,
            written: &[(i64, &ImportedReferral)],
        ) -> StoreResult<()> {
            let mut weeks: HashMap<(i64, &str, &str, &str), i64> = HashMap::new();
            for (_, imported) in written {
                let r = &imported.record;
                let week = app::domain::demand::week_of(r.submitted_at);
                *weeks
                    .entry((week, r.kind.as_str(), r.route_of_access.as_str(), r.channel.as_str()))
                    .or_default() += 1;
            }
            let mut upsert = QueryBuilder::<Db>::new(
                "INSERT INTO weekly_requests (week, kind, route_of_access, channel, requests) ",
            );
            upsert.push_values(weeks, |mut row, ((week, kind, route, channel), requests)| {
                row.push_bind(week)
                    .push_bind(kind)
                    .push_bind(route)
                    .push_bind(channel)
                    .push_bind(requests);
            });
            upsert.push(
                " ON CONFLICT (week, kind, route_of_access, channel) \
                 DO UPDATE SET requests = weekly_requests.requests + excluded.requests",
            );
            upsert.build().execute(&mut **tx).await.map_err(unavailable)?;
            Ok(())
        }
    };
}

pub mod sqlite {
    import_queries!(sqlx::Sqlite, crate::store::referral_queries::sqlite);
}

pub mod postgres {
    import_queries!(sqlx::Postgres, crate::store::referral_queries::postgres);
}
