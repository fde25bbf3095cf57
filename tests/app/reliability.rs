use std::collections::BTreeSet;

use crate::helpers::{StatusForm, TestApp, TestDb, visible_text};

/// Every route pattern the site answers, from the route table the router is
/// built from (the API's routes included), so that a new route cannot escape
/// the checks below.
fn route_patterns() -> BTreeSet<String> {
    referendum_tracker::web::route_table().into_iter().map(|route| route.path).filter(|r| r.starts_with('/')).collect()
}

fn fill(pattern: &str, value: &str) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').unwrap() + start;
        let name = &rest[start + 1..end];
        out.push_str(match (name, value) {
            ("lang", _) => "en",
            ("article", "") => "15",
            ("slug", "") => "2022-04-29-assembly-of-the-people",
            ("file", "") => "amendments.csv",
            ("id", "") => "1",
            ("name", "") => "editor",
            (_, v) => v,
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

const SECURITY_HEADERS: [&str; 4] =
    ["content-security-policy", "x-content-type-options", "referrer-policy", "x-request-id"];

#[tokio::test]
async fn every_route_answers_with_the_security_headers_and_never_a_5xx_even_for_hostile_values() {
    let app = TestApp::builder().with_account("editor", "admin").spawn().await;
    let routes = route_patterns();
    assert!(routes.len() > 40, "{routes:?}");
    let hostile = ["", "%00", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E", "99999999999999999999", "%FF%FE", "a%20b"];
    let long = "x".repeat(3000);
    let mut checked = 0;
    for signed_in in [false, true] {
        let client = if signed_in { app.sign_in("editor").await } else { app.anonymous().clone() };
        for pattern in &routes {
            for value in hostile.iter().copied().chain([long.as_str()]) {
                let path = fill(pattern, value);
                for method in [reqwest::Method::GET, reqwest::Method::POST] {
                    let response = client
                        .request(method.clone(), &path)
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body("a=%FF&b=\u{0}&csrf_token=x")
                        .send()
                        .await
                        .unwrap();
                    let status = response.status().as_u16();
                    assert!(status < 500, "{method} {path:.80} gave {status}");
                    for header in SECURITY_HEADERS {
                        assert!(response.headers().contains_key(header), "{method} {path:.80} lacks {header}");
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 1000, "{checked} requests");
}

#[tokio::test]
async fn hostile_query_strings_headers_and_bodies_get_4xx_not_5xx() {
    let app = TestApp::spawn().await;
    for query in ["status=%FF", "theme=%00", "as_of=%FF%FE", "status=a&status=b", "x=%", "page=-1", "q=%E0%A4%A"] {
        for path in ["/en/amendments", "/en/search", "/en/results", "/api/v1/amendments", "/en/timeline"] {
            let response = app.get(&format!("{path}?{query}")).await;
            assert!(response.status().as_u16() < 500, "{path}?{query}");
        }
    }
    let odd_headers = app
        .anonymous()
        .request(reqwest::Method::GET, "/en/")
        .header("accept-language", "ü".repeat(500))
        .header("if-none-match", "\"".repeat(300))
        .header("cookie", "rt_session=../../etc; rt_session=zz")
        .send()
        .await
        .unwrap();
    assert_eq!(odd_headers.status(), 200);
}

#[tokio::test]
async fn an_oversize_body_gets_413_with_a_clear_page() {
    let app = TestApp::spawn().await;
    let body = "x".repeat(3 * 1024 * 1024);
    let response = app
        .anonymous()
        .request(reqwest::Method::POST, "/en/admin/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert!(visible_text(&response.text().await.unwrap()).contains("larger than the tracker accepts"));
}

#[tokio::test]
async fn over_the_rate_limit_a_client_gets_429_with_retry_after() {
    let db = TestDb::fresh().await;
    let app = TestApp::spawn_with(&db, |c| c.rate_limit_per_minute = 5).await;
    for _ in 0..5 {
        assert_eq!(app.get("/en/timeline").await.status(), 200);
    }
    let response = app.get("/en/timeline").await;
    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
    assert!(visible_text(&response.text().await.unwrap()).contains("Too many requests"));
    assert_eq!(app.get("/healthz").await.status(), 200, "health checks are not limited");
}

#[tokio::test]
async fn error_pages_show_the_request_id_and_no_internals() {
    let app = TestApp::spawn().await;
    let response = app.get("/en/amendments/999").await;
    let id = response.headers()["x-request-id"].to_str().unwrap().to_owned();
    let html = response.text().await.unwrap();
    assert!(html.contains(&id), "the page shows the request id");
    for leak in ["sqlx", "panicked", "SELECT", "select ", "stack backtrace", "src/"] {
        assert!(!html.contains(leak), "{leak}");
    }
}

#[tokio::test]
async fn backup_under_writes_restores_into_a_new_place_with_identical_pages_and_chain() {
    let db = TestDb::fresh().await;
    if db.is_postgres() {
        return; // pg_dump covers PostgreSQL; see the README.
    }
    let app = TestApp::builder().on(db.clone()).with_editor().spawn().await;
    let writer = {
        let editor = app.editor().clone();
        tokio::spawn(async move {
            for day in 1..=12 {
                let change = StatusForm::valid()
                    .status("amended_later")
                    .effective_date(format!("2023-02-{day:02}"))
                    .note("Written during the backup")
                    .source_url("https://example.org/b");
                let _ = editor.post_status("42", change).await;
            }
        })
    };
    let dir = tempfile::tempdir().unwrap();
    let during = dir.path().join("during.db");
    assert!(db.cli(&["backup", during.to_str().unwrap()]).status.success());
    writer.await.unwrap();
    let after = dir.path().join("after.db");
    assert!(db.cli(&["backup", after.to_str().unwrap()]).status.success());
    // Refused: an existing file, and overwriting a database with data.
    assert!(!db.cli(&["backup", after.to_str().unwrap()]).status.success());
    let refused = db.cli(&["restore", after.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("add --force"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );

    // The backup taken under writes is consistent on its own.
    let restored_during = TestDb::sqlite_at(&dir.path().join("r1.db"));
    assert!(restored_during.cli(&["restore", during.to_str().unwrap()]).status.success());
    assert!(restored_during.cli(&["audit", "verify"]).status.success());

    // The quiet backup restores to the same site.
    let restored = TestDb::sqlite_at(&dir.path().join("r2.db"));
    let done = restored.cli(&["restore", after.to_str().unwrap()]);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let verify = restored.cli(&["audit", "verify"]);
    assert!(verify.status.success());
    assert_eq!(String::from_utf8_lossy(&verify.stdout), String::from_utf8_lossy(&db.cli(&["audit", "verify"]).stdout));
    let copy = TestApp::spawn_on(&restored).await;
    for page in [
        "/en/",
        "/en/amendments",
        "/en/amendments/42",
        "/en/timeline",
        "/en/changes",
        "/en/results",
        "/data/status-history.csv",
    ] {
        let restored_page = copy.page(page).await.replace(&copy.base, "");
        let original_page = app.page(page).await.replace(&app.base, "");
        assert!(restored_page == original_page, "{page} differs after the restore");
    }
    // A file that is not a backup is refused.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "not a database").unwrap();
    assert!(!restored.cli(&["restore", junk.to_str().unwrap(), "--force"]).status.success());
}

#[tokio::test]
async fn a_request_that_runs_too_long_gets_408_with_a_clear_page() {
    let db = TestDb::fresh().await;
    let app = TestApp::spawn_with(&db, |c| c.request_timeout = std::time::Duration::from_nanos(1)).await;
    let response = app.get("/en/amendments").await;
    assert_eq!(response.status(), 408);
    assert!(visible_text(&response.text().await.unwrap()).contains("The request took too long and was stopped."));
}
