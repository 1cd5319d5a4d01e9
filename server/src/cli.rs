//! The server binary's commands: `server` (or `server serve`) runs the portal; the admin
//! commands work on the same database and configuration, for the council's operators (and
//! the tests): the first administrator's account is made here.

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "server", about = "The adult social care portal")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the portal (the default).
    Serve,
    /// Work on referrals.
    #[command(subcommand)]
    Referral(ReferralCommand),
    /// Replace the directory of community services with an Open Referral UK feed (a JSON
    /// object of taxonomies, taxonomy_terms, organizations and services). Every record is
    /// checked first; if any is rejected, nothing is imported and the reasons are listed.
    ImportDirectory {
        /// The feed, e.g. content/directory/exampleshire.json.
        file: std::path::PathBuf,
    },
    /// Apply the retention policy now (the server also does this every hour): anonymise
    /// closed referrals past their time, delete old delivered messages and audit entries.
    PurgeExpired,
    /// Send the "still waiting" emails due now (the server also does this every hour):
    /// every PORTAL_CHECK_IN_WEEKS weeks while a request is open, never about a
    /// safeguarding concern.
    CheckIns,
    /// Write a realistic, fictional history into an empty database, for demonstrations and
    /// benchmarks: requests over the last years with the week's and the year's rhythm and
    /// growth, every kind and route of access, waits, outcomes, notes and followers; and
    /// carers' registrations. Sends nothing. Refused when the database holds requests.
    SeedDemo {
        /// How many requests.
        #[arg(long, default_value_t = 3000)]
        referrals: usize,
        /// How many carers' registrations.
        #[arg(long, default_value_t = 200)]
        carers: usize,
        /// Over how many years, up to today.
        #[arg(long, default_value_t = 3)]
        years: i64,
        /// The same seed writes the same history (relative to today).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// When the database already holds requests, say so and succeed (for scripts/run.sh).
        #[arg(long)]
        if_empty: bool,
    },
    /// Work on back-office staff accounts.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// Work on the partner API's keys.
    #[command(subcommand)]
    ApiKey(ApiKeyCommand),
}

#[derive(Debug, Subcommand)]
pub enum ApiKeyCommand {
    /// Make a key for a partner (its name is the channel staff see). Prints the key once, on
    /// a line starting `key: `; only a hash of it is kept.
    Create {
        #[arg(long)]
        name: String,
    },
    /// Revoke a partner's key: calls with it are refused from now on.
    Revoke {
        #[arg(long)]
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Create a staff account. The password is read from standard input (one line, at least
    /// 12 characters), never from the command line. Prints the authenticator app's secret (as
    /// a QR code and text) and ten recovery codes: they are shown this once.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// triage_officer, carers_lead, manager or admin.
        #[arg(long)]
        role: String,
    },
    /// Deactivate a staff account: its sessions end on their next request, and it cannot sign
    /// in. Nothing is deleted (the audit log still names who did what).
    Deactivate {
        #[arg(long)]
        email: String,
    },
    /// Let a deactivated staff account sign in again.
    Reactivate {
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReferralCommand {
    /// Change a referral's status: records it in its history, emails the person and the
    /// people following it, and queues the case-management event.
    SetStatus {
        /// The reference, e.g. ASC-7K3M-9QX2-HD4P.
        reference: String,
        /// received, triage, assessment_arranged, assessment_completed or closed.
        status: String,
        /// With `closed`: support_arranged, information_and_advice, referred_elsewhere,
        /// no_further_action or withdrawn.
        #[arg(long)]
        outcome: Option<String>,
        /// A note about the change.
        #[arg(long, default_value = "")]
        note: String,
        /// Show the note to the resident and the people following the request.
        #[arg(long)]
        visible: bool,
        /// Who made the change, for the history (default "admin command").
        #[arg(long, default_value = "admin command")]
        actor: String,
    },
}
