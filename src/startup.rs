//! Builds the server once, for `main` and for the tests alike.

use std::{future::Future, net::SocketAddr};

use tokio::net::TcpListener;

use crate::{
    config::Config,
    seed::SeedData,
    storage::{Storage, StorageError},
    web,
};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
}

pub struct Application {
    listener: TcpListener,
    storage: Storage,
    config: Config,
}

impl Application {
    /// Connects, migrates, seeds an empty database and binds the listener
    /// (port 0 picks a free port). When this returns, the server is ready.
    pub async fn build(config: Config) -> Result<Self, StartupError> {
        let storage = Storage::open(&config.database_url, &config.pool).await?;
        let seeds = SeedData::embedded().map_err(StorageError::from)?;
        if let Some(report) = storage.seed_if_empty(&seeds).await? {
            tracing::info!(?report, "seeded an empty database");
        }
        // The official texts, also into a database seeded before they existed.
        let texts = storage
            .load_texts(crate::texts::Texts::shared().map_err(StorageError::from)?, &seeds.referendum.slug)
            .await?;
        if texts.documents_added > 0 || texts.points_added > 0 {
            tracing::info!(?texts, "loaded the official texts");
        }
        let listener = TcpListener::bind(&config.bind)
            .await
            .map_err(|source| StartupError::Bind { addr: config.bind.clone(), source })?;
        Ok(Self { listener, storage, config })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    pub fn storage(&self) -> &Storage {
        &self.storage
    }

    /// Serves until `shutdown` completes, then lets requests in flight finish
    /// (up to the configured grace period) and closes the pool.
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let router = web::router(web::app_state(self.storage.clone(), &self.config));
        let grace = self.config.shutdown_grace;
        let (stopping_tx, stopping_rx) = tokio::sync::oneshot::channel::<()>();
        let server = axum::serve(self.listener, router.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(async move {
                shutdown.await;
                let _ = stopping_tx.send(());
            });
        let mut server = std::pin::pin!(server.into_future());
        let result = tokio::select! {
            result = &mut server => result,
            _ = async {
                let _ = stopping_rx.await;
                tokio::time::sleep(grace).await;
            } => {
                tracing::warn!(?grace, "requests still in flight after the grace period; stopping anyway");
                Ok(())
            }
        };
        self.storage.close().await;
        result
    }
}
