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

/// How many argon2 hashes may run at once: each takes 19 MiB and a core for a while, so a
/// flood of sign-ins must queue rather than take the server's memory and cores.
fn argon2_permits() -> &'static tokio::sync::Semaphore {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    PERMITS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        tokio::sync::Semaphore::new(cores.clamp(1, 4))
    })
}

/// Runs an argon2 job (hashing or checking a password) on a blocking thread, no more than a
/// few at once; `None` if it could not run.
pub async fn with_argon2<T: Send + 'static>(job: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let _permit = argon2_permits().acquire().await.ok()?;
    tokio::task::spawn_blocking(job).await.ok()
}

/// `verify_password` under the bound on concurrent argon2 work.
pub async fn verify_password_bounded(password: String, stored: Option<String>) -> bool {
    with_argon2(move || verify_password(&password, stored.as_deref()))
        .await
        .unwrap_or(false)
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
            crate::journeys::submission::constant_time_eq(expected.as_bytes(), code.as_bytes())
        })
}

/// The code for `now`: for tests and the browser specs' "authenticator app".
pub fn totp_code(secret_base32: &str, now: i64) -> Option<String> {
    totp(secret_base32, "").map(|t| t.generate(now as u64))
}

/// Letters and digits that do not look alike.
const CODE_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// Letters in a recovery code: 24 from 31 symbols is 118 bits, over the 112 bits NIST SP
/// 800-63B asks of a secret kept as a fast (SHA-256) hash.
const RECOVERY_CODE_LETTERS: usize = 24;

/// Ten recovery codes, as shown once to the staff member (`abcd-efgh-ijkl-mnop-qrst-uvwx`).
pub fn new_recovery_codes() -> Result<Vec<String>, String> {
    (0..RECOVERY_CODES)
        .map(|_| random_code(RECOVERY_CODE_LETTERS))
        .collect()
}

/// `letters` random letters and digits (none that look alike), each equally likely, in
/// groups of four joined by hyphens.
pub fn random_code(letters: usize) -> Result<String, String> {
    // Bytes at or over the largest multiple of the alphabet's size are drawn again, so no
    // letter is likelier than another.
    let unbiased_below = (256 / CODE_ALPHABET.len() * CODE_ALPHABET.len()) as u8;
    let mut chosen = Vec::with_capacity(letters);
    while chosen.len() < letters {
        let mut random = [0u8; 64];
        getrandom::fill(&mut random).map_err(|e| e.to_string())?;
        chosen.extend(
            random
                .iter()
                .filter(|b| **b < unbiased_below)
                .map(|b| CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()] as char)
                .take(letters - chosen.len()),
        );
    }
    Ok(chosen
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
    fn recovery_codes_carry_at_least_112_bits() {
        for code in new_recovery_codes().unwrap() {
            let letters = normalise_recovery_code(&code);
            assert!(
                letters.bytes().all(|b| CODE_ALPHABET.contains(&b)),
                "{code}"
            );
            let bits = letters.len() as f64 * (CODE_ALPHABET.len() as f64).log2();
            assert!(bits >= 112.0, "{code}: {bits} bits");
        }
    }

    #[test]
    fn random_codes_use_every_letter_evenly() {
        let code = random_code(31 * 400).unwrap().replace('-', "");
        for letter in CODE_ALPHABET {
            let seen = code.bytes().filter(|b| b == letter).count();
            assert!(
                (300..=500).contains(&seen),
                "{} seen {seen} times",
                *letter as char
            );
        }
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

/// The authenticator address for `secret` and `email` as an SVG QR code, without the XML
/// declaration (it goes inside an HTML page); `None` if either cannot be made.
pub fn authenticator_qr_svg(secret: &str, email: &str) -> Option<String> {
    use qrcode::render::svg;
    let otpauth = otpauth_url(secret, email)?;
    let code = qrcode::QrCode::new(otpauth.as_bytes()).ok()?;
    let made = code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    made.find("<svg").map(|start| made[start..].to_owned())
}
