//! The audit log for managers: who viewed or changed what, when and from where, newest first,
//! optionally for one reference. Reading the log is itself audited.

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
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

#[server(endpoint = "staff/audit")]
pub async fn load_audit(
    #[server(default)] subject: String,
    #[server(default)] page: String,
) -> Result<AuditView, PortalError> {
    use super::session::require_staff;
    use crate::api::context::{service_problem, store};
    use crate::domain::staff::Permission;
    use crate::store::AuditQuery;

    let user = require_staff(Some(Permission::ReadAudit)).await?;
    let store = store()?;
    let subject: String = subject.trim().chars().take(40).collect();
    let page = page.trim().parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let found = store
        .audit_page(&AuditQuery {
            subject: (!subject.is_empty()).then(|| subject.to_uppercase()),
            page,
            per_page: PER_PAGE,
        })
        .await
        .map_err(service_problem)?;
    store
        .record_audit(&user.audit(
            "view_audit",
            &subject.to_uppercase(),
            &format!("page {page}"),
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
        page,
        pages: ((found.total + PER_PAGE - 1) / PER_PAGE).max(1),
    })
}
