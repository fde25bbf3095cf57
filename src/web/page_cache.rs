//! Rendered public responses kept in memory, so that a page is built once
//! per data version instead of once per request.
//!
//! Correctness rests on two checks made for every request:
//! - the entry was rendered at the current data version, read from the
//!   database by a query that *started after the request arrived* (see
//!   [`Freshness`]), so a write committed by any instance is seen at once;
//! - the entry was rendered on the current day, since pages show the
//!   tracker as of today and a dated event can take effect at midnight.
//!
//! The key is the host (absolute links are built from it when no public URL
//! is set) and the path with its query, which holds the language and
//! `as_of`: variants never mix. Gzip and brotli copies are made on first
//! demand and kept beside the original.

use std::{
    collections::{HashMap, VecDeque},
    io::Write,
    sync::{
        Arc, OnceLock, RwLock,
        atomic::{AtomicU64, Ordering},
    },
};

use axum::{
    body::Bytes,
    http::{HeaderMap, HeaderValue, header},
};
use chrono::NaiveDate;

use crate::storage::{DataState, Storage, StorageError};

/// Longest path and query that is cached; longer ones are served uncached.
const MAX_KEY_BYTES: usize = 1024;
/// Bodies smaller than this are not worth compressing.
const MIN_COMPRESSIBLE: usize = 512;

pub struct PageCache {
    entries: RwLock<Entries>,
    max_bytes: usize,
    freshness: Freshness,
    /// One lock per key being rendered, so that the requests that miss
    /// together (right after a write, say) wait for one rendering instead
    /// of each making their own.
    rendering: std::sync::Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// Renders at once. Rendering is CPU-bound, so more than a few at a
    /// time only adds memory (each holds its rows and its page) and latency.
    renders: tokio::sync::Semaphore,
}

#[derive(Default)]
struct Entries {
    map: HashMap<String, Arc<CachedPage>>,
    /// Insertion order, for evicting the oldest entry when full.
    order: VecDeque<String>,
    bytes: usize,
}

/// One rendered response and what it was rendered against.
pub struct CachedPage {
    pub version: i64,
    pub day: NaiveDate,
    /// The handler's headers (content type, ETag, Last-Modified, …).
    pub headers: HeaderMap,
    /// The strong validator of the uncompressed body, without quotes.
    pub etag: String,
    pub body: Bytes,
    gzip: OnceLock<Option<Bytes>>,
    brotli: OnceLock<Option<Bytes>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    /// The best encoding the client accepts: brotli, then gzip.
    pub fn negotiate(accept_encoding: Option<&HeaderValue>) -> Self {
        let Some(value) = accept_encoding.and_then(|v| v.to_str().ok()) else {
            return Encoding::Identity;
        };
        let accepts = |name: &str| {
            value.split(',').any(|item| {
                let mut parts = item.split(';');
                let coding = parts.next().unwrap_or_default().trim();
                let refused = parts.any(|p| {
                    p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()).is_some_and(|q| q <= 0.0)
                });
                coding.eq_ignore_ascii_case(name) && !refused
            })
        };
        if accepts("br") {
            Encoding::Brotli
        } else if accepts("gzip") {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }

    pub fn header_value(self) -> Option<HeaderValue> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some(HeaderValue::from_static("gzip")),
            Encoding::Brotli => Some(HeaderValue::from_static("br")),
        }
    }

    /// Appended to the ETag: each encoding is a different representation.
    pub fn etag_suffix(self) -> &'static str {
        match self {
            Encoding::Identity => "",
            Encoding::Gzip => "-gz",
            Encoding::Brotli => "-br",
        }
    }
}

impl CachedPage {
    pub fn new(version: i64, day: NaiveDate, headers: HeaderMap, body: Bytes) -> Self {
        let etag = etag_of(&body);
        Self { version, day, headers, etag, body, gzip: OnceLock::new(), brotli: OnceLock::new() }
    }

    pub fn is_compressible(&self) -> bool {
        self.body.len() >= MIN_COMPRESSIBLE
            && self.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| {
                t.starts_with("text/") || t.contains("json") || t.contains("xml") || t.contains("javascript")
            })
    }

    /// The body in the given encoding, compressed once on first demand; None
    /// when that encoding is not worth it for this body.
    pub fn encoded(&self, encoding: Encoding) -> Option<Bytes> {
        if encoding == Encoding::Identity {
            return Some(self.body.clone());
        }
        if !self.is_compressible() {
            return None;
        }
        let slot = match encoding {
            Encoding::Gzip => &self.gzip,
            _ => &self.brotli,
        };
        slot.get_or_init(|| compress(&self.body, encoding).filter(|c| c.len() < self.body.len())).clone()
    }

    fn size(&self) -> usize {
        // Leave room for the compressed copies, which come later.
        self.body.len() * 2 + 512
    }
}

/// A strong validator: the first 128 bits of the body's SHA-256, in hex.
pub fn etag_of(body: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(&Sha256::digest(body)[..16])
}

fn compress(body: &[u8], encoding: Encoding) -> Option<Bytes> {
    let mut out = Vec::with_capacity(body.len() / 3);
    match encoding {
        Encoding::Gzip => {
            let mut encoder = flate2::write::GzEncoder::new(&mut out, flate2::Compression::new(6));
            encoder.write_all(body).ok()?;
            encoder.finish().ok()?;
        }
        Encoding::Brotli => {
            // Quality 6 compresses a 50 kB page in about a millisecond and
            // gets within a few per cent of the slowest setting.
            let mut encoder = brotli::CompressorWriter::new(&mut out, 4096, 6, 22);
            encoder.write_all(body).ok()?;
            encoder.flush().ok()?;
        }
        Encoding::Identity => return None,
    }
    Some(Bytes::from(out))
}

impl PageCache {
    /// A cache holding at most `max_bytes` of pages; 0 turns caching off.
    pub fn new(max_bytes: usize) -> Self {
        Self {
            entries: RwLock::new(Entries::default()),
            max_bytes,
            freshness: Freshness::default(),
            rendering: std::sync::Mutex::default(),
            renders: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()).saturating_mul(2).max(2),
            ),
        }
    }

    /// Waits for a free rendering slot.
    pub async fn render_slot(&self) -> Option<tokio::sync::SemaphorePermit<'_>> {
        self.renders.acquire().await.ok()
    }

    /// Holds the right to render `key`; others wanting it wait, then find
    /// the page in the cache.
    pub async fn render_turn(&self, key: &str) -> tokio::sync::OwnedMutexGuard<()> {
        let lock = {
            let mut rendering = self.rendering.lock().unwrap_or_else(|e| e.into_inner());
            if rendering.len() > 4096 {
                rendering.retain(|_, lock| Arc::strong_count(lock) > 1);
            }
            rendering.entry(key.to_owned()).or_default().clone()
        };
        lock.lock_owned().await
    }

    pub fn enabled(&self) -> bool {
        self.max_bytes > 0
    }

    pub fn key(host: Option<&HeaderValue>, path_and_query: &str, lang: &str) -> Option<String> {
        let host = host.and_then(|h| h.to_str().ok()).unwrap_or_default();
        (host.len() + path_and_query.len() <= MAX_KEY_BYTES).then(|| format!("{host}\n{path_and_query}\n{lang}"))
    }

    /// The data state as of now; see [`Freshness`].
    pub async fn data_state(&self, storage: &Storage) -> Result<DataState, StorageError> {
        self.freshness.current(storage).await
    }

    /// The entry for `key`, if it was rendered at `version` on `day`.
    pub fn get(&self, key: &str, version: i64, day: NaiveDate) -> Option<Arc<CachedPage>> {
        let entries = self.entries.read().unwrap_or_else(|e| e.into_inner());
        entries.map.get(key).filter(|page| page.version == version && page.day == day).cloned()
    }

    pub fn insert(&self, key: String, page: CachedPage) {
        let size = page.size();
        if !self.enabled() || size > self.max_bytes / 4 {
            return;
        }
        let (version, day) = (page.version, page.day);
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        let Entries { map, order, bytes } = &mut *entries;
        match map.insert(key.clone(), Arc::new(page)) {
            Some(old) => *bytes -= old.size(),
            None => order.push_back(key),
        }
        *bytes += size;
        if *bytes > self.max_bytes {
            // Entries from an older data version or day are never served
            // again: drop those first, then the oldest, until it fits.
            map.retain(|_, page| {
                let current = page.version >= version && page.day == day;
                if !current {
                    *bytes -= page.size();
                }
                current
            });
            while *bytes > self.max_bytes {
                let Some(oldest) = order.pop_front() else { break };
                if let Some(page) = map.remove(&oldest) {
                    *bytes -= page.size();
                }
            }
            order.retain(|k| map.contains_key(k));
        }
    }
}

/// Reads the data version so that each reader gets a value read *after* it
/// asked, while one query serves every reader that arrived during the
/// previous one. Under load, that is one small query in flight at a time
/// instead of one per request; a quiet server reads once per request.
///
/// On SQLite, a cheaper test comes first: if the wal-index header, read
/// after the request arrived, is the one seen before the last version read,
/// nothing was committed since, and that read still holds.
#[derive(Default)]
struct Freshness {
    /// How many reads have started; a read's number is taken before it runs.
    started: AtomicU64,
    /// The latest finished read: its number and what it found.
    latest: tokio::sync::Mutex<Option<(u64, Option<DataState>)>>,
    /// A commit marker and a version read that began after it was seen.
    unchanged_since: std::sync::Mutex<Option<([u8; 48], DataState)>>,
}

impl Freshness {
    async fn current(&self, storage: &Storage) -> Result<DataState, StorageError> {
        let Some(marker) = storage.commit_marker() else {
            return self.read(storage).await;
        };
        if let Some((seen, state)) = *self.unchanged_since.lock().unwrap_or_else(|e| e.into_inner())
            && seen == marker
        {
            return Ok(state);
        }
        let state = self.read(storage).await?;
        *self.unchanged_since.lock().unwrap_or_else(|e| e.into_inner()) = Some((marker, state));
        Ok(state)
    }

    async fn read(&self, storage: &Storage) -> Result<DataState, StorageError> {
        // Any read numbered above what has started so far begins after now.
        let needed = self.started.load(Ordering::SeqCst) + 1;
        let mut latest = self.latest.lock().await;
        if let Some((number, found)) = *latest
            && number >= needed
        {
            // A failed read fails everyone who waited on it, at once.
            return found.ok_or(StorageError::Sqlx(sqlx::Error::PoolTimedOut));
        }
        let number = self.started.fetch_add(1, Ordering::SeqCst) + 1;
        let read = storage.data_state().await;
        *latest = Some((number, read.as_ref().ok().copied()));
        read
    }
}
