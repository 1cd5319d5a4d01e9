//! Starts the portal: reads configuration, opens (and migrates) the store, serves until told
//! to stop, then finishes the requests in flight.
use std::sync::Arc;
use std::time::Duration;

use app::journeys::referral::service::{change_status, StatusUpdate};
use clap::Parser;
use server::cli::{ApiKeyCommand, Cli, Command, ReferralCommand, StaffCommand};
use server::config::Config;
use server::{delivery, router, store, telemetry, workers};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cli = Cli::parse();
    telemetry::init();
    let config = Config::from_env()?;
    let store = store::open(&config.database_url).await?;
    tracing::info!(backend = store.backend(), "store ready, migrations applied");
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config, store).await,
        Command::Referral(ReferralCommand::SetStatus {
            reference,
            status,
            outcome,
            note,
            visible,
            actor,
        }) => {
            let update = StatusUpdate {
                status: &status,
                outcome: outcome.as_deref(),
                event_outcome: None,
                note: &note,
                note_visible: visible,
            };
            change_status(
                &*store,
                &config.settings,
                time::OffsetDateTime::now_utc(),
                &reference,
                &update,
                &actor,
            )
            .await?;
            println!("{} is now {status}", reference.trim());
            Ok(())
        }
        Command::ImportDirectory { file } => import_directory(&*store, &file).await,
        Command::PurgeExpired => {
            let report = server::retention::purge(&*store, &config.retention).await?;
            println!(
                "Anonymised {} closed referrals; expired {} undelivered messages; deleted {} delivered or expired messages, {} audit entries and {} integration receipts",
                report.referrals_anonymised,
                report.messages_expired,
                report.messages_deleted,
                report.audit_entries_deleted,
                report.receipts_deleted
            );
            Ok(())
        }
        Command::SeedDemo {
            referrals,
            carers,
            years,
            seed,
            if_empty,
        } => {
            let size = server::demo::DemoSize {
                referrals,
                carers,
                years,
                seed,
            };
            let now = time::OffsetDateTime::now_utc();
            let written = match server::demo::seed_demo(&*store, &config.settings, size, now).await
            {
                Err(server::demo::DemoError::NotEmpty) if if_empty => {
                    println!("The database already holds requests: no demo history written");
                    return Ok(());
                }
                written => written?,
            };
            println!(
                "Wrote {} past requests and {} carers' registrations",
                written.referrals, written.carers
            );
            Ok(())
        }
        Command::CheckIns => {
            let now = time::OffsetDateTime::now_utc();
            let sent = app::journeys::referral::check_ins::send_due_check_ins(
                &*store,
                &config.settings,
                now,
            )
            .await?;
            println!("Checked in on {sent} waiting requests");
            Ok(())
        }
        Command::Staff(StaffCommand::Create { email, name, role }) => {
            server::staff_admin::create_from_stdin(&*store, &email, &name, &role).await
        }
        Command::Staff(StaffCommand::Deactivate { email }) => {
            server::staff_admin::set_active(&*store, &email, false).await
        }
        Command::Staff(StaffCommand::Reactivate { email }) => {
            server::staff_admin::set_active(&*store, &email, true).await
        }
        Command::ApiKey(ApiKeyCommand::Create { name }) => {
            server::staff_admin::create_api_key(&*store, &name).await
        }
        Command::ApiKey(ApiKeyCommand::Revoke { name }) => {
            server::staff_admin::revoke_api_key(&*store, &name).await
        }
    }
}

/// `server import-directory FILE`: all of the feed, or none of it.
async fn import_directory(
    store: &dyn app::store::Store,
    file: &std::path::Path,
) -> Result<(), Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("could not read {}: {e}", file.display()))?;
    let feed: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", file.display()))?;
    let today = app::domain::office_hours::uk_local(time::OffsetDateTime::now_utc()).date();
    match server::directory::import::check_feed(&feed, today) {
        Err(rejections) => {
            for rejection in &rejections {
                eprintln!("Rejected {rejection}");
            }
            Err(format!(
                "nothing was imported: {} record(s) rejected (reasons above)",
                rejections.len()
            )
            .into())
        }
        Ok(records) => {
            store.replace_directory(&records).await?;
            println!(
                "Imported {} services from {} organisations, with {} taxonomy terms in {} taxonomies",
                records.services.len(),
                records.organizations.len(),
                records.terms.len(),
                records.taxonomies.len()
            );
            Ok(())
        }
    }
}

/// Runs the portal and its background workers until Ctrl-C or SIGTERM.
async fn serve(
    config: Config,
    store: Arc<dyn app::store::Store>,
) -> Result<(), Box<dyn std::error::Error>> {
    // The guidance compiled into this binary is checked once, before anyone can read it.
    if let Err(problems) = app::content::guidance() {
        for problem in problems {
            tracing::error!(%problem, "guidance content");
        }
        return Err("the guidance content is not valid (see the errors above)".into());
    }
    server::search_index::index_guidance(&*store).await?;
    workers::spawn_session_sweeper(store.clone(), Duration::from_secs(600));
    workers::spawn_check_ins(
        store.clone(),
        config.settings.clone(),
        Duration::from_secs(3600),
    );
    server::retention::spawn_worker(store.clone(), config.retention, Duration::from_secs(3600));
    let email = delivery::email::EmailSender::new(
        &config.mail_from,
        config.smtp_url.as_deref(),
        &config.mail_dir,
    )?;
    delivery::spawn_worker(store.clone(), Arc::new(email), Duration::from_secs(2));
    match &config.events_url {
        Some(url) => {
            let events = delivery::events::EventSender::new(url, &config.events_secret)?;
            delivery::spawn_worker(store.clone(), Arc::new(events), Duration::from_secs(2));
        }
        None => tracing::warn!(
            "PORTAL_EVENTS_URL is not set: case-management events wait in the outbox"
        ),
    }

    let app = router::build(&config, store);
    let listener = tokio::net::TcpListener::bind(config.site_addr).await?;
    tracing::info!("listening on http://{}", listener.local_addr()?);
    // TCP_NODELAY: a response written in more than one piece (a static file's headers, then
    // its body) must not wait for the client's delayed ACK (about 40 ms a request).
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::debug!(%error, "could not set TCP_NODELAY");
        }
    });
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    tracing::info!("stopped");
    Ok(())
}

/// Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
