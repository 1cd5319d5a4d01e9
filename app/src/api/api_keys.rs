//! Keys for the partner API (`POST /api/v1/referrals` and `/api/v1/carers`): made on the
//! server's command line or by administrators in the back office, shown once, kept only as a
//! SHA-256 hash (a key is 160 random bits, so a fast hash is enough), and revoked there. A
//! key's name is the channel staff see on what came through it.

use sha2::{Digest, Sha256};

use crate::store::{ApiKey, Store, StoreError};

/// What every key starts with, so a leaked one is recognisable in a scan.
pub const KEY_PREFIX: &str = "ascp_";
/// The longest name a key may have.
pub const NAME_MAX: usize = 60;

/// A new key and the hash kept of it.
pub fn new_key() -> Result<(String, String), String> {
    let mut random = [0u8; 20];
    getrandom::fill(&mut random).map_err(|e| e.to_string())?;
    let key = format!("{KEY_PREFIX}{}", hex::encode(random));
    let hash = key_hash(&key);
    Ok((key, hash))
}

pub fn key_hash(key: &str) -> String {
    hex::encode(Sha256::digest(
        format!("portal-api-key:{}", key.trim()).as_bytes(),
    ))
}

/// A key's name: 1 to 60 characters, no hidden ones.
pub fn name_problem(name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        Some("Enter a name for the key, such as the partner's name".to_owned())
    } else if name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
        Some(format!(
            "The name must be {NAME_MAX} characters or fewer, with no hidden characters"
        ))
    } else {
        None
    }
}

/// What making a key can come to.
#[derive(Debug, thiserror::Error)]
pub enum CreateKeyError {
    #[error("{0}")]
    Invalid(String),
    #[error("There is already a key called that: choose another name")]
    NameTaken,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Makes a key called `name` (by `created_by`): the key itself, to be shown once.
pub async fn create_key(
    store: &dyn Store,
    name: &str,
    created_by: &str,
    now: i64,
) -> Result<String, CreateKeyError> {
    if let Some(problem) = name_problem(name) {
        return Err(CreateKeyError::Invalid(problem));
    }
    let (key, hash) = new_key().map_err(|e| StoreError::Unavailable(e.to_string()))?;
    match store
        .create_api_key(name.trim(), &hash, now, created_by)
        .await?
    {
        Some(_) => Ok(key),
        None => Err(CreateKeyError::NameTaken),
    }
}

/// The key a caller presented (`Authorization: Bearer <key>`), if it is known and not revoked.
pub async fn usable_key(store: &dyn Store, presented: &str) -> Result<Option<ApiKey>, StoreError> {
    if !presented.starts_with(KEY_PREFIX) || presented.len() > 200 {
        return Ok(None);
    }
    Ok(store
        .api_key_by_hash(&key_hash(presented))
        .await?
        .filter(|key| key.revoked_at.is_none()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_long_random_and_kept_only_as_hashes() {
        let (key, hash) = new_key().unwrap();
        let (other, _) = new_key().unwrap();
        assert!(key.starts_with(KEY_PREFIX) && key.len() == KEY_PREFIX.len() + 40);
        assert_ne!(key, other);
        assert_eq!(hash, key_hash(&key));
        assert!(!hash.contains(&key[KEY_PREFIX.len()..]));
    }

    #[test]
    fn names_are_checked() {
        assert!(name_problem("Care Line").is_none());
        assert!(name_problem("  ").is_some());
        assert!(name_problem(&"x".repeat(61)).is_some());
        assert!(name_problem("a\nb").is_some());
    }
}
