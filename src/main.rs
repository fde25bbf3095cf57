use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use referendum_tracker::{
    Application,
    config::{Config, DEFAULT_BIND, DEFAULT_DATABASE_URL},
    domain::account::{Role, Username, check_new_password},
    i18n::Lang,
    passwords,
    seed::SeedData,
    storage::Storage,
    storage::{PoolConfig, audit::Actor},
};

/// Serving a cached page is mostly allocating and freeing small buffers;
/// mimalloc does that for about a third less CPU than glibc's malloc in the
/// benchmark (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

    /// The public address of the site; https makes the session cookie Secure.
    #[arg(long, env = "PUBLIC_URL", global = true)]
    public_url: Option<String>,

    /// Minutes without a request after which a session ends.
    #[arg(long, env = "SESSION_IDLE_MINUTES", default_value_t = 480, global = true)]
    session_idle_minutes: u64,

    /// Most database connections this instance opens.
    #[arg(long, env = "DB_MAX_CONNECTIONS", default_value_t = 8, global = true)]
    db_max_connections: u32,

    /// Seconds a request waits for a database connection before it gets 503.
    #[arg(long, env = "DB_ACQUIRE_TIMEOUT_SECS", default_value_t = 3, global = true)]
    db_acquire_timeout_secs: u64,

    /// Trust X-Forwarded-For from the reverse proxy for the client address.
    #[arg(long, env = "TRUST_FORWARDED_FOR", global = true, value_parser = clap::builder::BoolishValueParser::new(), num_args = 0..=1, default_missing_value = "true", default_value = "false")]
    trust_forwarded_for: bool,

    /// Public reads allowed per client address and minute (0: no limit).
    #[arg(long, env = "RATE_LIMIT_PER_MINUTE", default_value_t = 0, global = true)]
    rate_limit_per_minute: u32,

    /// Seconds after which a request still running gets 408.
    #[arg(long, env = "REQUEST_TIMEOUT_SECS", default_value_t = 30, global = true)]
    request_timeout_secs: u64,

    /// Requests served at once; more are answered 503 with Retry-After.
    #[arg(long, env = "MAX_CONCURRENT_REQUESTS", default_value_t = 512, global = true)]
    max_concurrent_requests: usize,

    /// Memory for rendered public pages, in MiB; 0 turns the page cache off.
    #[arg(long, env = "PAGE_CACHE_MIB", default_value_t = 32, global = true)]
    page_cache_mib: usize,

    /// Report each response's database round trips in a Server-Timing header.
    #[arg(long, env = "SERVER_TIMING", global = true)]
    server_timing: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web site (the default when no subcommand is given).
    Serve,
    /// Apply pending database migrations.
    Migrate,
    /// Manage the accounts that can sign in to /admin.
    #[command(subcommand)]
    User(UserCommand),
    /// Take a consistent backup of the (live) SQLite database into FILE.
    Backup { file: std::path::PathBuf },
    /// Replace the SQLite database with a checked backup FILE.
    Restore {
        file: std::path::PathBuf,
        /// Replace a database that already holds data.
        #[arg(long)]
        force: bool,
    },
    /// Write the whole public site as static files into DIR.
    ExportStatic { dir: std::path::PathBuf },
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
        #[arg(long, value_parser = parse_date)]
        until: Option<NaiveDate>,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account. The password is prompted for, or read from
    /// standard input with --password-stdin.
    Add {
        name: String,
        #[arg(long, value_parser = ["admin", "editor"])]
        role: String,
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the accounts.
    List,
    /// Disable an account and end its sessions.
    Disable { name: String },
    /// Set a new password and end the account's sessions.
    SetPassword {
        name: String,
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Verify the hash chain; exits non-zero and names the first broken
    /// record if anything was altered, inserted or deleted.
    Verify,
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
            let config = Config {
                default_lang: cli.default_lang,
                public_url: cli.public_url,
                session_idle: std::time::Duration::from_secs(cli.session_idle_minutes.max(1) * 60),
                trust_forwarded_for: cli.trust_forwarded_for,
                rate_limit_per_minute: cli.rate_limit_per_minute,
                request_timeout: std::time::Duration::from_secs(cli.request_timeout_secs.max(1)),
                max_concurrent_requests: cli.max_concurrent_requests.max(1),
                page_cache_bytes: cli.page_cache_mib.saturating_mul(1024 * 1024),
                server_timing: cli.server_timing,
                pool: PoolConfig {
                    max_connections: cli.db_max_connections.max(1),
                    acquire_timeout: std::time::Duration::from_secs(cli.db_acquire_timeout_secs.max(1)),
                },
                ..Config::new(cli.bind, database_url)
            };
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
        Command::User(command) => user_command(&database_url, command).await?,
        Command::Backup { file } => {
            let storage = Storage::connect(&database_url, &Default::default()).await?;
            storage.backup(&file).await?;
            println!("backup written to {}", file.display());
        }
        Command::Restore { file, force } => {
            let Some(target) = database_url.strip_prefix("sqlite://").or_else(|| database_url.strip_prefix("sqlite:"))
            else {
                return Err(referendum_tracker::storage::backup::BackupError::NotSqlite.into());
            };
            let target = std::path::PathBuf::from(target.split('?').next().unwrap_or(target));
            referendum_tracker::storage::backup::restore(&file, &target, force).await?;
            println!("restored {} into {}", file.display(), target.display());
        }
        Command::ExportStatic { dir } => {
            let storage = Storage::connect(&database_url, &Default::default()).await?;
            storage.migrate().await?;
            if let Some(report) = storage.seed_if_empty(&SeedData::embedded()?).await? {
                tracing::info!(?report, "seeded an empty database");
            }
            let config = Config {
                default_lang: cli.default_lang,
                public_url: cli.public_url,
                ..Config::new(cli.bind, database_url)
            };
            let files = referendum_tracker::export::export(storage, &config, &dir).await?;
            println!("exported {files} files to {}", dir.display());
        }
        Command::Audit(AuditCommand::Verify) => {
            let storage = Storage::connect(&database_url, &Default::default()).await?;
            storage.migrate().await?;
            match storage.verify_audit_chain().await? {
                Ok(count) => println!("audit trail intact: {count} records"),
                Err(broken) => return Err(broken.into()),
            }
        }
        Command::SeedSynthetic {
            seed,
            referendums,
            amendments_per_referendum,
            statements_per_announcement,
            events_per_amendment,
        } => {
            let storage = Storage::connect(&database_url, &Default::default()).await?;
            storage.migrate().await?;
            storage.seed_if_empty(&SeedData::embedded()?).await?;
            let started = std::time::Instant::now();
            let size = referendum_tracker::storage::synthetic::SyntheticSize {
                seed,
                referendums,
                amendments_per_referendum,
                statements_per_announcement,
                events_per_amendment,
            };
            let report = storage.seed_synthetic(size).await?;
            println!(
                "synthetic data (seed {seed}) added in {:.1} s: {} referendums, {} amendments, {} statements, {} status events",
                started.elapsed().as_secs_f64(),
                report.referendums,
                report.amendments,
                report.statements,
                report.status_events
            );
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

async fn user_command(database_url: &str, command: UserCommand) -> Result<(), Box<dyn std::error::Error>> {
    let storage = Storage::connect(database_url, &Default::default()).await?;
    storage.migrate().await?;
    let actor = Actor { username: "operator (command line)".to_owned(), client_addr: None };
    match command {
        UserCommand::Add { name, role, password_stdin } => {
            let username = Username::parse(&name)?;
            let role: Role = role.parse()?;
            let hash = new_password_hash(password_stdin)?;
            storage.create_user(&actor, &username, role, &hash).await?;
            println!("created {role} {}", username.as_str());
        }
        UserCommand::List => {
            for user in storage.users().await? {
                let state = if user.disabled { "disabled" } else { "active" };
                println!("{}\t{}\t{state}", user.username, user.role);
            }
        }
        UserCommand::Disable { name } => {
            storage.set_user_disabled(&actor, &name.to_lowercase(), true).await?;
            println!("disabled {name}; its sessions have ended");
        }
        UserCommand::SetPassword { name, password_stdin } => {
            let hash = new_password_hash(password_stdin)?;
            storage.set_password(&actor, &name.to_lowercase(), &hash, None).await?;
            println!("password set for {name}; its sessions have ended");
        }
    }
    Ok(())
}

/// Reads a new password (prompted twice without echo, or one line of
/// standard input), checks the policy and hashes it.
fn new_password_hash(from_stdin: bool) -> Result<String, Box<dyn std::error::Error>> {
    let password = if from_stdin {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    } else {
        let first = rpassword::prompt_password("New password: ")?;
        let second = rpassword::prompt_password("Repeat it: ")?;
        if first != second {
            return Err("the two passwords differ".into());
        }
        first
    };
    check_new_password(&password)?;
    Ok(passwords::hash_password(&password)?)
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
