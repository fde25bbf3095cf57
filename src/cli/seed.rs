//! `seed` and `seed-synthetic`: loading data.

use std::error::Error;

use chrono::NaiveDate;

use crate::{
    seed::SeedData,
    storage::{PoolConfig, Storage, synthetic::SyntheticSize},
};

pub(super) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("“{s}” is not a date in the form YYYY-MM-DD"))
}

pub(super) async fn seed(database_url: &str, until: Option<NaiveDate>) -> Result<(), Box<dyn Error>> {
    let storage = Storage::open(database_url, &PoolConfig::default()).await?;
    let data = SeedData::embedded()?;
    let report = storage.seed(&data, until).await?;
    storage.load_texts(crate::texts::Texts::shared()?, &data.referendum.slug).await?;
    println!(
        "seeded: {} status events and {} timeline events added{}",
        report.status_events_added,
        report.timeline_events_added,
        until.map(|d| format!(" (up to {d})")).unwrap_or_default()
    );
    Ok(())
}

/// Loads the real seed data first when the database is empty, so the
/// synthetic set sits beside the reform the site shows.
pub(super) async fn synthetic(database_url: &str, size: SyntheticSize) -> Result<(), Box<dyn Error>> {
    let storage = Storage::open(database_url, &PoolConfig::default()).await?;
    storage.seed_if_empty(&SeedData::embedded()?).await?;
    let started = std::time::Instant::now();
    let seed = size.seed;
    let report = storage.seed_synthetic(size).await?;
    println!(
        "synthetic data (seed {seed}) added in {:.1} s: {} referendums, {} amendments, {} statements, {} status events",
        started.elapsed().as_secs_f64(),
        report.referendums,
        report.amendments,
        report.statements,
        report.status_events
    );
    Ok(())
}
