//! Making a staff account: its rules (a real email, a name, a role, a long enough password) and
//! its secrets (the argon2id hash, a new TOTP secret and ten recovery codes, shown once). Used
//! by `server staff create`; an administrator's page would use the same.

use super::credentials::{
    hash_password, new_recovery_codes, new_totp_secret, otpauth_url, recovery_code_hash,
    MIN_PASSWORD_CHARS,
};
use crate::domain::staff::{normalise_email, Role};
use crate::store::NewStaffAccount;

/// What the new staff member must be given, once: the authenticator secret and recovery codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolment {
    pub totp_secret: String,
    pub otpauth_url: String,
    pub recovery_codes: Vec<String>,
}

/// Checks the details and makes the account to store, with what to give the staff member.
pub fn new_account(
    email: &str,
    name: &str,
    role: &str,
    password: &str,
    now: i64,
) -> Result<(NewStaffAccount, Enrolment), String> {
    let email = normalise_email(email);
    crate::domain::checks::email_address(&email, "Enter a real email address")?;
    let name = crate::domain::checks::required_text(name, 100, "Enter a name", "The name")?;
    let role = Role::parse(role).ok_or_else(|| {
        "The role must be triage_officer, carers_lead, manager or admin".to_owned()
    })?;
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(format!(
            "The password must be at least {MIN_PASSWORD_CHARS} characters"
        ));
    }
    let totp_secret = new_totp_secret();
    let recovery_codes = new_recovery_codes()?;
    let account = NewStaffAccount {
        email: email.clone(),
        name,
        role: role.code().to_owned(),
        password_hash: hash_password(password)?,
        totp_secret: totp_secret.clone(),
        recovery_code_hashes: recovery_codes
            .iter()
            .map(|c| recovery_code_hash(c))
            .collect(),
        created_at: now,
    };
    let otpauth_url = otpauth_url(&totp_secret, &email).ok_or("could not make the TOTP address")?;
    Ok((
        account,
        Enrolment {
            totp_secret,
            otpauth_url,
            recovery_codes,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_keeps_hashes_never_the_secrets_typed() {
        let (account, enrolment) = new_account(
            " Ann@Example.GOV.uk ",
            "Ann Smith",
            "manager",
            "a long passphrase",
            5,
        )
        .unwrap();
        assert_eq!(account.email, "ann@example.gov.uk");
        assert_eq!(account.role, "manager");
        assert!(!account.password_hash.contains("a long passphrase"));
        assert_eq!(
            account.recovery_code_hashes.len(),
            enrolment.recovery_codes.len()
        );
        assert!(!account
            .recovery_code_hashes
            .contains(&enrolment.recovery_codes[0]));
        assert!(enrolment.otpauth_url.contains(&enrolment.totp_secret));
    }

    #[test]
    fn bad_details_are_refused_with_a_reason() {
        assert!(new_account("not-an-email", "Ann", "manager", "a long passphrase", 0).is_err());
        assert!(new_account("a@b.example", "", "manager", "a long passphrase", 0).is_err());
        assert!(new_account("a@b.example", "Ann", "superuser", "a long passphrase", 0).is_err());
        let short = new_account("a@b.example", "Ann", "manager", "short", 0).unwrap_err();
        assert!(short.contains("at least 12"), "{short}");
    }
}
