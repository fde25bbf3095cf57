//! `audit`: checks on the audit trail.

use std::error::Error;

use clap::Subcommand;

use crate::storage::{PoolConfig, Storage};

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Verify the hash chain; exits non-zero and names the first broken
    /// record if anything was altered, inserted or deleted.
    Verify,
}

pub(super) async fn run(database_url: &str, command: AuditCommand) -> Result<(), Box<dyn Error>> {
    match command {
        AuditCommand::Verify => {
            let storage = Storage::open(database_url, &PoolConfig::default()).await?;
            match storage.verify_audit_chain().await? {
                Ok(count) => println!("audit trail intact: {count} records"),
                Err(broken) => return Err(broken.into()),
            }
        }
    }
    Ok(())
}
