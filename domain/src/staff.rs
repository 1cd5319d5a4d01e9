//! The back office's roles and what each may do: the one place that decides who sees which
//! records (least privilege: special category data is seen only by those whose work needs it),
//! and the rules for staff sessions' timeouts.

/// A staff member's role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The First Contact Team: triages requests for an assessment and carer's assessments.
    TriageOfficer,
    /// Looks after carers: carer's assessment requests.
    CarersLead,
    /// Sees everything the team sees, safeguarding concerns, the audit log, the dashboard, and
    /// answers subject access requests.
    Manager,
    /// Runs the service: staff accounts and integration health, but no residents' records.
    Admin,
}

/// Something a role may or may not do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// The queue and the records in it (of the kinds `Role::kinds` allows).
    WorkQueue,
    /// Safeguarding concerns, in their own urgent view.
    SeeSafeguarding,
    /// The emergency duty team's door: a carer's emergency plan by the card's reference.
    EmergencyLookup,
    /// The audit log.
    ReadAudit,
    /// The demand dashboard.
    SeeDashboard,
    /// The outbox's pending, failed and dead messages, and "retry now".
    IntegrationHealth,
    /// Create and deactivate staff accounts.
    ManageStaff,
    /// Everything held about one person (a subject access request), and erasure.
    SubjectAccess,
}

pub const ROLES: [Role; 4] = [
    Role::TriageOfficer,
    Role::CarersLead,
    Role::Manager,
    Role::Admin,
];

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::TriageOfficer => "triage_officer",
            Role::CarersLead => "carers_lead",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        ROLES.into_iter().find(|r| r.code() == code.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::TriageOfficer => "Triage officer",
            Role::CarersLead => "Carers lead",
            Role::Manager => "Manager",
            Role::Admin => "Administrator",
        }
    }

    pub fn may(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::TriageOfficer => matches!(permission, WorkQueue | EmergencyLookup),
            Role::CarersLead => matches!(permission, WorkQueue | EmergencyLookup),
            Role::Manager => !matches!(permission, ManageStaff),
            Role::Admin => matches!(permission, IntegrationHealth | ManageStaff),
        }
    }

    /// The kinds of record this role works on in the queue: referrals' kinds, and
    /// `carer_registration` for carers' registrations (safeguarding concerns only with
    /// `SeeSafeguarding`).
    pub fn kinds(self) -> &'static [&'static str] {
        match self {
            Role::TriageOfficer => &["assessment", "carer_assessment", "carer_registration"],
            Role::CarersLead => &["carer_assessment", "carer_registration"],
            Role::Manager => &[
                "assessment",
                "carer_assessment",
                "carer_registration",
                "safeguarding_concern",
            ],
            Role::Admin => &[],
        }
    }

    /// Whether this role may open a referral of `kind`.
    pub fn may_open(self, kind: &str) -> bool {
        self.kinds().contains(&kind)
    }
}

/// How long a staff session lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SessionLimits {
    /// Signed out after this long without a request.
    pub idle_seconds: i64,
    /// Signed out this long after signing in, however busy.
    pub absolute_seconds: i64,
}

impl Default for SessionLimits {
    fn default() -> Self {
        Self {
            idle_seconds: 30 * 60,
            absolute_seconds: 10 * 60 * 60,
        }
    }
}

/// Why a staff session is no longer good.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionEnd {
    Idle,
    Absolute,
}

impl SessionLimits {
    /// Whether a session signed in at `signed_in_at` and last used at `last_seen` is still
    /// good `now` (all unix seconds).
    pub fn check(self, signed_in_at: i64, last_seen: i64, now: i64) -> Result<(), SessionEnd> {
        if now - signed_in_at >= self.absolute_seconds {
            Err(SessionEnd::Absolute)
        } else if now - last_seen >= self.idle_seconds {
            Err(SessionEnd::Idle)
        } else {
            Ok(())
        }
    }

    /// When the session ends if nothing more happens: the earlier of the two limits.
    pub fn ends_at(self, signed_in_at: i64, last_seen: i64) -> i64 {
        (signed_in_at + self.absolute_seconds).min(last_seen + self.idle_seconds)
    }
}

/// The shortest password a staff account may have (NCSC: length over complexity rules).
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The longest: argon2 could take more, but nobody types more.
pub const MAX_PASSWORD_CHARS: usize = 200;

/// Why a new password will not do, if it will not.
pub fn password_problem(password: &str) -> Result<(), String> {
    let length = password.chars().count();
    if length < MIN_PASSWORD_CHARS {
        return Err(format!(
            "The password must be at least {MIN_PASSWORD_CHARS} characters"
        ));
    }
    if length > MAX_PASSWORD_CHARS {
        return Err(format!(
            "The password must be {MAX_PASSWORD_CHARS} characters or fewer"
        ));
    }
    Ok(())
}

/// Staff email addresses are compared in lower case, trimmed.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// What someone typed as an email, fit for the audit log: control characters (line breaks,
/// terminal escapes) shown as `�`, and no longer than an email address can be (254).
pub fn email_for_the_audit(typed: &str) -> String {
    typed
        .chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .take(254)
        .collect()
}

/// Tells whether what was typed as a second factor looks like a six-digit code (spaces
/// allowed, as authenticator apps show `123 456`); otherwise it is taken as a recovery code.
pub fn totp_digits(typed: &str) -> Option<String> {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    (digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// Recovery codes are compared without spaces or dashes, in lower case.
pub fn normalise_recovery_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The queue counts its lines up to this many, and pages no further: past it, staff narrow
/// the filters rather than page through years of closed requests.
pub const QUEUE_COUNT_CAP: i64 = 10_000;

#[cfg(test)]
mod tests {

    #[test]
    fn typed_emails_reach_the_audit_log_on_one_line() {
        assert_eq!(
            email_for_the_audit("a@b.example\n\u{1b}[31m"),
            "a@b.example\u{fffd}\u{fffd}[31m"
        );
        assert_eq!(email_for_the_audit(&"x".repeat(300)).len(), 254);
    }

    use super::*;

    #[test]
    fn roles_round_trip_through_their_codes() {
        for role in ROLES {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        assert_eq!(Role::parse("superuser"), None);
    }

    #[test]
    fn only_managers_see_safeguarding_the_audit_log_and_the_dashboard() {
        for role in ROLES {
            let manager = role == Role::Manager;
            assert_eq!(role.may(Permission::SeeSafeguarding), manager, "{role:?}");
            assert_eq!(role.may(Permission::ReadAudit), manager, "{role:?}");
            assert_eq!(role.may(Permission::SeeDashboard), manager, "{role:?}");
            assert_eq!(role.may(Permission::SubjectAccess), manager, "{role:?}");
            assert_eq!(role.may_open("safeguarding_concern"), manager, "{role:?}");
        }
    }

    #[test]
    fn admins_manage_the_service_but_open_no_records() {
        assert!(Role::Admin.may(Permission::ManageStaff));
        assert!(Role::Admin.may(Permission::IntegrationHealth));
        assert!(!Role::Admin.may(Permission::WorkQueue));
        assert!(!Role::Admin.may(Permission::EmergencyLookup));
        assert!(Role::Admin.kinds().is_empty());
        assert!(!Role::Manager.may(Permission::ManageStaff));
    }

    #[test]
    fn carers_leads_work_on_carers_assessments_only() {
        assert!(Role::CarersLead.may_open("carer_assessment"));
        assert!(!Role::CarersLead.may_open("assessment"));
        assert!(Role::TriageOfficer.may_open("assessment"));
        assert!(!Role::TriageOfficer.may_open("safeguarding_concern"));
    }

    #[test]
    fn sessions_end_when_idle_or_too_old() {
        let limits = SessionLimits {
            idle_seconds: 1800,
            absolute_seconds: 36_000,
        };
        assert_eq!(limits.check(0, 0, 1799), Ok(()));
        assert_eq!(limits.check(0, 0, 1800), Err(SessionEnd::Idle));
        assert_eq!(limits.check(0, 35_000, 35_999), Ok(()));
        assert_eq!(limits.check(0, 35_999, 36_000), Err(SessionEnd::Absolute));
        assert_eq!(limits.ends_at(0, 100), 1900);
        assert_eq!(limits.ends_at(0, 35_000), 36_000);
    }

    #[test]
    fn second_factors_are_read_forgivingly() {
        assert_eq!(totp_digits(" 123 456 "), Some("123456".into()));
        assert_eq!(totp_digits("12345"), None);
        assert_eq!(totp_digits("abcdef"), None);
        assert_eq!(normalise_recovery_code("AB12-cd34 EF"), "ab12cd34ef");
        assert_eq!(
            normalise_email(" Ann@Council.GOV.uk "),
            "ann@council.gov.uk"
        );
    }
}
