//! The audit log for managers: who viewed or changed what, when and from where, newest first,
//! optionally for one reference, a page of older or newer entries at a time (keyset paging:
//! the log grows with every view). Reading the log is itself audited.

use crate::errors::PortalError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::StaffHeader;

pub const PER_PAGE: i64 = 50;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub when: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
    pub client: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    pub header: StaffHeader,
    /// The reference searched for, as typed.
    pub subject: String,
    pub lines: Vec<AuditLine>,
    /// How many entries there are for the reference searched for.
    pub total: Option<i64>,
    /// The cursors for older and newer entries, when there are any.
    pub older: Option<i64>,
    pub newer: Option<i64>,
}

#[server(endpoint = "staff/audit")]
pub async fn load_audit(
    #[server(default)] subject: String,
    #[server(default)] before: String,
    #[server(default)] after: String,
) -> Result<AuditView, PortalError> {
    use super::session::require_staff;
    use crate::api::context::{service_problem, store};
    use crate::domain::staff::Permission;
    use crate::store::AuditQuery;

    let user = require_staff(Some(Permission::ReadAudit)).await?;
    let store = store()?;
    let subject: String = subject.trim().chars().take(40).collect();
    let cursor = |text: &str| text.trim().parse::<i64>().ok().filter(|id| *id > 0);
    let (before, after) = (cursor(&before), cursor(&after));
    let found = store
        .audit_page(&AuditQuery {
            subject: (!subject.is_empty()).then(|| subject.to_uppercase()),
            before,
            after,
            per_page: PER_PAGE,
        })
        .await
        .map_err(service_problem)?;
    store
        .record_audit(&user.audit(
            "view_audit",
            &subject.to_uppercase(),
            &match (before, after) {
                (_, Some(id)) => format!("newer than {id}"),
                (Some(id), None) => format!("older than {id}"),
                (None, None) => "newest".to_owned(),
            },
        ))
        .await
        .map_err(service_problem)?;
    Ok(AuditView {
        header: StaffHeader::of(&user),
        lines: found
            .entries
            .into_iter()
            .map(|e| AuditLine {
                when: super::referral::describe_time(e.at),
                actor: e.actor,
                action: e.action,
                subject: e.subject,
                detail: e.detail,
                client: e.client,
            })
            .collect(),
        subject,
        total: found.total,
        older: found.older,
        newer: found.newer,
    })
}
