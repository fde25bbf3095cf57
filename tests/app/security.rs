//! Security properties, tried the way an attacker or a careless editor would.

use crate::helpers::{Page, TestApp, TestDb};

/// A timeline event whose title an attacker chose: a spreadsheet formula,
/// a carriage return and a bell, which must not reach any client as such.
async fn hostile_event(app: &TestApp) {
    let editor = app.editor();
    let csrf = editor.csrf().await;
    let title = "=HYPERLINK(\"https://evil.example\",\"click\")\rInjected\u{7}";
    let form = [
        ("csrf_token", csrf.as_str()),
        ("starts_on", "2022-06-20"),
        ("ends_on", ""),
        ("kind", "implementation"),
        ("title", title),
        ("description", "First line\rsecond line\u{1b}[31m"),
        ("uncertainty_note", ""),
        ("amendments", ""),
        ("source_url", "https://www.akorda.kz/en/example"),
    ];
    let response = editor.post_form("/en/admin/timeline", &form).await;
    assert_eq!(response.status(), 303, "an editor may type anything; it is stored as typed");
}

#[tokio::test]
async fn downloads_never_start_a_formula_and_feeds_carry_no_control_characters() {
    let app = TestApp::builder().with_editor().spawn().await;
    hostile_event(&app).await;

    let csv = app.page("/data/timeline.csv").await;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let titles: Vec<String> = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| r.iter().any(|c| c.contains("HYPERLINK")))
        .flat_map(|r| r.iter().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    assert!(!titles.is_empty(), "the event is in the download");
    for cell in &titles {
        assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "a cell that runs as a formula: {cell:?}");
        let control = |c: char| c.is_control() && c != '\n';
        assert!(!cell.chars().any(control), "a control character other than a quoted line feed: {cell:?}");
    }
    assert!(titles.iter().any(|c| c.starts_with("'=HYPERLINK")), "neutralised with a quote, not dropped");
    let json = app.page("/data/timeline.json").await;
    assert!(json.contains("=HYPERLINK"), "JSON keeps the text exactly (escaped by JSON itself)");

    let feed = app.page("/en/feed.atom").await;
    assert!(!feed.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "the Atom feed is valid XML");
    atom_syndication::Feed::read_from(feed.as_bytes()).expect("a feed reader reads it");
    assert!(feed.contains("Injected"), "the words stay");

    let calendar = app.page("/en/timeline.ics").await;
    for line in calendar.split("\r\n") {
        assert!(!line.contains('\r') && !line.contains('\n'), "a bare line break splits a calendar line: {line:?}");
        assert!(!line.chars().any(|c| c.is_control() && c != '\t'), "{line:?}");
    }
    let data_page = Page::parse(&app.page("/en/data").await).text();
    assert!(data_page.contains("begins with a single quote"), "the data page says so");
}

#[cfg(unix)]
#[tokio::test]
async fn the_database_its_wal_and_backups_are_readable_by_the_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("private").join("tracker.db");
    let db = TestDb::sqlite_at(&file);
    let app = TestApp::spawn_on(&db).await;
    assert_eq!(app.get("/en/").await.status(), 200);
    let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(file.parent().unwrap()), 0o700, "the folder we created");
    for suffix in ["", "-wal", "-shm"] {
        let path = std::path::PathBuf::from(format!("{}{suffix}", file.display()));
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
    let backup = dir.path().join("backup.db");
    assert!(db.cli(&["backup", backup.to_str().unwrap()]).status.success());
    assert_eq!(mode(&backup), 0o600, "the backup");
    app.stop().await;
}

#[tokio::test]
async fn a_restore_ends_every_session_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::sqlite_at(&dir.path().join("live.db"));
    db.create_user("editor", "editor").await;
    let app = TestApp::spawn_on(&db).await;
    let editor = app.sign_in("editor").await;
    assert_eq!(editor.get("/en/admin/").await.status(), 200, "signed in");
    let backup = dir.path().join("backup.db");
    assert!(db.cli(&["backup", backup.to_str().unwrap()]).status.success());
    app.stop().await;

    let restored = TestDb::sqlite_at(&dir.path().join("restored.db"));
    let output = restored.cli(&["restore", backup.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("1 sessions from the backup ended") && said.contains("signs in again"), "{said}");
    let app = TestApp::spawn_on(&restored).await;
    // The browser still holds the cookie of a session the backup recorded.
    let again = editor.towards(&app.base).get("/en/admin/").await;
    assert_eq!(again.status(), 303, "the old session no longer signs anyone in");
    assert!(again.headers()["location"].to_str().unwrap().contains("/admin/login"));
    app.stop().await;
}

#[tokio::test]
async fn deleting_the_newest_audit_records_is_detected_against_the_anchor_and_a_kept_copy() {
    let app = TestApp::builder().with_editor().spawn().await;
    let db = app.db().clone();
    let change = crate::helpers::StatusForm::valid();
    assert_eq!(app.editor().post_status("42", change).await.status(), 303);
    // Anyone can keep a copy of the head: it is on the change log and in the feeds.
    let changes = Page::parse(&app.page("/en/changes").await);
    let shown = changes.select_text("#audit-head ~ p code");
    let head = shown.first().cloned().expect("the head's hash on the change log");
    assert_eq!(head.len(), 64, "{head}");
    assert!(app.page("/en/feed.atom").await.contains(&head), "and in the feed");
    app.stop().await;

    let ok = db.cli(&["audit", "verify", "--expect-head", &head]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert!(String::from_utf8_lossy(&ok.stdout).contains(&format!("head {head}")));

    // An attacker with the database deletes the newest record: every link
    // that is left still holds.
    db.execute_sql("delete from audit_log where id = (select max(id) from audit_log)").await;
    let truncated = db.cli(&["audit", "verify"]);
    assert!(!truncated.status.success(), "a shorter chain than its anchor fails");
    assert!(String::from_utf8_lossy(&truncated.stderr).contains("deleted"));

    // Even with the anchor moved back too, the copy kept elsewhere tells.
    db.execute_sql(
        "update audit_head set records = records - 1, \
         hash = (select hash from audit_log order by id desc limit 1)",
    )
    .await;
    assert!(db.cli(&["audit", "verify"]).status.success(), "the database alone now looks whole");
    let against_copy = db.cli(&["audit", "verify", "--expect-head", &head]);
    assert!(!against_copy.status.success());
    assert!(String::from_utf8_lossy(&against_copy.stderr).contains(&head));
}

/// The session token a sign-in response sets.
fn session_token(response: &reqwest::Response) -> String {
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    cookie.split(';').next().unwrap().split_once('=').unwrap().1.to_owned()
}

async fn sign_in_raw(app: &TestApp, username: &str, password: &str, next: &str) -> reqwest::Response {
    app.new_client()
        .post_form("/en/admin/login", &[("username", username), ("password", password), ("next", next)])
        .await
}

#[tokio::test]
async fn parallel_guesses_get_no_more_password_checks_than_the_limit() {
    let app = TestApp::builder().with_editor().spawn().await;
    let mut guesses = tokio::task::JoinSet::new();
    for i in 0..30 {
        let client = app.new_client();
        guesses.spawn(async move {
            let guess = format!("guess number {i}");
            let form = [("username", "editor"), ("password", guess.as_str()), ("next", "/en/admin/")];
            client.post_form("/en/admin/login", &form).await.status().as_u16()
        });
    }
    let statuses = guesses.join_all().await;
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(checked, 5, "five failures per account, however many arrive at once: {statuses:?}");
    assert_eq!(throttled, 25, "{statuses:?}");
    let right = sign_in_raw(&app, "editor", crate::helpers::PASSWORD, "/en/admin/").await;
    assert_eq!(right.status(), 429, "even the right password waits out the window");
    assert!(right.headers().contains_key("retry-after"));
}

#[tokio::test]
async fn a_flood_of_invented_or_huge_user_names_keeps_nothing_of_them() {
    let app = TestApp::builder().with_editor().spawn().await;
    let huge = "x".repeat(100_000);
    let refused = sign_in_raw(&app, &huge, "password", "/en/admin/").await;
    assert_eq!(refused.status(), 400, "refused before anything is stored or hashed");
    let long_password = "p".repeat(10_000);
    assert_eq!(sign_in_raw(&app, "editor", &long_password, "/en/admin/").await.status(), 400);
    for i in 0..40 {
        let status = sign_in_raw(&app, &format!("nobody-{i}"), "password", "/en/admin/").await.status();
        assert!(status == 401 || status == 429, "{status}");
    }
    let (rows, named) = count_failures(app.db()).await;
    assert!(rows <= 20, "bounded by the per-address limit: {rows}");
    assert_eq!(named, 0, "no invented name is kept");
}

/// (all, with an account name) rows of the sign-in failures table.
async fn count_failures(db: &TestDb) -> (i64, i64) {
    use sqlx::Connection;
    let sql = "select count(*), sum(case when username <> '' then 1 else 0 end) from login_failures";
    let (rows, named): (i64, Option<i64>) = if db.is_postgres() {
        let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
        sqlx::query_as(&sql.replace("sum(", "cast(sum(").replace("end)", "end) as bigint)"))
            .fetch_one(&mut conn)
            .await
            .unwrap()
    } else {
        let mut conn = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
        sqlx::query_as(sql).fetch_one(&mut conn).await.unwrap()
    };
    (rows, named.unwrap_or_default())
}

#[tokio::test]
async fn sessions_end_after_their_lifetime_and_at_the_next_sign_in_and_only_the_exact_cookie_counts() {
    let db = TestDb::fresh().await;
    db.create_user("editor", "editor").await;
    let app = TestApp::spawn_with(&db, |config| config.session_lifetime = std::time::Duration::from_secs(2)).await;
    let browser = app.new_client();
    let first = browser.login("editor", crate::helpers::PASSWORD).await;
    assert_eq!(first.status(), 303);
    let old_token = session_token(&first);
    // A look-alike cookie name is not the session cookie.
    let look_alike = app
        .new_client()
        .request(reqwest::Method::GET, "/en/admin/")
        .header("cookie", format!("x-rt_session={old_token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(look_alike.status(), 303, "x-rt_session signs nobody in");
    // Signing in again in the same browser ends the session it had.
    let second = browser.login("editor", crate::helpers::PASSWORD).await;
    assert_eq!(second.status(), 303);
    let stale = app
        .new_client()
        .request(reqwest::Method::GET, "/en/admin/")
        .header("cookie", format!("rt_session={old_token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 303, "the first session's cookie stopped working");
    assert_eq!(browser.get("/en/admin/").await.status(), 200, "the new one works");
    // However active, a session ends at its absolute lifetime.
    tokio::time::sleep(std::time::Duration::from_millis(2200)).await;
    assert_eq!(browser.get("/en/admin/").await.status(), 303, "past its lifetime");
}

#[tokio::test]
async fn next_after_sign_in_never_leaves_the_site_however_it_is_encoded() {
    let app = TestApp::builder().with_editor().spawn().await;
    for next in [
        "/%2F%2Fevil.example/",
        "/%5Cevil.example",
        "/%09/evil.example",
        "https://evil.example",
        "/x%0d%0aSet-Cookie:a",
    ] {
        let response = sign_in_raw(&app, "editor", crate::helpers::PASSWORD, next).await;
        assert_eq!(response.status(), 303, "{next}");
        assert_eq!(response.headers()["location"], "/en/admin/", "{next} falls back to the dashboard");
    }
    let local = sign_in_raw(&app, "editor", crate::helpers::PASSWORD, "/en/admin/amendments/15").await;
    assert_eq!(local.headers()["location"], "/en/admin/amendments/15");
}

#[tokio::test]
async fn a_password_change_is_throttled_like_a_sign_in() {
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    let csrf = editor.csrf().await;
    let mut statuses = Vec::new();
    for i in 0..7 {
        let wrong = format!("not my password {i}");
        let form = [
            ("csrf_token", csrf.as_str()),
            ("current_password", wrong.as_str()),
            ("new_password", "another long password"),
        ];
        let response = editor.post_form("/en/admin/account", &form).await;
        let page = response.text().await.unwrap();
        statuses.push(page.contains("Too many"));
    }
    assert_eq!(statuses.iter().filter(|t| **t).count(), 2, "after five wrong answers, refused unchecked: {statuses:?}");
}

/// Every public GET route of the route table, filled in for the seeded
/// reform and for the draft's own article and slug.
fn public_paths() -> Vec<String> {
    use referendum_tracker::web::{area::Area, route_table, routes::Verb};
    let mut paths = Vec::new();
    for route in route_table() {
        if route.area == Area::Admin || !route.verbs.contains(&Verb::Get) {
            continue;
        }
        let langs: &[&str] = if route.path.contains("{lang}") { &["en", "ru", "kk"] } else { &["en"] };
        let values: Vec<Vec<(&str, &str)>> = vec![
            vec![("{article}", "1"), ("{slug}", "secret-reform"), ("{file}", "")],
            vec![("{article}", "15"), ("{slug}", "2022-04-29-assembly-of-the-people"), ("{file}", "")],
        ];
        for lang in langs {
            for set in &values {
                let mut path = route.path.replace("{lang}", lang);
                for (name, value) in set {
                    path = path.replace(name, value);
                }
                if path.contains("{file}") {
                    for file in ["amendments", "status-history", "statements", "motivations", "timeline", "results"] {
                        for ext in ["csv", "json"] {
                            paths.push(path.replace("{file}", &format!("{file}.{ext}")));
                        }
                    }
                } else {
                    paths.push(path);
                }
            }
        }
    }
    paths.sort();
    paths.dedup();
    paths
}

#[tokio::test]
async fn nothing_of_an_unpublished_referendum_appears_on_any_public_route_or_in_the_export() {
    let app = TestApp::builder().with_admin().spawn().await;
    let admin = app.admin();
    let csrf = admin.csrf().await;
    let secret = "Quuxfrobnicate";
    let form = [
        ("csrf_token", csrf.as_str()),
        ("slug", "secret-reform"),
        ("title", &format!("{secret} title")),
        ("summary", &format!("{secret} summary")),
        ("question", &format!("{secret} question?")),
        ("thresholds", "More than half."),
        ("proposed_on", "2026-01-10"),
        ("vote_on", ""),
        ("source_url", "https://www.akorda.kz/en/secret"),
        ("amendments", &format!("1 | {secret} change | {secret} amendment summary.")),
    ];
    let form: Vec<(&str, &str)> = form.to_vec();
    assert_eq!(admin.post_form("/en/admin/referendums", &form).await.status(), 303);
    assert!(admin.page("/en/admin/referendums").await.contains(secret), "the admin sees the draft");

    let mut paths = public_paths();
    paths.extend(
        ["/en/search?q=Quuxfrobnicate", "/ru/search?q=quuxfrobnicate", "/en/search?q=Quuxfrobnicate+change"]
            .map(String::from),
    );
    assert!(paths.len() > 60, "{}", paths.len());
    for path in &paths {
        let response = app.anonymous().get(path).await;
        let status = response.status().as_u16();
        let body = response.text().await.unwrap();
        if path.contains("/search?") {
            // The page repeats what was asked; what matters is that nothing is found.
            assert_eq!(crate::helpers::search_result_links(&body), Vec::<String>::new(), "{path} finds the draft");
            let text = Page::parse(&body).text_without("form, title, h1");
            assert_eq!(text.to_lowercase().matches(&secret.to_lowercase()).count(), 0, "{path}: {text}");
        } else {
            assert!(!body.to_lowercase().contains(&secret.to_lowercase()), "{path} ({status}) shows the draft");
        }
    }
    let export = tempfile::tempdir().unwrap();
    let output = app.db().cli(&["export-static", export.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut files = 0;
    let mut stack = vec![export.path().to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files += 1;
                let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).to_lowercase();
                assert!(!text.contains(&secret.to_lowercase()), "{} holds the draft", path.display());
            }
        }
    }
    assert!(files > 50, "{files} exported files");
}

#[tokio::test]
async fn editors_see_neither_addresses_nor_account_records_in_the_audit_trail() {
    let app = TestApp::builder().with_editor().with_admin().spawn().await;
    let csrf = app.admin().csrf().await;
    let form = [
        ("csrf_token", csrf.as_str()),
        ("username", "second"),
        ("password", "a long enough password"),
        ("role", "editor"),
    ];
    assert_eq!(app.admin().post_form("/en/admin/users", &form).await.status(), 303);
    assert_eq!(app.editor().post_status("42", crate::helpers::StatusForm::valid()).await.status(), 303);

    let for_admin = Page::parse(&app.admin().page("/en/admin/audit").await).text();
    assert!(for_admin.contains("user second") && for_admin.contains("127.0.0.1"), "admins see both");
    let for_editor = Page::parse(&app.editor().page("/en/admin/audit").await).text();
    assert!(for_editor.contains("amendment 42"), "editors see content changes");
    assert!(!for_editor.contains("user second"), "but not who was given an account");
    assert!(!for_editor.contains("127.0.0.1"), "nor anyone's address");
}

#[tokio::test]
async fn invented_query_parameters_lead_to_the_page_without_them_and_never_to_a_render() {
    let app = TestApp::spawn().await;
    for (asked, canonical) in [
        ("/en/amendments?status=in_force&cachebuster=123", "/en/amendments?status=in_force"),
        ("/en/timeline?x=1&y=2", "/en/timeline"),
        ("/ru/amendments/15?utm_source=mail&as_of=2022-06-09", "/ru/amendments/15?as_of=2022-06-09"),
        ("/kk/search?q=senate&page=2", "/kk/search?q=senate"),
    ] {
        let response = app.get(asked).await;
        assert_eq!(response.status(), 308, "{asked}: a permanent redirect");
        assert_eq!(response.headers()["location"], canonical, "{asked}");
        assert_eq!(app.get(canonical).await.status(), 200, "{canonical}");
    }
    // The pages a visitor reaches by following links keep working as they are.
    assert_eq!(app.get("/en/results?stage=final&sort=name&dir=desc").await.status(), 200);
}

/// Sends a request over a raw connection, all of its body, and reads the
/// whole answer (the server closes the connection after a 413).
async fn send_raw(base: &str, head: &str, body: &[u8], chunked: bool) -> std::io::Result<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await?;
    stream.write_all(head.as_bytes()).await?;
    if chunked {
        for chunk in body.chunks(64 * 1024) {
            stream.write_all(format!("{:x}\r\n", chunk.len()).as_bytes()).await?;
            stream.write_all(chunk).await?;
            stream.write_all(b"\r\n").await?;
        }
        stream.write_all(b"0\r\n\r\n").await?;
    } else {
        stream.write_all(body).await?;
    }
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await?;
    Ok(String::from_utf8_lossy(&answer).into_owned())
}

#[tokio::test]
async fn an_oversize_body_always_gets_its_413_page_and_never_a_reset() {
    let app = TestApp::spawn().await;
    let host = app.base.trim_start_matches("http://").to_owned();
    for (size, chunked, times) in [(3 << 20, false, 4), (9 << 20, false, 1), (3 << 20, true, 3)] {
        let body = vec![b'x'; size];
        let length = if chunked { "transfer-encoding: chunked".to_owned() } else { format!("content-length: {size}") };
        let head = format!(
            "POST /en/admin/login HTTP/1.1\r\nhost: {host}\r\ncontent-type: application/x-www-form-urlencoded\r\n{length}\r\n\r\n"
        );
        for attempt in 0..times {
            let answer = send_raw(&app.base, &head, &body, chunked).await.unwrap_or_else(|e| {
                panic!("{size} bytes (chunked: {chunked}), attempt {attempt}: the connection failed: {e}")
            });
            assert!(answer.starts_with("HTTP/1.1 413"), "{}", &answer[..answer.len().min(200)]);
            assert!(answer.to_ascii_lowercase().contains("connection: close"));
            assert!(answer.contains("larger than the tracker accepts"), "the page, not just a status");
        }
    }
    assert_eq!(app.get("/en/").await.status(), 200, "and the server goes on serving");
}
