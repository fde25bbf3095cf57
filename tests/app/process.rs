//! Tests that run the server binary as a separate process: killed with
//! SIGKILL in the middle of writes, or stopped with SIGTERM under load.
//! `TRACKER_BIN` selects the binary (CI points it at the release build).

use std::{
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::Duration,
};

use crate::helpers::{PASSWORD, StatusForm, TestDb, form_tokens_in};

fn binary() -> String {
    std::env::var("TRACKER_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_referendum-tracker").to_owned())
}

/// Starts the server on a free port; returns the process and its address.
fn start(db: &TestDb) -> (Child, String) {
    let mut child = Command::new(binary())
        .args(["--bind", "127.0.0.1:0"])
        .env("DATABASE_URL", &db.url)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("server starts");
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let base = line.trim().rsplit(' ').next().unwrap().to_owned();
    assert!(base.starts_with("http://127.0.0.1:"), "{line}");
    (child, base)
}

fn pseudo_random(max: u64) -> u64 {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos() as u64;
    nanos.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407) % max.max(1)
}

/// Posts status changes in a loop; records the notes of those acknowledged
/// with a redirect (success).
async fn write_until_killed(base: String, acknowledged: Arc<Mutex<Vec<String>>>, round: usize) {
    let client =
        reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).cookie_store(true).build().unwrap();
    let login = [("username", "editor"), ("password", PASSWORD), ("next", "/en/admin/")];
    if client.post(format!("{base}/en/admin/login")).form(&login).send().await.is_err() {
        return;
    }
    for n in 0.. {
        let article = ["42", "71", "91"][n % 3];
        let Ok(page) = client.get(format!("{base}/en/admin/amendments/{article}")).send().await else { return };
        let Ok(page) = page.text().await else { return };
        let (Some(csrf), Some(version)) = form_tokens_in(&page) else {
            return;
        };
        let note = format!("crash round {round} change {n}");
        let form = StatusForm::valid()
            .csrf_token(csrf)
            .version(version)
            .status("amended_later")
            .effective_date("2023-03-01")
            .note(&note)
            .source_url("https://example.org/crash");
        match client.post(format!("{base}/en/admin/amendments/{article}/status")).form(&form.pairs()).send().await {
            Ok(response) if response.status() == 303 => acknowledged.lock().unwrap().push(note),
            Ok(_) => {}
            Err(_) => return,
        }
    }
}

#[tokio::test]
async fn killing_the_server_mid_write_loses_no_acknowledged_change() {
    let db = TestDb::fresh().await;
    db.create_user("editor", "editor").await;
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let kills = 6;
    for round in 0..kills {
        let (mut child, base) = start(&db);
        let writer = tokio::spawn(write_until_killed(base, acknowledged.clone(), round));
        tokio::time::sleep(Duration::from_millis(150 + pseudo_random(350))).await;
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
        let _ = writer.await;
    }
    let (mut child, _) = start(&db);
    child.kill().unwrap();
    child.wait().unwrap();

    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= kills, "writes happened between kills: {}", acknowledged.len());
    let stored: Vec<String> = query_strings(&db, "select note from status_events where recorded_by = 'editor'").await;
    let audited: Vec<String> =
        query_strings(&db, "select after_json from audit_log where action = 'status.record'").await;
    let lost: Vec<&String> = acknowledged.iter().filter(|n| !stored.contains(n)).collect();
    assert!(lost.is_empty(), "acknowledged changes lost: {lost:?}");
    // Every stored change has exactly one audit record, and no audit record
    // lacks its change: nothing is half-present.
    for note in &stored {
        let records = audited.iter().filter(|a| a.contains(&format!("\"note\":\"{note}\""))).count();
        assert_eq!(records, 1, "{note}");
    }
    assert_eq!(audited.len(), stored.len());
    if !db.is_postgres() {
        assert_eq!(query_strings(&db, "pragma integrity_check").await, ["ok"]);
    }
    assert!(db.cli(&["audit", "verify"]).status.success());
    println!("crash test: {} kills, {} acknowledged changes, 0 lost", kills, acknowledged.len());
}

async fn query_strings(db: &TestDb, sql: &str) -> Vec<String> {
    if db.is_postgres() {
        let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
        let rows: Vec<(String,)> = sqlx::query_as(sql).fetch_all(&pool).await.unwrap();
        pool.close().await;
        rows.into_iter().map(|(s,)| s).collect()
    } else {
        let pool = sqlx::SqlitePool::connect(&db.url).await.unwrap();
        let rows: Vec<(String,)> = sqlx::query_as(sql).fetch_all(&pool).await.unwrap();
        pool.close().await;
        rows.into_iter().map(|(s,)| s).collect()
    }
}

#[tokio::test]
async fn sigterm_under_load_fails_no_accepted_request_and_exits_cleanly() {
    let db = TestDb::fresh().await;
    let (child, base) = start(&db);
    let pid = child.id();
    let failed = Arc::new(Mutex::new(Vec::<String>::new()));
    let served = Arc::new(Mutex::new(0usize));
    let unaccepted = Arc::new(Mutex::new(0usize));
    let workers = 16;
    let mut tasks = Vec::new();
    for worker in 0..workers {
        let (base, failed, served, unaccepted) = (base.clone(), failed.clone(), served.clone(), unaccepted.clone());
        tasks.push(tokio::spawn(async move {
            // A new connection per request: a refused connection was never
            // accepted, anything else that fails was.
            let client = reqwest::Client::builder().pool_max_idle_per_host(0).build().unwrap();
            let paths = ["/en/", "/en/amendments", "/en/amendments/15", "/api/v1/amendments", "/en/timeline"];
            for i in 0..400 {
                match client.get(format!("{base}{}", paths[(worker + i) % paths.len()])).send().await {
                    Ok(response) => match response.status().as_u16() {
                        200 => {
                            if response.bytes().await.is_ok() {
                                *served.lock().unwrap() += 1;
                            } else {
                                failed.lock().unwrap().push("body cut off".into());
                            }
                        }
                        status => failed.lock().unwrap().push(format!("status {status}")),
                    },
                    // Refused, or closed before the server read the request (it
                    // was still in the kernel's queue when the listener
                    // closed): never accepted. The worker stops there.
                    Err(_) => {
                        *unaccepted.lock().unwrap() += 1;
                        return;
                    }
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap().success());
    for task in tasks {
        task.await.unwrap();
    }
    let mut child = child;
    let status = child.wait().unwrap();
    assert!(status.success(), "exit status {status:?}");
    let failed = failed.lock().unwrap().clone();
    let served = *served.lock().unwrap();
    assert!(served > 20, "{served} requests served before the signal");
    assert!(failed.is_empty(), "failed in-flight requests: {failed:?}");
    assert!(*unaccepted.lock().unwrap() <= workers, "each worker stops at its first unaccepted request");
    println!("sigterm test: {served} served, 0 failed in flight");
}
