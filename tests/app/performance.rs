//! The page cache, compression and the number of database round trips per
//! page. Speed itself is measured by `bench/run.sh`, not by timed tests.

use std::io::Read;

use crate::helpers::{Page, StatusForm, TestApp, TestDb, listed_events, visible_text};

const ANNOUNCEMENT: &str = "/en/announcements/2022-04-29-assembly-of-the-people";

/// The public pages whose cost the benchmark measures, and their neighbours.
const PAGES: [&str; 12] = [
    "/en/",
    "/en/amendments",
    "/en/amendments?status=adopted",
    "/en/amendments/15",
    ANNOUNCEMENT,
    "/en/announcements",
    "/en/timeline",
    "/en/council",
    "/en/results",
    "/en/changes",
    "/en/feed.atom",
    "/api/v1/amendments",
];

fn queries(response: &reqwest::Response) -> u32 {
    let timing = response.headers().get("server-timing").and_then(|v| v.to_str().ok()).unwrap_or_default();
    let count = timing.split('"').nth(1).and_then(|desc| desc.split(' ').next()).and_then(|n| n.parse().ok());
    count.unwrap_or_else(|| panic!("no query count in Server-Timing: {timing:?}"))
}

async fn get_with(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = app.anonymous().request(reqwest::Method::GET, path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("request")
}

#[tokio::test]
async fn pages_come_compressed_when_asked_and_decompress_to_the_same_bytes() {
    let app = TestApp::spawn().await;
    let plain = get_with(&app, "/en/amendments", &[]).await;
    assert_eq!(plain.headers()["vary"], "Accept-Encoding");
    assert!(plain.headers().get("content-encoding").is_none());
    let plain_etag = plain.headers()["etag"].to_str().unwrap().to_owned();
    let plain = plain.bytes().await.unwrap();

    let gzip = get_with(&app, "/en/amendments", &[("accept-encoding", "gzip")]).await;
    assert_eq!(gzip.headers()["content-encoding"], "gzip");
    let gzip_etag = gzip.headers()["etag"].to_str().unwrap().to_owned();
    let gzip = gzip.bytes().await.unwrap();
    assert!(gzip.len() * 3 < plain.len(), "gzip makes the page much smaller: {} vs {}", gzip.len(), plain.len());
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&gzip[..]).read_to_end(&mut unzipped).unwrap();
    assert_eq!(unzipped, plain);

    let brotli = get_with(&app, "/en/amendments", &[("accept-encoding", "gzip, deflate, br")]).await;
    assert_eq!(brotli.headers()["content-encoding"], "br");
    let brotli_etag = brotli.headers()["etag"].to_str().unwrap().to_owned();
    let brotli = brotli.bytes().await.unwrap();
    let mut unbrotli = Vec::new();
    brotli::Decompressor::new(&brotli[..], 4096).read_to_end(&mut unbrotli).unwrap();
    assert_eq!(unbrotli, plain);

    assert!(plain_etag != gzip_etag && gzip_etag != brotli_etag, "each encoding has its own validator");
    let refused = get_with(&app, "/en/amendments", &[("accept-encoding", "br;q=0, gzip;q=0")]).await;
    assert!(refused.headers().get("content-encoding").is_none(), "q=0 refuses an encoding");

    let revalidated =
        get_with(&app, "/en/amendments", &[("accept-encoding", "br"), ("if-none-match", &brotli_etag)]).await;
    assert_eq!(revalidated.status(), 304);
    assert_eq!(revalidated.headers()["etag"], brotli_etag.as_str());
}

#[tokio::test]
async fn a_feed_without_a_language_prefix_follows_the_browser_and_says_so_in_vary() {
    let app = TestApp::spawn().await;
    for _ in 0..2 {
        let russian = get_with(&app, "/feed.atom", &[("accept-language", "ru")]).await;
        assert_eq!(russian.headers()["vary"], "Accept-Language, Accept-Encoding");
        assert!(russian.text().await.unwrap().contains("xml:lang=\"ru\""));
        let english = get_with(&app, "/feed.atom", &[("accept-language", "en")]).await;
        assert!(english.text().await.unwrap().contains("xml:lang=\"en\""), "not the cached Russian feed");
    }
}

#[tokio::test]
async fn languages_and_past_dates_never_mix_in_the_cache() {
    let app = TestApp::spawn().await;
    let variants =
        ["/en/amendments/15", "/ru/amendments/15", "/en/amendments/15?as_of=2022-05-01", "/kk/amendments/15"];
    let mut first = Vec::new();
    for path in variants {
        first.push(app.page(path).await);
    }
    for (path, earlier) in variants.iter().zip(&first) {
        assert_eq!(&app.page(path).await, earlier, "{path} is served the same from the cache");
    }
    let lang = |html: &str| Page::parse(html).attr("html", "lang");
    assert_eq!(lang(&first[0]).as_deref(), Some("en"));
    assert_eq!(lang(&first[1]).as_deref(), Some("ru"));
    assert_eq!(lang(&first[3]).as_deref(), Some("kk"));
    let events = |html: &str| listed_events(html).len();
    assert_eq!(events(&first[0]), 6, "today the page lists the whole history");
    assert!(events(&first[2]) < 6, "on 1 May 2022 the page lists only what had happened by then");
}

#[tokio::test]
async fn a_change_made_outside_this_instance_is_served_on_the_next_request() {
    let writer = TestApp::builder().with_editor().spawn().await;
    let reader = TestApp::spawn_on(writer.db()).await;
    let before = reader.page("/en/amendments/42").await;
    assert_eq!(reader.page("/en/amendments/42").await, before, "cached");

    let change =
        StatusForm::valid().status("amended_later").effective_date("2023-01-01").note("Cache check: a later amendment");
    let response = writer.editor().post_status("42", change).await;
    assert_eq!(response.status(), 303);
    let after = reader.page("/en/amendments/42").await;
    assert!(visible_text(&after).contains("Cache check: a later amendment"), "the other instance shows the change");
}

#[tokio::test]
async fn each_page_takes_a_small_fixed_number_of_database_round_trips() {
    let db = TestDb::fresh().await;
    let uncached = TestApp::spawn_with(&db, |config| {
        config.server_timing = true;
        config.page_cache_bytes = 0;
    })
    .await;
    let mut report = Vec::new();
    for path in PAGES {
        let response = uncached.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        report.push((path, queries(&response)));
    }
    eprintln!("round trips per page: {report:?}");
    for (path, count) in &report {
        assert!(*count <= 16, "{path} takes {count} round trips; 33 amendments must not mean 33 queries");
    }
    // No query per listed item: the whole list costs what a filtered one does.
    assert_eq!(report[1].1, report[2].1, "the full list costs as many round trips as a filtered one");

    let cached = TestApp::spawn_with(&db, |config| config.server_timing = true).await;
    for path in PAGES {
        cached.page(path).await;
        let again = cached.get(path).await;
        // SQLite tells from its wal-index that nothing was committed since
        // the last version check; PostgreSQL needs one small query.
        let expected = if db.is_postgres() { 1 } else { 0 };
        assert_eq!(queries(&again), expected, "{path} from the cache costs at most a version check");
    }
}

/// Tables that grow with the data; reading one of them whole on a page
/// makes the page slower as the tracker fills up.
const GROWING: [&str; 20] = [
    "referendums",
    "amendments",
    "amendment_themes",
    "status_events",
    "entry_into_force",
    "announcements",
    "announcement_sections",
    "statements",
    "motivations",
    "timeline_events",
    "timeline_event_amendments",
    "timeline_event_statements",
    "citations",
    "audit_log",
    "search_index",
    "translations",
    "result_sets",
    "result_figures",
    "sessions",
    "section_headings",
];

/// Each alias in a query, with the table it stands for.
fn aliases(sql: &str) -> Vec<(String, String)> {
    const NOT_ALIASES: [&str; 14] = [
        "where", "join", "on", "left", "cross", "inner", "order", "group", "limit", "union", "and", "select", ",", ")",
    ];
    let spaced = sql.replace(['(', ')', ','], " ");
    let tokens: Vec<String> = spaced.split_whitespace().map(str::to_lowercase).collect();
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token != "from" && token != "join" {
            continue;
        }
        let Some(table) = tokens.get(i + 1) else { continue };
        found.push((table.clone(), table.clone()));
        let alias = match tokens.get(i + 2).map(String::as_str) {
            Some("as") => tokens.get(i + 3),
            _ => tokens.get(i + 2),
        };
        if let Some(alias) = alias.filter(|a| !NOT_ALIASES.contains(&a.as_str())) {
            found.push((alias.clone(), table.clone()));
        }
    }
    found
}

/// The full reads of growing tables in a query's plan, as "table: plan line".
async fn full_scans(db: &TestDb, sql: &str) -> Vec<String> {
    let names = aliases(sql);
    let table_of = |name: &str| names.iter().find(|(alias, _)| alias == name).map(|(_, t)| t.clone());
    let mut scans = Vec::new();
    if db.is_postgres() {
        let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
        let mut conn = pool.acquire().await.unwrap();
        // A generic plan does not depend on the values; with sequential
        // scans priced out, a "Seq Scan" left in the plan means no index fits.
        sqlx::query("set plan_cache_mode = force_generic_plan").execute(&mut *conn).await.unwrap();
        sqlx::query("set enable_seqscan = off").execute(&mut *conn).await.unwrap();
        let params = (1..=20).rev().find(|n| sql.contains(&format!("${n}"))).unwrap_or(0);
        sqlx::query(&format!("prepare page_query as {sql}"))
            .execute(&mut *conn)
            .await
            .unwrap_or_else(|e| panic!("cannot prepare {sql}: {e}"));
        let nulls = vec!["null"; params].join(", ");
        let execute =
            if params == 0 { "execute page_query".to_owned() } else { format!("execute page_query({nulls})") };
        let plan: Vec<(String,)> = sqlx::query_as(&format!("explain {execute}")).fetch_all(&mut *conn).await.unwrap();
        for (line,) in plan {
            if let Some(rest) = line.trim().trim_start_matches("->").trim().strip_prefix("Seq Scan on ") {
                let table = rest.split_whitespace().next().unwrap_or_default();
                if GROWING.contains(&table) {
                    scans.push(format!("{table}: {}", line.trim()));
                }
            }
        }
        drop(conn);
        pool.close().await;
    } else {
        let pool = sqlx::SqlitePool::connect(&db.url).await.unwrap();
        let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(&format!("explain query plan {sql}"))
            .fetch_all(&pool)
            .await
            .unwrap_or_else(|e| panic!("cannot explain {sql}: {e}"));
        for (_, _, _, line) in plan {
            let Some(rest) = line.strip_prefix("SCAN ") else { continue };
            if rest.contains("VIRTUAL TABLE INDEX") && rest.contains(":M") {
                continue; // a full-text MATCH, answered by the FTS index
            }
            let name = rest.split_whitespace().next().unwrap_or_default();
            let table = table_of(name).unwrap_or_else(|| name.to_owned());
            if GROWING.contains(&table.as_str()) {
                scans.push(format!("{table}: {line}"));
            }
        }
        pool.close().await;
    }
    scans
}

#[tokio::test]
async fn every_query_behind_the_public_pages_reads_growing_tables_through_an_index() {
    use axum::body::Body;
    use referendum_tracker::{config::Config, storage, web};
    use tower::ServiceExt;

    let db = TestDb::fresh().await;
    TestApp::spawn_on(&db).await.stop().await;
    let store = storage::Storage::connect(&db.url, &Default::default()).await.unwrap();
    let mut config = Config::new("127.0.0.1:0", db.url.clone());
    config.page_cache_bytes = 0;
    let router = web::router(web::app_state(store.clone(), &config));
    let mut queries: Vec<(String, &str)> = Vec::new();
    let pages = PAGES.iter().copied().chain(["/en/search?q=parliament", "/sitemap.xml", "/en/data"]);
    for path in pages {
        let request = axum::http::Request::get(path).header("host", "localhost").body(Body::empty()).unwrap();
        let (response, recorded) = storage::recording_queries(router.clone().oneshot(request)).await;
        assert_eq!(response.unwrap().status(), 200, "GET {path}");
        assert!(!recorded.is_empty(), "{path} was rendered from the database");
        for sql in recorded {
            if !queries.iter().any(|(known, _)| *known == sql) {
                queries.push((sql, path));
            }
        }
    }
    store.close().await;
    let mut problems = Vec::new();
    for (sql, path) in &queries {
        for scan in full_scans(&db, sql).await {
            problems.push(format!("{path}: {scan}\n    in: {sql}"));
        }
    }
    assert!(queries.len() > 20, "the pages run many distinct queries: {}", queries.len());
    assert!(problems.is_empty(), "full reads of growing tables:\n{}", problems.join("\n"));
}

#[tokio::test]
async fn the_plan_check_catches_a_query_that_reads_a_whole_table() {
    let db = TestDb::fresh().await;
    TestApp::spawn_on(&db).await.stop().await;
    let scans = full_scans(&db, "select id from status_events where note = $1").await;
    assert_eq!(scans.len(), 1, "{scans:?}");
    assert!(full_scans(&db, "select id from status_events e where e.amendment_id = $1").await.is_empty());
}
