//! The database as a whole: `migrate`, `backup`, `restore` and
//! `export-static`.

use std::{error::Error, path::Path};

use crate::{
    config::Config,
    seed::SeedData,
    storage::{PoolConfig, Storage, backup},
};

pub(super) async fn migrate(database_url: &str) -> Result<(), Box<dyn Error>> {
    Storage::open(database_url, &PoolConfig::default()).await?;
    println!("migrations applied");
    Ok(())
}

/// Only connects: a backup copies the database as it is, without
/// migrating it first.
pub(super) async fn backup(database_url: &str, file: &Path) -> Result<(), Box<dyn Error>> {
    let storage = Storage::connect(database_url, &PoolConfig::default()).await?;
    storage.backup(file).await?;
    println!("backup written to {}", file.display());
    Ok(())
}

/// Works on the file itself, with no connection: the URL only names it.
pub(super) async fn restore(database_url: &str, file: &Path, force: bool) -> Result<(), Box<dyn Error>> {
    let Some(target) = database_url.strip_prefix("sqlite://").or_else(|| database_url.strip_prefix("sqlite:")) else {
        return Err(backup::BackupError::NotSqlite.into());
    };
    let target = std::path::PathBuf::from(target.split('?').next().unwrap_or(target));
    let ended = backup::restore(file, &target, force).await?;
    println!(
        "restored {} into {}; {ended} sessions from the backup ended, so everyone signs in again",
        file.display(),
        target.display()
    );
    Ok(())
}

/// Seeds an empty database first, like `serve` does, so a fresh checkout
/// exports the real reform rather than an empty site.
pub(super) async fn export_static(config: Config, dir: &Path) -> Result<(), Box<dyn Error>> {
    let storage = Storage::open(&config.database_url, &PoolConfig::default()).await?;
    if let Some(report) = storage.seed_if_empty(&SeedData::embedded()?).await? {
        tracing::info!(?report, "seeded an empty database");
    }
    let files = crate::export::export(storage, &config, dir).await?;
    println!("exported {files} files to {}", dir.display());
    Ok(())
}
