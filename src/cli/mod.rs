//! The command line: one module per subcommand, and [`run`] to pick one.
//! `main` only parses the arguments and turns an error into the exit code.

mod audit;
mod data;
mod seed;
mod serve;
mod user;

use std::{error::Error, path::PathBuf};

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

pub use audit::AuditCommand;
pub use user::UserCommand;

use crate::{config::Options, storage::synthetic::SyntheticSize};

/// Follow a constitutional reform from announcement to law.
#[derive(Parser)]
#[command(name = "referendum-tracker", version)]
pub struct Cli {
    #[command(flatten)]
    pub options: Options,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the web site (the default when no subcommand is given).
    Serve,
    /// Apply pending database migrations.
    Migrate,
    /// Manage the accounts that can sign in to /admin.
    #[command(subcommand)]
    User(UserCommand),
    /// Take a consistent backup of the (live) SQLite database into FILE.
    Backup { file: PathBuf },
    /// Replace the SQLite database with a checked backup FILE.
    Restore {
        file: PathBuf,
        /// Replace a database that already holds data.
        #[arg(long)]
        force: bool,
    },
    /// Write the whole public site as static files into DIR.
    ExportStatic { dir: PathBuf },
    /// Check the audit trail.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Add a large, deterministic, clearly labelled test data set (past
    /// referendums with long histories) for measuring performance at scale.
    SeedSynthetic {
        /// The same seed always gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: i64,
        #[arg(long, default_value_t = 100)]
        referendums: i64,
        #[arg(long, default_value_t = 33)]
        amendments_per_referendum: i64,
        #[arg(long, default_value_t = 1000)]
        statements_per_announcement: i64,
        #[arg(long, default_value_t = 303)]
        events_per_amendment: i64,
    },
    /// Load the seed data; existing rows are kept, nothing is duplicated.
    Seed {
        /// Load status and timeline events only up to this date (YYYY-MM-DD),
        /// replaying the reform as it stood on that day.
        #[arg(long, value_parser = seed::parse_date)]
        until: Option<NaiveDate>,
    },
}

/// Runs the chosen subcommand (`serve` when none is given).
pub async fn run(cli: Cli) -> Result<(), Box<dyn Error>> {
    let Cli { options, command } = cli;
    let url = options.database_url.as_str();
    match command.unwrap_or(Command::Serve) {
        Command::Serve => serve::run(options.server_config()).await,
        Command::Migrate => data::migrate(url).await,
        Command::User(command) => user::run(url, command).await,
        Command::Backup { file } => data::backup(url, &file).await,
        Command::Restore { file, force } => data::restore(url, &file, force).await,
        Command::ExportStatic { dir } => data::export_static(options.export_config(), &dir).await,
        Command::Audit(command) => audit::run(url, command).await,
        Command::SeedSynthetic {
            seed,
            referendums,
            amendments_per_referendum,
            statements_per_announcement,
            events_per_amendment,
        } => {
            let size = SyntheticSize {
                seed,
                referendums,
                amendments_per_referendum,
                statements_per_announcement,
                events_per_amendment,
            };
            seed::synthetic(url, size).await
        }
        Command::Seed { until } => seed::seed(url, until).await,
    }
}
