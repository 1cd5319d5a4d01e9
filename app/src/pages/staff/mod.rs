//! The back office's pages under `/staff`: sign-in (password, then code), the queue and the
//! safeguarding view, a referral's record, a carer's registration, carers' emergency plans, the demand dashboard, the
//! audit log, subject access and erasure, integration health, staff accounts, and changing
//! one's own password. Plain forms and links:
//! every one works with HTML alone; GOV.UK Frontend's script focuses error summaries.

mod accounts_page;
mod api_keys_page;
mod audit_page;
mod carer_record_page;
mod dashboard_page;
mod emergency_page;
mod enrol_page;
mod forecast_section;
mod frame;
mod integration_page;
mod password_page;
mod queue_page;
mod record_page;
mod sign_in_pages;
mod subject_page;

pub use accounts_page::AccountsPage;
pub use api_keys_page::ApiKeysPage;
pub use audit_page::AuditPage;
pub use carer_record_page::CarerRecordPage;
pub use dashboard_page::DashboardPage;
pub use emergency_page::EmergencyPage;
pub use enrol_page::{EnrolPage, EnrolledPage};
pub use integration_page::IntegrationPage;
pub use password_page::{AuthenticatorPage, PasswordPage};
pub use queue_page::{QueuePage, SafeguardingPage};
pub use record_page::RecordPage;
pub use sign_in_pages::{CodePage, SignInPage};
pub use subject_page::SubjectAccessPage;
