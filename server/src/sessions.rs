//! tower-sessions' `SessionStore` over our `Store`, so sessions (and the drafts in them) live
//! in the same database as everything else and several instances share them.
use std::sync::Arc;

use app::store::{SessionRecord, Store};
use async_trait::async_trait;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result};
use tower_sessions::SessionStore;

/// Sessions in the store, each ending `idle` after it was last saved (the cookie itself lasts
/// for the browser session only, so the stored expiry is ours, not tower-sessions').
#[derive(Clone, Debug)]
pub struct StoreSessions {
    store: Arc<dyn Store>,
    idle: time::Duration,
}

impl StoreSessions {
    pub fn new(store: Arc<dyn Store>, idle: time::Duration) -> Self {
        Self { store, idle }
    }

    fn to_row(&self, record: &Record) -> Result<SessionRecord> {
        Ok(SessionRecord {
            id: record.id.to_string(),
            data: serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))?,
            expires_at: (OffsetDateTime::now_utc() + self.idle).unix_timestamp(),
        })
    }
}

fn from_row(row: SessionRecord) -> Result<Record> {
    Ok(Record {
        id: row
            .id
            .parse::<Id>()
            .map_err(|e| Error::Decode(e.to_string()))?,
        data: serde_json::from_str(&row.data).map_err(|e| Error::Decode(e.to_string()))?,
        expiry_date: OffsetDateTime::from_unix_timestamp(row.expires_at)
            .map_err(|e| Error::Decode(e.to_string()))?,
    })
}

fn backend(error: impl std::fmt::Display) -> Error {
    Error::Backend(error.to_string())
}

#[async_trait]
impl SessionStore for StoreSessions {
    async fn create(&self, record: &mut Record) -> Result<()> {
        loop {
            if self
                .store
                .create_session(&self.to_row(record)?)
                .await
                .map_err(backend)?
            {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> Result<()> {
        self.store
            .save_session(&self.to_row(record)?)
            .await
            .map_err(backend)
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let now = OffsetDateTime::now_utc().unix_timestamp();
        match self
            .store
            .load_session(&id.to_string(), now)
            .await
            .map_err(backend)?
        {
            Some(row) => from_row(row).map(Some),
            None => Ok(None),
        }
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        self.store
            .delete_session(&id.to_string())
            .await
            .map_err(backend)
    }
}
