//! `server staff create`: makes a staff account from the command line (the first
//! administrator's, on a new installation), reading the password from standard input and
//! printing the authenticator app's QR code, its secret and the recovery codes, once; and
//! `server staff deactivate` / `reactivate`.

use std::io::BufRead;

use app::api::staff::accounts::{in_one_line, new_account};
use app::store::Store;
use qrcode::render::unicode::Dense1x2;
use qrcode::QrCode;

pub async fn create_from_stdin(
    store: &dyn Store,
    email: &str,
    name: &str,
    role: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    eprintln!("Type the password (at least 12 characters) and press Enter:");
    let mut password = String::new();
    std::io::stdin().lock().read_line(&mut password)?;
    let password = password.trim_end_matches(['\r', '\n']);
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let (account, enrolment) =
        new_account(email, name, role, password, now).map_err(|e| in_one_line(&e))?;
    if !store.create_staff_account(&account).await? {
        return Err(format!("there is already an account for {}", account.email).into());
    }
    tracing::info!(role = %account.role, "staff account created");
    if let Ok(code) = QrCode::new(enrolment.otpauth_url.as_bytes()) {
        println!("Scan this with the authenticator app:\n");
        println!("{}", code.render::<Dense1x2>().quiet_zone(true).build());
    }
    println!("Created {} ({})", account.email, account.role);
    println!("Authenticator address: {}", enrolment.otpauth_url);
    println!("TOTP secret: {}", enrolment.totp_secret);
    println!("Recovery codes (each works once; keep them somewhere safe):");
    for code in &enrolment.recovery_codes {
        println!("  {code}");
    }
    Ok(())
}

/// Deactivates or reactivates the account with this email, and audits it as the command line.
pub async fn set_active(
    store: &dyn Store,
    email: &str,
    active: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    let email = app::domain::staff::normalise_email(email);
    let account = store
        .staff_account_by_email(&email)
        .await?
        .ok_or_else(|| format!("there is no staff account for {email}"))?;
    store.set_staff_active(account.id, active).await?;
    let action = if active {
        "reactivate_staff"
    } else {
        "deactivate_staff"
    };
    store
        .record_audit(&app::store::AuditEntry {
            at: time::OffsetDateTime::now_utc().unix_timestamp(),
            actor: "admin command".into(),
            action: action.into(),
            subject: format!("staff:{}", account.email),
            detail: String::new(),
            client: "command line".into(),
        })
        .await?;
    println!(
        "{} is now {}",
        account.email,
        if active { "active" } else { "deactivated" }
    );
    Ok(())
}

/// `server api-key create --name NAME`: prints the key once (`key: ...`), audited.
pub async fn create_api_key(
    store: &dyn Store,
    name: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let key = app::api::api_keys::create_key(store, name, COMMAND_LINE, now).await?;
    audit(store, "create_api_key", name.trim()).await?;
    println!(
        "Made the API key {:?}. It is shown this once; only a hash is kept.",
        name.trim()
    );
    println!("key: {key}");
    Ok(())
}

/// `server api-key revoke --name NAME`, audited.
pub async fn revoke_api_key(
    store: &dyn Store,
    name: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let key = store
        .api_keys()
        .await?
        .into_iter()
        .find(|k| k.name == name.trim())
        .ok_or_else(|| format!("there is no API key called {:?}", name.trim()))?;
    if !store
        .revoke_api_key(key.id, time::OffsetDateTime::now_utc().unix_timestamp())
        .await?
    {
        return Err(format!("the API key {:?} was revoked already", key.name).into());
    }
    audit(store, "revoke_api_key", &key.name).await?;
    println!("Revoked the API key {:?}", key.name);
    Ok(())
}

const COMMAND_LINE: &str = "command line";

async fn audit(
    store: &dyn Store,
    action: &str,
    detail: &str,
) -> Result<(), app::store::StoreError> {
    store
        .record_audit(&app::store::AuditEntry {
            at: time::OffsetDateTime::now_utc().unix_timestamp(),
            actor: "admin command".into(),
            action: action.into(),
            subject: String::new(),
            detail: detail.into(),
            client: COMMAND_LINE.into(),
        })
        .await
}
