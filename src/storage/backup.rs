//! Online backup and checked restore for SQLite. (PostgreSQL has pg_dump
//! and pg_restore; the README shows how.)

use std::path::{Path, PathBuf};

use super::{Db, Storage, StorageError};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("backup and restore work on SQLite; for PostgreSQL use pg_dump and pg_restore (see the README)")]
    NotSqlite,
    #[error("{0} already exists; choose a new file")]
    Exists(String),
    #[error("{0} is not a tracker database: {1}")]
    NotABackup(String, String),
    #[error("the database at {0} holds data; add --force to replace it")]
    WouldOverwrite(String),
    #[error("cannot write {0}: {1}")]
    Io(String, std::io::Error),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl From<sqlx::Error> for BackupError {
    fn from(e: sqlx::Error) -> Self {
        BackupError::Storage(e.into())
    }
}

impl Storage {
    /// A consistent copy of the live database, taken while it serves:
    /// `VACUUM INTO` reads one snapshot and writes a compact file.
    pub async fn backup(&self, target: &Path) -> Result<(), BackupError> {
        let Db::Sqlite(pool) = self.db() else { return Err(BackupError::NotSqlite) };
        if target.exists() {
            return Err(BackupError::Exists(target.display().to_string()));
        }
        sqlx::query("vacuum into $1").bind(target.display().to_string()).execute(pool).await?;
        super::files::make_private(target).map_err(|e| BackupError::Io(target.display().to_string(), e))?;
        Ok(())
    }

    /// The SQLite file this store uses, if it is one.
    pub fn sqlite_path(&self) -> Option<PathBuf> {
        match self.db() {
            Db::Sqlite(pool) => Some(pool.connect_options().get_filename().to_path_buf()),
            Db::Postgres(_) => None,
        }
    }
}

/// Checks that `file` is an intact tracker database.
pub async fn check_backup(file: &Path) -> Result<(), BackupError> {
    let name = file.display().to_string();
    if !file.is_file() {
        return Err(BackupError::NotABackup(name, "no such file".into()));
    }
    let pool = read_only(file).await.map_err(|e| BackupError::NotABackup(name.clone(), e.to_string()))?;
    let (integrity,): (String,) = sqlx::query_as("pragma integrity_check")
        .fetch_one(&pool)
        .await
        .map_err(|e| BackupError::NotABackup(name.clone(), e.to_string()))?;
    if integrity != "ok" {
        return Err(BackupError::NotABackup(name, format!("integrity check: {integrity}")));
    }
    let tables: Vec<(String,)> = sqlx::query_as(
        "select name from sqlite_master where type = 'table' and name in ('_sqlx_migrations', 'referendums', 'audit_log')",
    )
    .fetch_all(&pool)
    .await
    .map_err(|e| BackupError::NotABackup(name.clone(), e.to_string()))?;
    pool.close().await;
    if tables.len() != 3 {
        return Err(BackupError::NotABackup(name, "the tracker's tables are missing".into()));
    }
    Ok(())
}

/// Replaces the database at `target` with the checked backup `file`.
/// Restores `file` into `target`; returns how many sessions it ended.
pub async fn restore(file: &Path, target: &Path, force: bool) -> Result<u64, BackupError> {
    check_backup(file).await?;
    if target.exists() && !force {
        let has_data = match read_only(target).await {
            Ok(pool) => {
                let count: Result<(i64,), _> =
                    sqlx::query_as("select count(*) from referendums").fetch_one(&pool).await;
                pool.close().await;
                // A file that cannot be read as a tracker database is not replaced silently either.
                count.map(|(n,)| n > 0).unwrap_or(true)
            }
            Err(_) => true,
        };
        if has_data {
            return Err(BackupError::WouldOverwrite(target.display().to_string()));
        }
    }
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        super::files::private_folder(parent).map_err(|e| BackupError::Io(parent.display().to_string(), e))?;
    }
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", target.display()));
        if side.exists() {
            std::fs::remove_file(&side).map_err(|e| BackupError::Io(side.display().to_string(), e))?;
        }
    }
    let partial = PathBuf::from(format!("{}.restoring", target.display()));
    std::fs::copy(file, &partial).map_err(|e| BackupError::Io(partial.display().to_string(), e))?;
    super::files::make_private(&partial).map_err(|e| BackupError::Io(partial.display().to_string(), e))?;
    // Sessions in a backup belong to the past: ending them all means nobody
    // is signed in by a session that was ended (or stolen) since.
    let ended = end_sessions(&partial).await?;
    std::fs::rename(&partial, target).map_err(|e| BackupError::Io(target.display().to_string(), e))?;
    Ok(ended)
}

async fn end_sessions(file: &Path) -> Result<u64, BackupError> {
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(file);
    let pool = sqlx::sqlite::SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
    let ended = sqlx::query("delete from sessions").execute(&pool).await.map(|r| r.rows_affected());
    // Back to a single file before it is moved into place.
    let checkpoint = sqlx::query("pragma wal_checkpoint(truncate)").execute(&pool).await;
    pool.close().await;
    checkpoint?;
    Ok(ended?)
}

async fn read_only(file: &Path) -> Result<sqlx::SqlitePool, sqlx::Error> {
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(file).read_only(true);
    sqlx::sqlite::SqlitePoolOptions::new().max_connections(1).connect_with(options).await
}
