//! The carers' register queries, written once for both backends (the same SQL runs on
//! SQLite and PostgreSQL); a macro stamps out one module per database type, as for referrals.

macro_rules! carer_queries {
    ($db:ty, $outbox:path) => {
        use app::store::{
            CaredForRecord, CarerUpdate, CreateReferral, NewCarerRecord, NewOutboxMessage,
            ReferralReceipt, StoreResult, StoredCarer,
        };
        use sqlx::Pool;

        use $crate::store::unavailable;
        use $outbox as outbox;

        type Db = $db;

        pub async fn create_carer(pool: &Pool<Db>, c: &NewCarerRecord) -> StoreResult<CreateReferral> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            let inserted: Option<(i64,)> = sqlx::query_as(
                "INSERT INTO carers (reference, idempotency_key, request_body, channel, status, given_name, \
                 family_name, date_of_birth, phone, email, details, consent_given_at, registered_at, updated_at, partner) \
                 VALUES ($1, $2, $3, $4, 'registered', $5, $6, $7, $8, $9, $10, $11, $11, $11, $12) \
                 ON CONFLICT DO NOTHING RETURNING id",
            )
            .bind(&c.reference)
            .bind(&c.idempotency_key)
            .bind(&c.request_body)
            .bind(&c.channel)
            .bind(&c.given_name)
            .bind(&c.family_name)
            .bind(&c.date_of_birth)
            .bind(&c.phone)
            .bind(&c.email)
            .bind(&c.details)
            .bind(c.registered_at)
            .bind(&c.partner)
            .fetch_optional(&mut *tx)
            .await
            .map_err(unavailable)?;
            let Some((id,)) = inserted else {
                let existing: Option<(String, String, i64)> = sqlx::query_as(
                    "SELECT reference, request_body, registered_at FROM carers WHERE idempotency_key = $1",
                )
                .bind(&c.idempotency_key)
                .fetch_optional(&mut *tx)
                .await
                .map_err(unavailable)?;
                tx.rollback().await.map_err(unavailable)?;
                return Ok(match existing {
                    Some((reference, body, submitted_at)) if body == c.request_body => {
                        CreateReferral::Replayed(ReferralReceipt {
                            reference,
                            status: "received".to_owned(),
                            submitted_at,
                            route_of_access: None,
                        })
                    }
                    Some(_) => CreateReferral::KeyReused,
                    None => CreateReferral::ReferenceTaken,
                });
            };
            insert_people_and_plan(&mut tx, id, &c.cared_for, c.emergency_plan.as_deref(), c.registered_at).await?;
            for message in &c.outbox {
                outbox::insert_outbox(&mut tx, message, c.registered_at).await?;
            }
            tx.commit().await.map_err(unavailable)?;
            Ok(CreateReferral::Created(ReferralReceipt {
                reference: c.reference.clone(),
                status: "received".to_owned(),
                submitted_at: c.registered_at,
                route_of_access: None,
            }))
        }

        async fn insert_people_and_plan(
            tx: &mut sqlx::Transaction<'_, Db>,
            id: i64,
            people: &[CaredForRecord],
            plan: Option<&str>,
            at: i64,
        ) -> StoreResult<()> {
            for person in people {
                sqlx::query(
                    "INSERT INTO carer_cared_for (carer_id, given_name, family_name, date_of_birth, relationship) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(id)
                .bind(&person.given_name)
                .bind(&person.family_name)
                .bind(&person.date_of_birth)
                .bind(&person.relationship)
                .execute(&mut **tx)
                .await
                .map_err(unavailable)?;
            }
            if let Some(plan) = plan {
                sqlx::query("INSERT INTO carer_emergency_plans (carer_id, plan, updated_at) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(plan)
                    .bind(at)
                    .execute(&mut **tx)
                    .await
                    .map_err(unavailable)?;
            }
            Ok(())
        }

        /// The id of a registered (not withdrawn) carer, and the people and plan cleared.
        async fn registered_id_cleared(
            tx: &mut sqlx::Transaction<'_, Db>,
            reference: &str,
        ) -> StoreResult<Option<i64>> {
            let id: Option<(i64,)> = sqlx::query_as("SELECT id FROM carers WHERE reference = $1 AND status = 'registered'")
                .bind(reference)
                .fetch_optional(&mut **tx)
                .await
                .map_err(unavailable)?;
            let Some((id,)) = id else { return Ok(None) };
            for table in ["carer_cared_for", "carer_emergency_plans"] {
                sqlx::query(&format!("DELETE FROM {table} WHERE carer_id = $1"))
                    .bind(id)
                    .execute(&mut **tx)
                    .await
                    .map_err(unavailable)?;
            }
            Ok(Some(id))
        }

        pub async fn update_carer(pool: &Pool<Db>, u: &CarerUpdate) -> StoreResult<bool> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            let Some(id) = registered_id_cleared(&mut tx, &u.reference).await? else {
                tx.rollback().await.map_err(unavailable)?;
                return Ok(false);
            };
            sqlx::query(
                "UPDATE carers SET given_name = $1, family_name = $2, date_of_birth = $3, phone = $4,                  email = $5, details = $6, updated_at = $7 WHERE id = $8",
            )
            .bind(&u.given_name)
            .bind(&u.family_name)
            .bind(&u.date_of_birth)
            .bind(&u.phone)
            .bind(&u.email)
            .bind(&u.details)
            .bind(u.at)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
            insert_people_and_plan(&mut tx, id, &u.cared_for, u.emergency_plan.as_deref(), u.at).await?;
            for message in &u.outbox {
                outbox::insert_outbox(&mut tx, message, u.at).await?;
            }
            tx.commit().await.map_err(unavailable)?;
            Ok(true)
        }

        pub async fn withdraw_carer(
            pool: &Pool<Db>,
            reference: &str,
            at: i64,
            messages: &[NewOutboxMessage],
        ) -> StoreResult<bool> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            let Some(id) = registered_id_cleared(&mut tx, reference).await? else {
                tx.rollback().await.map_err(unavailable)?;
                return Ok(false);
            };
            // What was sent or waiting about this registration goes with it; the messages
            // about leaving (written below) are the only ones left.
            outbox::redact_outbox_of(&mut tx, reference, at).await?;
            sqlx::query(
                "UPDATE carers SET status = 'withdrawn', given_name = '', family_name = '',                  date_of_birth = '', phone = '', email = '', details = '{}', request_body = '{}',                  updated_at = $1 WHERE id = $2",
            )
            .bind(at)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
            for message in messages {
                outbox::insert_outbox(&mut tx, message, at).await?;
            }
            tx.commit().await.map_err(unavailable)?;
            Ok(true)
        }

        pub async fn load_carer(pool: &Pool<Db>, reference: &str) -> StoreResult<Option<StoredCarer>> {
            type Row = (i64, String, String, String, String, String, i64, Option<i64>);
            let row: Option<Row> = sqlx::query_as(
                "SELECT id, status, given_name, family_name, date_of_birth, details, registered_at, reviewed_at \
                 FROM carers WHERE reference = $1",
            )
            .bind(reference)
            .fetch_optional(pool)
            .await
            .map_err(unavailable)?;
            let Some((id, status, given_name, family_name, date_of_birth, details, registered_at, reviewed_at)) = row else {
                return Ok(None);
            };
            let cared_for: Vec<(String, String, Option<String>, String)> = sqlx::query_as(
                "SELECT given_name, family_name, date_of_birth, relationship FROM carer_cared_for \
                 WHERE carer_id = $1 ORDER BY id",
            )
            .bind(id)
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            let plan: Option<(String,)> = sqlx::query_as("SELECT plan FROM carer_emergency_plans WHERE carer_id = $1")
                .bind(id)
                .fetch_optional(pool)
                .await
                .map_err(unavailable)?;
            Ok(Some(StoredCarer {
                reference: reference.to_owned(),
                status,
                given_name,
                family_name,
                date_of_birth,
                details,
                cared_for: cared_for
                    .into_iter()
                    .map(|(given_name, family_name, date_of_birth, relationship)| CaredForRecord {
                        given_name,
                        family_name,
                        date_of_birth,
                        relationship,
                    })
                    .collect(),
                emergency_plan: plan.map(|(p,)| p),
                registered_at,
                reviewed_at,
            }))
        }

        pub async fn mark_carer_reviewed(pool: &Pool<Db>, reference: &str, at: i64) -> StoreResult<bool> {
            let result = sqlx::query(
                "UPDATE carers SET reviewed_at = $1 WHERE reference = $2 AND status = 'registered' AND reviewed_at IS NULL",
            )
            .bind(at)
            .bind(reference)
            .execute(pool)
            .await
            .map_err(unavailable)?;
            Ok(result.rows_affected() == 1)
        }
    };
}

pub mod sqlite {
    carer_queries!(sqlx::Sqlite, crate::store::referral_queries::sqlite);
}

pub mod postgres {
    carer_queries!(sqlx::Postgres, crate::store::referral_queries::postgres);
}
