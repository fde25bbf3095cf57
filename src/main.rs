use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use referendum_tracker::{
    Application,
    config::{Config, DEFAULT_BIND, DEFAULT_DATABASE_URL},
    i18n::Lang,
    seed::SeedData,
    storage::Storage,
};

/// Follow a constitutional reform from announcement to law.
#[derive(Parser)]
#[command(name = "referendum-tracker", version)]
struct Cli {
    /// Database URL: sqlite:PATH (created if missing) or postgres://…
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, global = true, hide_env_values = true)]
    database_url: String,

    /// Address the web server listens on.
    #[arg(long, env = "BIND_ADDR", default_value = DEFAULT_BIND, global = true)]
    bind: String,

    /// Interface language for visitors whose browser asks for none we have: kk, ru or en.
    #[arg(long, env = "DEFAULT_LANG", default_value = "kk", value_parser = parse_lang, global = true)]
    default_lang: Lang,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web site (the default when no subcommand is given).
    Serve,
    /// Apply pending database migrations.
    Migrate,
    /// Load the seed data; existing rows are kept, nothing is duplicated.
    Seed {
        /// Load status and timeline events only up to this date (YYYY-MM-DD),
        /// replaying the reform as it stood on that day.
        #[arg(long, value_parser = parse_date)]
        until: Option<NaiveDate>,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("“{s}” is not an interface language; use kk, ru or en"))
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("“{s}” is not a date in the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "referendum_tracker=info,tower_http=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => return fail(&e),
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e.as_ref()),
    }
}

/// One line, no backtrace: the error and its causes joined by colons.
fn fail(error: &dyn std::error::Error) -> ExitCode {
    let mut line = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !line.contains(&text) {
            line.push_str(": ");
            line.push_str(&text);
        }
        source = cause.source();
    }
    eprintln!("referendum-tracker: error: {}", line.replace('\n', " "));
    ExitCode::FAILURE
}

async fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    let database_url = cli.database_url;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let config = Config { default_lang: cli.default_lang, ..Config::new(cli.bind, database_url) };
            let app = Application::build(config).await?;
            tracing::info!(addr = %app.local_addr(), "serving");
            println!("referendum-tracker: listening on http://{}", app.local_addr());
            app.run(shutdown_signal()).await?;
        }
        Command::Migrate => {
            let storage = Storage::connect(&database_url, &Default::default()).await?;
            storage.migrate().await?;
            println!("migrations applied");
        }
        Command::Seed { until } => {
            let storage = Storage::connect(&database_url, &Default::default()).await?;
            storage.migrate().await?;
            let report = storage.seed(&SeedData::embedded()?, until).await?;
            println!(
                "seeded: {} status events and {} timeline events added{}",
                report.status_events_added,
                report.timeline_events_added,
                until.map(|d| format!(" (up to {d})")).unwrap_or_default()
            );
        }
    }
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM.
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
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
