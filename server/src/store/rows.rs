//! Row types shared by both backends: what a `SELECT` returns, turned into the store's structs.

use app::store::{FeedbackRecord, SessionRecord};
use sqlx::FromRow;

#[derive(FromRow)]
pub(super) struct FeedbackRow {
    id: i64,
    satisfaction: String,
    improvements: String,
    submitted_at: i64,
}

#[derive(FromRow)]
pub(super) struct SessionRow {
    id: String,
    data: String,
    expires_at: i64,
}

impl FeedbackRow {
    pub(super) fn into_record(self) -> FeedbackRecord {
        FeedbackRecord {
            id: self.id,
            satisfaction: self.satisfaction,
            improvements: self.improvements,
            submitted_at: self.submitted_at,
        }
    }
}

impl SessionRow {
    pub(super) fn into_record(self) -> SessionRecord {
        SessionRecord {
            id: self.id,
            data: self.data,
            expires_at: self.expires_at,
        }
    }
}
