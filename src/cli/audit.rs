//! `audit`: checks on the audit trail.

use std::error::Error;

use clap::Subcommand;

use crate::{
    domain::audit::ChainError,
    storage::{PoolConfig, Storage},
};

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Verify the hash chain and its anchor; exits non-zero and names the
    /// first broken record if anything was altered, inserted or deleted,
    /// the newest records included.
    Verify {
        /// A head hash copied earlier (from /changes, a feed, or this
        /// command's output): the chain must still hold that record.
        #[arg(long, value_name = "HASH")]
        expect_head: Option<String>,
    },
}

pub(super) async fn run(database_url: &str, command: AuditCommand) -> Result<(), Box<dyn Error>> {
    match command {
        AuditCommand::Verify { expect_head } => {
            let storage = Storage::open(database_url, &PoolConfig::default()).await?;
            let count = storage.verify_audit_chain().await??;
            if let Some(hash) = expect_head.map(|h| h.trim().to_lowercase())
                && !storage.audit_chain_holds(&hash).await?
            {
                return Err(ChainError::Unknown(hash).into());
            }
            let head = storage.audit_head().await?;
            match head {
                Some(head) => println!("audit trail intact: {count} records, head {}", head.hash),
                None => println!("audit trail intact: {count} records"),
            }
        }
    }
    Ok(())
}
