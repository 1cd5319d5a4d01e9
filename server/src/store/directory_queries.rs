//! The directory's queries (Open Referral UK records), written once for both backends like
//! `referral_queries`: the same SQL runs on SQLite and PostgreSQL.

/// The filters of `ServiceQuery` over `directory_services s`, as parameters $1 to $13: the
/// backend's full-text expression for the words (matched in the search index, so the
/// directory finds what search finds), four term ids, taxonomy, town, suitable age, ORUK
/// minimum and maximum age, free only (0/1), organisation, modified after. `$words_match` is
/// the backend's `SELECT key FROM search_index WHERE ... $1`.
macro_rules! service_filter {
    ($words_match:literal) => {
        concat!(
            " WHERE ($1 IS NULL OR s.id IN (",
            $words_match,
            ")) \
           AND ($2 IS NULL OR EXISTS (SELECT 1 FROM directory_service_terms t WHERE t.service_id = s.id AND t.taxonomy_term_id = $2)) \
           AND ($3 IS NULL OR EXISTS (SELECT 1 FROM directory_service_terms t WHERE t.service_id = s.id AND t.taxonomy_term_id = $3)) \
           AND ($4 IS NULL OR EXISTS (SELECT 1 FROM directory_service_terms t WHERE t.service_id = s.id AND t.taxonomy_term_id = $4)) \
           AND ($5 IS NULL OR EXISTS (SELECT 1 FROM directory_service_terms t WHERE t.service_id = s.id AND t.taxonomy_term_id = $5)) \
           AND ($6 IS NULL OR EXISTS (SELECT 1 FROM directory_service_terms t JOIN directory_taxonomy_terms tt ON tt.id = t.taxonomy_term_id \
                                        WHERE t.service_id = s.id AND tt.taxonomy_id = $6)) \
           AND ($7 IS NULL OR EXISTS (SELECT 1 FROM directory_service_at_locations l WHERE l.service_id = s.id AND l.town = $7)) \
           AND ($8 IS NULL OR ((s.minimum_age IS NULL OR s.minimum_age <= $8) AND (s.maximum_age IS NULL OR s.maximum_age >= $8))) \
           AND ($9 IS NULL OR s.minimum_age >= $9) \
           AND ($10 IS NULL OR s.maximum_age <= $10) \
           AND ($11 = 0 OR s.free = 1) \
           AND ($12 IS NULL OR s.organization_id = $12) \
           AND ($13 IS NULL OR s.last_modified >= $13) "
        )
    };
}

/// Binds a `ServiceQuery`'s filters as $1 to $13; `$expression` turns its canonical words
/// into the backend's full-text expression.
macro_rules! bind_service_filter {
    ($query:expr, $q:expr, $expression:path) => {{
        let q: &ServiceQuery = $q;
        let term = |i: usize| q.term_ids.get(i).cloned();
        $query
            .bind((!q.words.is_empty()).then(|| $expression(&q.words)))
            .bind(term(0))
            .bind(term(1))
            .bind(term(2))
            .bind(term(3))
            .bind(q.taxonomy_id.clone())
            .bind(q.town.clone())
            .bind(q.suitable_for_age)
            .bind(q.minimum_age_at_least)
            .bind(q.maximum_age_at_most)
            .bind(i64::from(q.free_only))
            .bind(q.organization_id.clone())
            .bind(q.modified_after)
    }};
}

macro_rules! directory_queries {
    ($db:ty, $words_match:literal, $expression:path) => {
        use app::store::{
            DirectoryRecords, DocumentPage, SearchDocument, ServiceQuery, StoreResult, TermCount,
        };
        use sqlx::{Pool, Transaction};

        use $crate::store::unavailable;

        type Db = $db;

        pub async fn replace_directory(pool: &Pool<Db>, r: &DirectoryRecords) -> StoreResult<()> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            for table in [
                "directory_service_at_locations",
                "directory_service_terms",
                "directory_services",
                "directory_organizations",
                "directory_taxonomy_terms",
                "directory_taxonomies",
            ] {
                sqlx::query(&format!("DELETE FROM {table}"))
                    .execute(&mut *tx)
                    .await
                    .map_err(unavailable)?;
            }
            for (position, t) in r.taxonomies.iter().enumerate() {
                sqlx::query("INSERT INTO directory_taxonomies (id, name, position, document) VALUES ($1, $2, $3, $4)")
                    .bind(&t.id)
                    .bind(&t.name)
                    .bind(position as i64)
                    .bind(&t.document)
                    .execute(&mut *tx)
                    .await
                    .map_err(unavailable)?;
            }
            for (position, t) in r.terms.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO directory_taxonomy_terms (id, taxonomy_id, code, name, position, document) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(&t.id)
                .bind(&t.taxonomy_id)
                .bind(&t.code)
                .bind(&t.name)
                .bind(position as i64)
                .bind(&t.document)
                .execute(&mut *tx)
                .await
                .map_err(unavailable)?;
            }
            for o in &r.organizations {
                sqlx::query("INSERT INTO directory_organizations (id, name, document) VALUES ($1, $2, $3)")
                    .bind(&o.id)
                    .bind(&o.name)
                    .bind(&o.document)
                    .execute(&mut *tx)
                    .await
                    .map_err(unavailable)?;
            }
            for s in &r.services {
                sqlx::query(
                    "INSERT INTO directory_services (id, organization_id, name, sort_name, status, description, \
                     minimum_age, maximum_age, free, assured_date, last_modified, document, list_document) \
                     VALUES ($1, $2, $3, $13, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                )
                .bind(&s.id)
                .bind(&s.organization_id)
                .bind(&s.name)
                .bind(&s.status)
                .bind(&s.description)
                .bind(s.minimum_age)
                .bind(s.maximum_age)
                .bind(i64::from(s.free))
                .bind(&s.assured_date)
                .bind(s.last_modified)
                .bind(&s.document)
                .bind(&s.list_document)
                .bind(sort_key(&s.name))
                .execute(&mut *tx)
                .await
                .map_err(unavailable)?;
                for term in &s.term_ids {
                    sqlx::query("INSERT INTO directory_service_terms (service_id, taxonomy_term_id) VALUES ($1, $2)")
                        .bind(&s.id)
                        .bind(term)
                        .execute(&mut *tx)
                        .await
                        .map_err(unavailable)?;
                }
                for l in &s.locations {
                    sqlx::query(
                        "INSERT INTO directory_service_at_locations (id, service_id, town, document) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(&l.id)
                    .bind(&s.id)
                    .bind(&l.town)
                    .bind(&l.document)
                    .execute(&mut *tx)
                    .await
                    .map_err(unavailable)?;
                }
            }
            replace_search_rows(&mut tx, "service", &r.search).await?;
            tx.commit().await.map_err(unavailable)
        }

        /// Replaces the search index's rows of one kind, inside the caller's transaction.
        async fn replace_search_rows(
            tx: &mut Transaction<'_, Db>,
            kind: &str,
            documents: &[SearchDocument],
        ) -> StoreResult<()> {
            sqlx::query("DELETE FROM search_index WHERE kind = $1")
                .bind(kind)
                .execute(&mut **tx)
                .await
                .map_err(unavailable)?;
            for d in documents {
                sqlx::query(
                    "INSERT INTO search_index (kind, key, title, summary, body, terms) VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(kind)
                .bind(&d.key)
                .bind(&d.title)
                .bind(&d.summary)
                .bind(&d.body)
                .bind(&d.terms)
                .execute(&mut **tx)
                .await
                .map_err(unavailable)?;
            }
            Ok(())
        }

        pub async fn replace_search_documents(
            pool: &Pool<Db>,
            kind: &str,
            documents: &[SearchDocument],
        ) -> StoreResult<()> {
            let mut tx = pool.begin().await.map_err(unavailable)?;
            replace_search_rows(&mut tx, kind, documents).await?;
            tx.commit().await.map_err(unavailable)
        }

        /// The name as both databases sort it the same way: lowercase letters, digits and single
        /// spaces (compared byte by byte: `C` collation on PostgreSQL, BINARY on SQLite).
        fn sort_key(name: &str) -> String {
            name.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        }

        fn page_of(total: i64, rows: Vec<(String,)>) -> DocumentPage {
            DocumentPage {
                total,
                documents: rows.into_iter().map(|(document,)| document).collect(),
            }
        }

        fn offset(page: i64, per_page: i64) -> i64 {
            (page.max(1) - 1).saturating_mul(per_page)
        }

        pub async fn find_services(pool: &Pool<Db>, q: &ServiceQuery) -> StoreResult<DocumentPage> {
            let (total,): (i64,) = bind_service_filter!(
                sqlx::query_as(concat!("SELECT COUNT(*) FROM directory_services s", service_filter!($words_match))),
                q,
                $expression
            )
            .fetch_one(pool)
            .await
            .map_err(unavailable)?;
            let rows: Vec<(String,)> = bind_service_filter!(
                sqlx::query_as(concat!(
                    "SELECT CASE WHEN $14 = 1 THEN s.document ELSE s.list_document END FROM directory_services s",
                    service_filter!($words_match),
                    "ORDER BY s.sort_name, s.id LIMIT $15 OFFSET $16"
                )),
                q,
                $expression
            )
            .bind(i64::from(q.full))
            .bind(q.per_page)
            .bind(offset(q.page, q.per_page))
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(page_of(total, rows))
        }

        pub async fn find_service_at_locations(
            pool: &Pool<Db>,
            q: &ServiceQuery,
        ) -> StoreResult<DocumentPage> {
            let (total,): (i64,) = bind_service_filter!(
                sqlx::query_as(concat!(
                    "SELECT COUNT(*) FROM directory_service_at_locations sal \
                     JOIN directory_services s ON s.id = sal.service_id",
                    service_filter!($words_match)
                )),
                q,
                $expression
            )
            .fetch_one(pool)
            .await
            .map_err(unavailable)?;
            let rows: Vec<(String,)> = bind_service_filter!(
                sqlx::query_as(concat!(
                    "SELECT sal.document FROM directory_service_at_locations sal \
                     JOIN directory_services s ON s.id = sal.service_id",
                    service_filter!($words_match),
                    "ORDER BY s.sort_name, sal.id LIMIT $14 OFFSET $15"
                )),
                q,
                $expression
            )
            .bind(q.per_page)
            .bind(offset(q.page, q.per_page))
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(page_of(total, rows))
        }

        async fn one(pool: &Pool<Db>, sql: &str, id: &str) -> StoreResult<Option<String>> {
            let row: Option<(String,)> = sqlx::query_as(sql)
                .bind(id)
                .fetch_optional(pool)
                .await
                .map_err(unavailable)?;
            Ok(row.map(|(d,)| d))
        }

        pub async fn service_document(pool: &Pool<Db>, id: &str) -> StoreResult<Option<String>> {
            one(pool, "SELECT document FROM directory_services WHERE id = $1", id).await
        }

        pub async fn service_at_location_document(
            pool: &Pool<Db>,
            id: &str,
        ) -> StoreResult<Option<String>> {
            one(
                pool,
                "SELECT s.document FROM directory_service_at_locations sal \
                 JOIN directory_services s ON s.id = sal.service_id WHERE sal.id = $1",
                id,
            )
            .await
        }

        pub async fn organization_document(pool: &Pool<Db>, id: &str) -> StoreResult<Option<String>> {
            one(pool, "SELECT document FROM directory_organizations WHERE id = $1", id).await
        }

        pub async fn taxonomy_document(pool: &Pool<Db>, id: &str) -> StoreResult<Option<String>> {
            one(pool, "SELECT document FROM directory_taxonomies WHERE id = $1", id).await
        }

        pub async fn taxonomy_term_document(pool: &Pool<Db>, id: &str) -> StoreResult<Option<String>> {
            one(pool, "SELECT document FROM directory_taxonomy_terms WHERE id = $1", id).await
        }

        pub async fn taxonomies(pool: &Pool<Db>, page: i64, per_page: i64) -> StoreResult<DocumentPage> {
            let (total,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM directory_taxonomies")
                .fetch_one(pool)
                .await
                .map_err(unavailable)?;
            let rows: Vec<(String,)> = sqlx::query_as(
                "SELECT document FROM directory_taxonomies ORDER BY position LIMIT $1 OFFSET $2",
            )
            .bind(per_page)
            .bind(offset(page, per_page))
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(page_of(total, rows))
        }

        pub async fn taxonomy_terms(
            pool: &Pool<Db>,
            taxonomy_id: Option<&str>,
            page: i64,
            per_page: i64,
        ) -> StoreResult<DocumentPage> {
            let (total,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM directory_taxonomy_terms WHERE ($1 IS NULL OR taxonomy_id = $1)",
            )
            .bind(taxonomy_id)
            .fetch_one(pool)
            .await
            .map_err(unavailable)?;
            let rows: Vec<(String,)> = sqlx::query_as(
                "SELECT document FROM directory_taxonomy_terms WHERE ($1 IS NULL OR taxonomy_id = $1) \
                 ORDER BY position LIMIT $2 OFFSET $3",
            )
            .bind(taxonomy_id)
            .bind(per_page)
            .bind(offset(page, per_page))
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(page_of(total, rows))
        }

        pub async fn directory_terms(pool: &Pool<Db>) -> StoreResult<Vec<TermCount>> {
            let rows: Vec<(String, Option<String>, String, String, i64)> = sqlx::query_as(
                "SELECT tt.id, tt.taxonomy_id, tt.code, tt.name, \
                 (SELECT COUNT(*) FROM directory_service_terms t WHERE t.taxonomy_term_id = tt.id) \
                 FROM directory_taxonomy_terms tt ORDER BY tt.position",
            )
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(rows
                .into_iter()
                .map(|(id, taxonomy_id, code, name, services)| TermCount {
                    id,
                    taxonomy_id,
                    code,
                    name,
                    services,
                })
                .collect())
        }

        pub async fn directory_towns(pool: &Pool<Db>) -> StoreResult<Vec<String>> {
            let rows: Vec<(String,)> = sqlx::query_as(
                "SELECT DISTINCT town FROM directory_service_at_locations ORDER BY town",
            )
            .fetch_all(pool)
            .await
            .map_err(unavailable)?;
            Ok(rows.into_iter().map(|(t,)| t).collect())
        }
    };
}

pub mod sqlite {
    directory_queries!(
        sqlx::Sqlite,
        "SELECT key FROM search_index WHERE kind = 'service' AND search_index MATCH $1",
        fts5_expression
    );

    /// FTS5's query syntax: each canonical word quoted, all required.
    pub fn fts5_expression(words: &[String]) -> String {
        words
            .iter()
            .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(" AND ")
    }
}

pub mod postgres {
    directory_queries!(
        sqlx::Postgres,
        "SELECT key FROM search_index WHERE kind = 'service' AND terms_vector @@ plainto_tsquery('simple', $1)",
        tsquery_words
    );

    /// The canonical words for `plainto_tsquery('simple', ...)`, which requires them all.
    pub fn tsquery_words(words: &[String]) -> String {
        words.join(" ")
    }
}
