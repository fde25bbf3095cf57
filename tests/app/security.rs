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
        assert!(!cell.chars().any(|c| c.is_control()), "a control character in a CSV cell: {cell:?}");
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
