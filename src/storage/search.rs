//! Full-text search over all content in every stored language. SQLite uses
//! FTS5, PostgreSQL its text search; the two queries sit side by side.
//! Queries are rebuilt from their words, so operators, quotes and other
//! syntax typed by a visitor are never interpreted.

use super::{Db, Storage, StorageError, on_pool};
use crate::domain::{content::ContentKind, search::query_words};

/// Marks the start and end of a match inside a snippet (private-use code
/// points, which content never contains).
pub const MARK_START: char = '\u{E000}';
pub const MARK_END: char = '\u{E001}';

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SearchHit {
    pub kind: ContentKind,
    pub ref_id: i64,
    pub lang: String,
    pub snippet: String,
    pub rank: f64,
}

impl Storage {
    /// Matches for every word (as a prefix), best first.
    pub async fn search(&self, query: &str, limit: i64) -> Result<Vec<SearchHit>, StorageError> {
        let words = query_words(query);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let hits = match self.db() {
            Db::Sqlite(_) => {
                let fts = words.iter().map(|w| format!("\"{w}\"*")).collect::<Vec<_>>().join(" ");
                let sql = "select kind, ref as ref_id, lang, \
                           snippet(search_index, 5, char(57344), char(57345), '…', 24) as snippet, \
                           bm25(search_index, 0.0, 0.0, 0.0, 0.0, 3.0, 1.0) as rank \
                           from search_index where search_index match $1 order by rank limit $2";
                on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
                    .bind(fts)
                    .bind(limit)
                    .fetch_all(pool)
                    .await?)
            }
            Db::Postgres(_) => {
                let tsquery = words.iter().map(|w| format!("{w}:*")).collect::<Vec<_>>().join(" & ");
                // Russian rows also match by stem (the official texts).
                let sql = "select kind, ref as ref_id, lang, \
                           ts_headline(case when document @@ q then 'simple'::regconfig else 'russian'::regconfig end, \
                             case when body = '' then title else body end, case when document @@ q then q else q_ru end, \
                             'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxFragments=1, MaxWords=30, MinWords=12, FragmentDelimiter=…') as snippet, \
                           cast(-greatest(ts_rank(document, q), coalesce(ts_rank(document_ru, q_ru), 0)) as double precision) as rank \
                           from search_index, to_tsquery('simple', $1) q, to_tsquery('russian', $1) q_ru \
                           where document @@ q or document_ru @@ q_ru order by rank limit $2";
                on_pool!(self.db(), |pool| crate::storage::recorded::query_as(sql)
                    .bind(tsquery)
                    .bind(limit)
                    .fetch_all(pool)
                    .await?)
            }
        };
        Ok(hits)
    }
}
/// What a search hit points at: its title and where it lives.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HitTarget {
    pub kind: ContentKind,
    pub id: i64,
    /// Article number, announcement slug or timeline key.
    pub key: String,
    /// Statement anchor, when the hit is a statement; for a provision, the
    /// last day its wording was in force (none: in force today).
    pub anchor: Option<String>,
    pub title: String,
}

impl Storage {
    /// Titles and addresses of search hits, in one query per kind.
    /// Only what belongs to `referendum_id` (the one on show, which is
    /// published) is returned: a hit in a draft is never a result.
    pub async fn hit_targets(
        &self,
        referendum_id: i64,
        amendments: &[i64],
        statements: &[i64],
        events: &[i64],
        status_events: &[i64],
        provisions: &[i64],
    ) -> Result<Vec<HitTarget>, StorageError> {
        let list = |ids: &[i64]| {
            if ids.is_empty() { "0".to_owned() } else { ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",") }
        };
        // The ids are integers from our own index, formatted by us: no user text reaches the SQL.
        let sql = format!(
            "select 'amendment' as kind, id, article as key, cast(null as text) as anchor, title from amendments \
               where id in ({}) and referendum_id = $1 \
             union all select 'statement', st.id, an.slug, st.slug, an.title from statements st \
               join announcements an on an.id = st.announcement_id where st.id in ({}) and an.referendum_id = $1 \
             union all select 'timeline_event', id, key, cast(null as text), title from timeline_events \
               where id in ({}) and referendum_id = $1 \
             union all select 'status_event', e.id, a.article, cast(e.id as text), a.title from status_events e \
               join amendments a on a.id = e.amendment_id where e.id in ({}) and a.referendum_id = $1 \
             union all select 'provision', v.id, p.eid, cast(v.valid_to as text), d.title from provision_versions v \
               join provisions p on p.id = v.provision_id join legal_documents d on d.id = p.document_id \
               where v.id in ({})",
            list(amendments),
            list(statements),
            list(events),
            list(status_events),
            list(provisions)
        );
        Ok(on_pool!(self.db(), |pool| crate::storage::recorded::query_as(&sql)
            .bind(referendum_id)
            .fetch_all(pool)
            .await?))
    }
}
