//! Full-text search over all content in every stored language. SQLite uses
//! FTS5, PostgreSQL its text search; the two queries sit side by side.
//! Queries are rebuilt from their words, so operators, quotes and other
//! syntax typed by a visitor are never interpreted.

use super::{Db, Storage, StorageError, on_pool};

/// Marks the start and end of a match inside a snippet (private-use code
/// points, which content never contains).
pub const MARK_START: char = '\u{E000}';
pub const MARK_END: char = '\u{E001}';

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SearchHit {
    pub kind: String,
    pub ref_id: i64,
    pub lang: String,
    pub snippet: String,
    pub rank: f64,
}

/// The words of a query: letters and digits only, lower-cased, at most ten.
pub fn query_words(query: &str) -> Vec<String> {
    query
        .chars()
        .take(200)
        .collect::<String>()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(10)
        .map(str::to_lowercase)
        .collect()
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
                let sql = "select kind, ref as ref_id, lang, \
                           ts_headline('simple', case when body = '' then title else body end, q, \
                             'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxFragments=1, MaxWords=30, MinWords=12, FragmentDelimiter=…') as snippet, \
                           cast(-ts_rank(document, q) as double precision) as rank \
                           from search_index, to_tsquery('simple', $1) q where document @@ q order by rank limit $2";
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

#[cfg(test)]
mod tests {
    use super::query_words;

    #[test]
    fn queries_keep_only_words() {
        assert_eq!(query_words("Death PENALTY"), ["death", "penalty"]);
        assert_eq!(query_words("\"Сенат\" OR NEAR(a b) *^-:"), ["сенат", "or", "near", "a", "b"]);
        assert_eq!(query_words("ӨЛІМ жазасы"), ["өлім", "жазасы"]);
        assert!(query_words("\" ' ( ) * : ^ -").is_empty());
        assert_eq!(query_words(&"x ".repeat(500)).len(), 10);
    }
}
