//! Making a staff account: its rules (a real email, a name, a role, a long enough password) and
//! its secrets (the argon2id hash, a new TOTP secret and ten recovery codes, shown once) for
//! `server staff create`; and an account waiting for its owner's enrolment link, for the
//! administrators' "Add a staff member" page.

use super::credentials::{
    hash_password, new_recovery_codes, new_totp_secret, otpauth_url, recovery_code_hash,
};
use crate::domain::problems::FieldErrors;
use crate::domain::staff::{normalise_email, password_problem, Role};
use crate::store::NewStaffAccount;

/// What the new staff member must be given, once: the authenticator secret and recovery codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolment {
    pub totp_secret: String,
    pub otpauth_url: String,
    pub recovery_codes: Vec<String>,
}

/// Checks the details and makes the account to store, with what to give the staff member.
/// Problems are per field (`email`, `name`, `role`, `password`), in the form's order.
pub fn new_account(
    email: &str,
    name: &str,
    role: &str,
    password: &str,
    now: i64,
) -> Result<(NewStaffAccount, Enrolment), FieldErrors> {
    let mut errors = FieldErrors::default();
    let details = checked_details(email, name, role, &mut errors);
    if let Err(problem) = password_problem(password) {
        errors.add("password", problem);
    }
    let (Some((email, name, role)), true) = (details, errors.is_empty()) else {
        return Err(errors);
    };
    let internal = |e: String| {
        let mut errors = FieldErrors::default();
        errors.add("email", format!("The account could not be made: {e}"));
        errors
    };
    let totp_secret = new_totp_secret();
    let recovery_codes = new_recovery_codes().map_err(internal)?;
    let account = NewStaffAccount {
        email: email.clone(),
        name,
        role: role.code().to_owned(),
        password_hash: hash_password(password).map_err(internal)?,
        totp_secret: totp_secret.clone(),
        recovery_code_hashes: recovery_codes
            .iter()
            .map(|c| recovery_code_hash(c))
            .collect(),
        created_at: now,
    };
    let otpauth_url = otpauth_url(&totp_secret, &email)
        .ok_or_else(|| internal("could not make the authenticator address".into()))?;
    Ok((
        account,
        Enrolment {
            totp_secret,
            otpauth_url,
            recovery_codes,
        },
    ))
}

/// A new account's email (normalised), name and role, or their problems added to `errors`.
fn checked_details(
    email: &str,
    name: &str,
    role: &str,
    errors: &mut FieldErrors,
) -> Option<(String, String, Role)> {
    let email = normalise_email(email);
    errors.take(
        "email",
        crate::domain::checks::email_address(
            &email,
            "Enter an email address in the correct format, like name@example.gov.uk",
        ),
    );
    let name = errors.take(
        "name",
        crate::domain::checks::required_text(name, 100, "Enter their full name", "Their name"),
    );
    let role = errors.take(
        "role",
        Role::parse(role).ok_or_else(|| "Select a role".to_owned()),
    );
    Some((email, name?, role?))
}

/// A password hash nothing matches: an account waiting for its enrolment link cannot be
/// signed in to.
pub const NO_PASSWORD: &str = "!";

/// Checks the details and makes an account that waits for its owner to set their own password
/// and authenticator through an enrolment link (the administrator who makes it never sees a
/// secret). Problems are per field (`email`, `name`, `role`).
pub fn awaiting_enrolment(
    email: &str,
    name: &str,
    role: &str,
    now: i64,
) -> Result<NewStaffAccount, FieldErrors> {
    let mut errors = FieldErrors::default();
    let details = checked_details(email, name, role, &mut errors);
    let (Some((email, name, role)), true) = (details, errors.is_empty()) else {
        return Err(errors);
    };
    Ok(NewStaffAccount {
        email,
        name,
        role: role.code().to_owned(),
        password_hash: NO_PASSWORD.to_owned(),
        // Known to nobody; replaced when the owner enrols their own app.
        totp_secret: new_totp_secret(),
        recovery_code_hashes: Vec::new(),
        created_at: now,
    })
}

/// Every problem in one line, for the command line.
pub fn in_one_line(errors: &FieldErrors) -> String {
    errors
        .0
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
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
        assert!(short
            .message_for("password")
            .is_some_and(|m| m.contains("at least 12")));
        let all = new_account("", "", "", "", 0).unwrap_err();
        let fields: Vec<&str> = all.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "name", "role", "password"]);
    }

    #[test]
    fn an_account_awaiting_enrolment_cannot_be_signed_in_to() {
        let account =
            awaiting_enrolment("Bea@Example.gov.uk", "Bea Jones", "triage_officer", 5).unwrap();
        assert_eq!(account.email, "bea@example.gov.uk");
        assert_eq!(account.password_hash, NO_PASSWORD);
        assert!(account.recovery_code_hashes.is_empty());
        assert!(!super::super::credentials::verify_password(
            "!",
            Some(&account.password_hash)
        ));
        let all = awaiting_enrolment("", "", "", 0).unwrap_err();
        let fields: Vec<&str> = all.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "name", "role"]);
    }
}
