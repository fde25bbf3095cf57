//! The audit trail's hash chain. Each record's hash covers its content and
//! the previous record's hash, so altering, inserting or deleting a record
//! breaks every link after it.

use sha2::{Digest, Sha256};

/// The `prev_hash` of the first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields of an audit record that its hash covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditContent<'a> {
    pub recorded_at: &'a str,
    pub actor: &'a str,
    pub client_addr: Option<&'a str>,
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: &'a str,
    pub before_json: Option<&'a str>,
    pub after_json: Option<&'a str>,
    pub public: bool,
}

impl AuditContent<'_> {
    /// SHA-256 over the previous hash and every field, each length-prefixed
    /// so that no two different records serialise alike.
    pub fn hash(&self, prev_hash: &str) -> String {
        let mut hasher = Sha256::new();
        let mut field = |value: Option<&str>| match value {
            Some(v) => {
                hasher.update((v.len() as u64).to_be_bytes());
                hasher.update(v.as_bytes());
            }
            None => hasher.update(u64::MAX.to_be_bytes()),
        };
        field(Some(prev_hash));
        field(Some(self.recorded_at));
        field(Some(self.actor));
        field(self.client_addr);
        field(Some(self.action));
        field(Some(self.entity_type));
        field(Some(self.entity_id));
        field(self.before_json);
        field(self.after_json);
        field(Some(if self.public { "public" } else { "internal" }));
        hex::encode(hasher.finalize())
    }
}

/// A stored record, as `verify` reads it back.
pub struct StoredRecord<'a> {
    pub id: i64,
    pub content: AuditContent<'a>,
    pub prev_hash: &'a str,
    pub hash: &'a str,
}

/// The entity type of audit records about accounts: not content, shown to
/// admins only.
pub const USER_ENTITY: &str = "user";

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    #[error("audit record {id}: its content does not match its hash (altered)")]
    Altered { id: i64 },
    #[error("audit record {id}: it does not follow the record before it (inserted or deleted records)")]
    Broken { id: i64 },
    /// The chain is intact but shorter than (or ends elsewhere than) the head
    /// recorded beside it: its newest records were deleted.
    #[error(
        "the chain has {records} records but its anchor records {anchored} ending in {hash}: the newest were deleted or replaced"
    )]
    Truncated { records: usize, anchored: i64, hash: String },
    /// A head kept elsewhere names a record the chain no longer holds.
    #[error("no audit record has the hash {0}: records up to that copy of the head were deleted or replaced")]
    Unknown(String),
}

/// The end of the chain as recorded beside it: how many records, and the
/// newest one's hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub records: i64,
    pub hash: String,
}

/// Checks a verified chain of `records` ending in `last_hash` against its
/// recorded head.
pub fn check_head(records: usize, last_hash: Option<&str>, head: Option<&Head>) -> Result<(), ChainError> {
    match head {
        None if records == 0 => Ok(()),
        Some(head) if head.records == records as i64 && Some(head.hash.as_str()) == last_hash => Ok(()),
        None => Err(ChainError::Truncated { records, anchored: 0, hash: String::new() }),
        Some(head) => Err(ChainError::Truncated { records, anchored: head.records, hash: head.hash.clone() }),
    }
}

/// Walks the records in id order and names the first broken one.
pub fn verify<'a>(records: impl IntoIterator<Item = StoredRecord<'a>>) -> Result<usize, ChainError> {
    let mut expected_prev = GENESIS.to_owned();
    let mut count = 0;
    for record in records {
        if record.prev_hash != expected_prev {
            return Err(ChainError::Broken { id: record.id });
        }
        if record.content.hash(record.prev_hash) != record.hash {
            return Err(ChainError::Altered { id: record.id });
        }
        expected_prev = record.hash.to_owned();
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(action: &str) -> AuditContent<'_> {
        AuditContent {
            recorded_at: "2026-01-01T00:00:00.000000Z",
            actor: "editor",
            client_addr: Some("127.0.0.1"),
            action,
            entity_type: "amendment",
            entity_id: "15",
            before_json: None,
            after_json: Some("{}"),
            public: true,
        }
    }

    #[test]
    fn an_intact_chain_verifies_and_any_change_is_named() {
        let a = content("status");
        let b = content("edit");
        let ha = a.hash(GENESIS);
        let hb = b.hash(&ha);
        let chain = |b_content: AuditContent<'static>, b_prev: &'static str, b_hash: &'static str| {
            vec![
                StoredRecord {
                    id: 1,
                    content: content("status"),
                    prev_hash: GENESIS,
                    hash: Box::leak(ha.clone().into_boxed_str()),
                },
                StoredRecord { id: 2, content: b_content, prev_hash: b_prev, hash: b_hash },
            ]
        };
        let ha_s: &'static str = Box::leak(ha.clone().into_boxed_str());
        let hb_s: &'static str = Box::leak(hb.into_boxed_str());
        assert_eq!(verify(chain(content("edit"), ha_s, hb_s)), Ok(2));
        assert_eq!(verify(chain(content("forged"), ha_s, hb_s)), Err(ChainError::Altered { id: 2 }));
        assert_eq!(verify(chain(content("edit"), GENESIS, hb_s)), Err(ChainError::Broken { id: 2 }));
    }

    #[test]
    fn the_hash_separates_fields() {
        let mut one = content("ab");
        one.entity_type = "c";
        let mut two = content("a");
        two.entity_type = "bc";
        assert_ne!(one.hash(GENESIS), two.hash(GENESIS));
    }
}
