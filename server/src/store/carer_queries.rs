//! The carers' register queries, written once for both backends (the same SQL runs on
//! SQLite and PostgreSQL); a macro stamps out one module per database type, as for referrals.

macro_rules! carer_queries {
    ($db:ty, $outbox:path) => {
        use app::store::{
            CaredForRecord, CreateReferral, NewCarerRecord, ReferralReceipt, StoreResult,
            StoredCarer,
        };
        use sqlx::Pool;

        use $crate::store::unavailable;
        use $outbox as outbox;

        type Db = $db;

        pub async fn create_carer(pool: &Pool<Db>, c: &NewCarerRecord) -> StoreResult<CreateReferral> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            let inserted: Option<(i64,)> = sqlx::query_as(
                "INSERT INTO carers (reference, idempotency_key, request_body, channel, status, given_name, \
                 family_name, date_of_birth, phone, email, details, consent_given_at, registered_at, updated_at) \
                 VALUES ($1, $2, $3, $4, 'registered', $5, $6, $7, $8, $9, $10, $11, $11, $11) \
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
                        })
                    }
                    Some(_) => CreateReferral::KeyReused,
                    None => CreateReferral::ReferenceTaken,
                });
            };
            for person in &c.cared_for {
                sqlx::query(
                    "INSERT INTO carer_cared_for (carer_id, given_name, family_name, date_of_birth, relationship) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(id)
                .bind(&person.given_name)
                .bind(&person.family_name)
                .bind(&person.date_of_birth)
                .bind(&person.relationship)
                .execute(&mut *tx)
                .await
                .map_err(unavailable)?;
            }
            if let Some(plan) = &c.emergency_plan {
                sqlx::query("INSERT INTO carer_emergency_plans (carer_id, plan, updated_at) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(plan)
                    .bind(c.registered_at)
                    .execute(&mut *tx)
                    .await
                    .map_err(unavailable)?;
            }
            for message in &c.outbox {
                outbox::insert_outbox(&mut tx, message, c.registered_at).await?;
            }
            tx.commit().await.map_err(unavailable)?;
            Ok(CreateReferral::Created(ReferralReceipt {
                reference: c.reference.clone(),
                status: "received".to_owned(),
                submitted_at: c.registered_at,
            }))
        }

        pub async fn load_carer(pool: &Pool<Db>, reference: &str) -> StoreResult<Option<StoredCarer>> {
            let row: Option<(i64, String, String, String, String, String, i64)> = sqlx::query_as(
                "SELECT id, status, given_name, family_name, date_of_birth, details, registered_at \
                 FROM carers WHERE reference = $1",
            )
            .bind(reference)
            .fetch_optional(pool)
            .await
            .map_err(unavailable)?;
            let Some((id, status, given_name, family_name, date_of_birth, details, registered_at)) = row else {
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
            }))
        }
    };
}

pub mod sqlite {
    carer_queries!(sqlx::Sqlite, crate::store::referral_queries::sqlite);
}

pub mod postgres {
    carer_queries!(sqlx::Postgres, crate::store::referral_queries::postgres);
}
