//! `serve`: the web site, until Ctrl-C or SIGTERM.

use std::error::Error;

use crate::{Application, config::Config};

pub(super) async fn run(config: Config) -> Result<(), Box<dyn Error>> {
    let app = Application::build(config).await?;
    tracing::info!(addr = %app.local_addr(), "serving");
    println!("referendum-tracker: listening on http://{}", app.local_addr());
    app.run(shutdown_signal()).await?;
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
