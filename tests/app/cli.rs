use crate::helpers::{TestApp, TestDb, listed_articles, listed_events};

fn run(args: &[&str], database_url: &str) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_referendum-tracker"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .output()
        .expect("binary runs")
}

fn assert_one_line_error(output: &std::process::Output, expected: &str) {
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(expected), "{stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"), "{stderr}");
}

#[test]
fn an_unsupported_database_url_gives_a_one_line_error_naming_the_accepted_schemes() {
    let output = run(&["migrate"], "mysql://localhost/tracker");
    assert_one_line_error(&output, "use sqlite:PATH, postgres://… or postgresql://…");
}

#[test]
fn a_database_file_that_cannot_be_opened_gives_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-db");
    std::fs::write(&file, "this is not a SQLite database, just text that is long enough to be read as a header")
        .unwrap();
    let output = run(&["migrate"], &format!("sqlite://{}", file.display()));
    assert_one_line_error(&output, "error:");

    let output = run(&["serve"], "sqlite:///proc/forbidden/tracker.db");
    assert_one_line_error(&output, "cannot create the database folder");
}

#[test]
fn a_malformed_until_date_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/t.db", dir.path().display());
    let output = run(&["seed", "--until", "29/04/2022"], &url);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("YYYY-MM-DD"));
    assert!(!dir.path().join("t.db").exists());
}

#[tokio::test]
async fn migrate_then_seed_work_as_separate_operator_steps() {
    let db = TestDb::fresh().await;
    let output = db.cli(&["migrate"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let output = db.cli(&["seed"]);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("234 status events and 34 timeline events added"), "{stdout}");
}

#[tokio::test]
async fn seed_synthetic_adds_a_labelled_data_set_once_beside_the_real_reform_and_refuses_bad_sizes() {
    let db = TestDb::fresh().await;
    let small = [
        "seed-synthetic",
        "--seed",
        "7",
        "--referendums",
        "3",
        "--statements-per-announcement",
        "20",
        "--events-per-amendment",
        "8",
    ];
    let output = db.cli(&small);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("3 referendums, 99 amendments, 60 statements, 792 status events"), "{said}");

    // The real reform stays the one the site shows, and its history is intact.
    let app = TestApp::spawn_on(&db).await;
    let amendments = app.page("/en/amendments").await;
    assert_eq!(listed_articles(&amendments).len(), 33);
    assert!(!amendments.contains("Synthetic"));
    let history = app.page("/en/amendments/15").await;
    assert_eq!(listed_events(&history).len(), 7, "six steps to law, and superseded on 1 July 2026");
    app.stop().await;

    assert_one_line_error(&db.cli(&small), "synthetic data for seed 7 already exists");
    assert_one_line_error(&db.cli(&["seed-synthetic", "--seed", "8", "--referendums", "0"]), "between 1 and");
}
