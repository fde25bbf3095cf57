//! Storage tests, one module per aggregate, each run on SQLite and, when
//! `TEST_POSTGRES_URL` names a server, on PostgreSQL too. They call storage
//! directly: what a write stores, what it refuses (and that a refusal leaves
//! everything as it was), and that every write is one audit record and one
//! move of the data version.

mod accounts;
mod amendments;
mod provisions;
mod referendums;
mod timeline_and_more;

use chrono::NaiveDate;

use super::{DataState, PoolConfig, Storage};
use crate::{domain::Actor, seed::SeedData};

/// A fresh, migrated database of one backend, dropped afterwards.
pub(super) struct TestStore {
    pub storage: Storage,
    _dir: Option<tempfile::TempDir>,
    postgres: Option<(String, String)>,
}

impl TestStore {
    /// One store per backend under test, each migrated and seeded.
    pub async fn all() -> Vec<TestStore> {
        let mut stores = vec![Self::sqlite().await];
        if let Ok(server) = std::env::var("TEST_POSTGRES_URL")
            && !server.is_empty()
        {
            stores.push(Self::postgres(&server).await);
        }
        for store in &stores {
            store.storage.seed(&SeedData::embedded().expect("seed data"), None).await.expect("seed");
        }
        stores
    }

    async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let url = format!("sqlite://{}/storage.db", dir.path().display());
        let storage = Storage::open(&url, &PoolConfig::default()).await.expect("open SQLite");
        Self { storage, _dir: Some(dir), postgres: None }
    }

    async fn postgres(server: &str) -> Self {
        static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let name = format!(
            "storage_test_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        );
        psql(server, &format!("create database {name}"));
        let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
        let storage = Storage::open(&format!("{base}/{name}"), &PoolConfig::default()).await.expect("open PostgreSQL");
        Self { storage, _dir: None, postgres: Some((server.to_owned(), name)) }
    }

    pub fn backend_name(&self) -> &'static str {
        if self.postgres.is_some() { "PostgreSQL" } else { "SQLite" }
    }
}

impl Drop for TestStore {
    fn drop(&mut self) {
        if let Some((server, name)) = &self.postgres {
            psql(server, &format!("drop database if exists {name} with (force)"));
        }
    }
}

fn psql(server: &str, sql: &str) {
    let output = std::process::Command::new("psql").args([server, "-q", "-c", sql]).output().expect("psql runs");
    assert!(output.status.success(), "{sql}: {}", String::from_utf8_lossy(&output.stderr));
}

pub(super) fn editor() -> Actor {
    Actor { username: "editor".to_owned(), client_addr: Some("127.0.0.1".to_owned()) }
}

pub(super) fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

/// The number of audit records and the data version: what one write moves.
pub(super) async fn trail(storage: &Storage) -> (usize, DataState) {
    let records = storage.verify_audit_chain().await.expect("read").expect("the chain holds");
    (records, storage.data_state().await.expect("data state"))
}

/// Asserts that exactly one audit record was appended and the data version
/// moved once since `before`.
pub(super) async fn assert_one_change(storage: &Storage, before: (usize, DataState), what: &str) {
    let (records, data) = trail(storage).await;
    assert_eq!(records, before.0 + 1, "{what}: one audit record");
    assert_eq!(data.version, before.1.version + 1, "{what}: the data version moves once");
}

/// Asserts that nothing was written since `before`.
pub(super) async fn assert_unchanged(storage: &Storage, before: (usize, DataState), what: &str) {
    let (records, data) = trail(storage).await;
    assert_eq!(records, before.0, "{what}: no audit record");
    assert_eq!(data.version, before.1.version, "{what}: the data version stays");
}
