//! What proves a staff member is who they say: argon2id password hashes, TOTP codes (RFC 6238,
//! SHA-1, 6 digits, 30 seconds, as every authenticator app expects) and one-time recovery
//! codes kept as SHA-256 hashes. Used by sign-in and by `server staff create`.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Secret, TOTP};

use crate::domain::staff::normalise_recovery_code;

/// How many recovery codes an account is given.
pub const RECOVERY_CODES: usize = 10;
const STEP_SECONDS: i64 = 30;

/// Argon2id with the crate's defaults (19 MiB, 2 passes: OWASP's recommendation).
pub fn hash_password(password: &str) -> Result<String, String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| e.to_string())?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| e.to_string())?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| e.to_string())
}

/// Checks a password against a stored hash. With no account (`None`), a dummy hash is checked
/// instead, so an unknown email takes as long as a wrong password.
pub fn verify_password(password: &str, stored: Option<&str>) -> bool {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash_password("not a real password").unwrap_or_default());
    let hash = stored.unwrap_or(dummy);
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let matches = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    matches && stored.is_some()
}

/// A new random TOTP secret (160 bits), base32 as the authenticator app is given it.
pub fn new_totp_secret() -> String {
    match Secret::generate_secret().to_encoded() {
        Secret::Encoded(text) => text,
        Secret::Raw(_) => unreachable!("to_encoded gives Encoded"),
    }
}

fn totp(secret_base32: &str, account: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_owned()).to_bytes().ok()?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP_SECONDS as u64,
        bytes,
        Some(crate::council::COUNCIL_NAME.replace(':', "")),
        account.to_owned(),
    )
    .ok()
}

/// The `otpauth://` address an authenticator app reads (from a QR code or pasted).
pub fn otpauth_url(secret_base32: &str, account: &str) -> Option<String> {
    totp(secret_base32, account).map(|t| t.get_url())
}

/// The 30-second step whose code `code` is, within one step either side of `now` (clocks
/// drift), or `None`. The caller must then accept each step only once.
pub fn matching_totp_step(secret_base32: &str, code: &str, now: i64) -> Option<i64> {
    let totp = totp(secret_base32, "")?;
    let current = now / STEP_SECONDS;
    [current, current - 1, current + 1]
        .into_iter()
        .filter(|step| *step > 0)
        .find(|step| {
            let expected = totp.generate((*step * STEP_SECONDS) as u64);
            crate::api::referral_service::constant_time_eq(expected.as_bytes(), code.as_bytes())
        })
}

/// The code for `now`: for tests and the browser specs' "authenticator app".
pub fn totp_code(secret_base32: &str, now: i64) -> Option<String> {
    totp(secret_base32, "").map(|t| t.generate(now as u64))
}

/// Ten recovery codes, as shown once to the staff member (`abcd-efgh-ijkl`).
pub fn new_recovery_codes() -> Result<Vec<String>, String> {
    (0..RECOVERY_CODES).map(|_| random_code(12)).collect()
}

/// `letters` random letters and digits (none that look alike), in groups of four joined by
/// hyphens.
pub fn random_code(letters: usize) -> Result<String, String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut random = vec![0u8; letters];
    getrandom::fill(&mut random).map_err(|e| e.to_string())?;
    let letters: Vec<char> = random
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    Ok(letters
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-"))
}

/// How a recovery code is stored and looked up.
pub fn recovery_code_hash(typed: &str) -> String {
    hex::encode(Sha256::digest(
        format!("portal-recovery:{}", normalise_recovery_code(typed)).as_bytes(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", Some(&hash)));
        assert!(!verify_password("correct horse batter", Some(&hash)));
        assert!(!verify_password("not a real password", None));
    }

    #[test]
    fn a_totp_code_matches_its_step_and_the_steps_either_side() {
        let secret = new_totp_secret();
        let now = 1_800_000_000;
        let code = totp_code(&secret, now).unwrap();
        assert_eq!(code.len(), 6);
        assert_eq!(matching_totp_step(&secret, &code, now), Some(now / 30));
        assert_eq!(matching_totp_step(&secret, &code, now + 30), Some(now / 30));
        assert_eq!(matching_totp_step(&secret, &code, now + 90), None);
        assert!(otpauth_url(&secret, "ann@example.gov.uk")
            .unwrap()
            .starts_with("otpauth://totp/"));
    }

    #[test]
    fn recovery_codes_are_distinct_and_forgiving_to_type() {
        let codes = new_recovery_codes().unwrap();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
        assert_eq!(
            recovery_code_hash(&codes[0]),
            recovery_code_hash(&codes[0].to_uppercase().replace('-', " "))
        );
    }
}
