use std::process::ExitCode;

use clap::Parser;
use referendum_tracker::cli::{self, Cli};

/// Serving a cached page is mostly allocating and freeing small buffers;
/// mimalloc does that for about a third less CPU than glibc's malloc in the
/// benchmark (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            // Security events have their own target (`security`), which a
            // filter by crate would leave out.
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "referendum_tracker=info,security=info,tower_http=warn".into()),
        )
        // Colour codes only for a person at a terminal, never in a log file.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => return fail(&e),
    };
    match runtime.block_on(cli::run(args)) {
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
