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
    let mut command = Command::new(binary());
    command.env("RUST_LOG", "warn").stderr(Stdio::null());
    started(db, command)
}

/// Starts the server with its default log settings; what it logs collects
/// in the returned string.
fn start_logging(db: &TestDb) -> (Child, String, Arc<Mutex<String>>) {
    let mut command = Command::new(binary());
    command.env_remove("RUST_LOG").stderr(Stdio::piped());
    let (mut child, base) = started(db, command);
    let log = Arc::new(Mutex::new(String::new()));
    let (stderr, collected) = (child.stderr.take().unwrap(), log.clone());
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let mut log = collected.lock().unwrap();
            log.push_str(&line);
            log.push('\n');
        }
    });
    (child, base, log)
}

fn started(db: &TestDb, mut command: Command) -> (Child, String) {
    let mut child = command
        .args(["--bind", "127.0.0.1:0"])
        .env("DATABASE_URL", &db.url)
        .stdout(Stdio::piped())
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
    let db = TestDb::before_july_2026().await;
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

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).cookie_store(true).build().unwrap()
}

#[tokio::test]
async fn security_events_are_logged_with_user_and_address_and_never_a_secret() {
    let db = TestDb::fresh().await;
    db.create_user("editor", "editor").await;
    let (mut child, base, log) = start_logging(&db);
    let client = no_redirects();
    let login = |password: &'static str| [("username", "editor"), ("password", password), ("next", "/en/admin/")];
    let wrong = "wrong secret Zq9-unique";
    let response = client.post(format!("{base}/en/admin/login")).form(&login(wrong)).send().await.unwrap();
    assert_eq!(response.status(), 401);
    let response = client.post(format!("{base}/en/admin/login")).form(&login(PASSWORD)).send().await.unwrap();
    assert_eq!(response.status(), 303);
    let session = response.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
    let session_value = session.split_once('=').unwrap().1.to_owned();
    let users = client.get(format!("{base}/en/admin/users")).send().await.unwrap();
    assert_eq!(users.status(), 403, "an editor is refused an admin-only page");
    let page = client.get(format!("{base}/en/admin/amendments/42")).send().await.unwrap().text().await.unwrap();
    let csrf = form_tokens_in(&page).0.expect("the form carries a token");
    let cross_site = client
        .post(format!("{base}/en/admin/amendments/42/status"))
        .header("origin", "https://evil.example")
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), 403);
    let forged = client
        .post(format!("{base}/en/admin/amendments/42/status"))
        .form(&[("csrf_token", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    tokio::time::sleep(Duration::from_millis(300)).await;
    child.kill().unwrap();
    child.wait().unwrap();

    let log = log.lock().unwrap().clone();
    let line = |needle: &str| {
        log.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?} in:\n{log}"))
            .to_owned()
    };
    for event in
        ["sign-in failed", "signed in", "refused: an admin-only page", "refused: a cross-site write", "CSRF token"]
    {
        let line = line(event);
        assert!(line.contains("client=127.0.0.1"), "{line}");
        assert!(line.contains("security"), "under the security target: {line}");
        if event != "refused: a cross-site write" {
            assert!(line.contains("user=editor"), "{line}");
        }
    }
    assert!(!log.contains('\u{1b}'), "plain text, no colour codes, when the log is not a terminal");
    for secret in [wrong, PASSWORD, session_value.as_str(), csrf.as_str()] {
        assert!(!log.contains(secret), "a secret in the log: {secret:?}");
    }
}

/// The peak resident memory of a process, in KiB.
fn peak_memory_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[tokio::test]
async fn parallel_sign_ins_keep_memory_flat() {
    let db = TestDb::fresh().await;
    db.create_user("editor", "editor").await;
    // Each sign-in from its own address, so that only the hashing bound,
    // not the per-address throttle, stands between them and the server.
    let mut command = Command::new(binary());
    command.env("RUST_LOG", "warn").env("TRUST_FORWARDED_FOR", "true").stderr(Stdio::null());
    let (mut child, base) = started(&db, command);
    // One sign-in first, so the peak includes what a single hash needs.
    let form = [("username", "editor"), ("password", PASSWORD), ("next", "/en/admin/")];
    let first = no_redirects().post(format!("{base}/en/admin/login")).form(&form).send().await.unwrap();
    assert_eq!(first.status(), 303);
    let before = peak_memory_kib(child.id());
    let mut sign_ins = tokio::task::JoinSet::new();
    for n in 0..40 {
        let base = base.clone();
        sign_ins.spawn(async move {
            // Unknown accounts cost the same hashing as known ones, and no
            // per-account limit stops them.
            let user = format!("nobody-{n}");
            let form = [("username", user.as_str()), ("password", "a guess"), ("next", "/en/admin/")];
            let response = no_redirects()
                .post(format!("{base}/en/admin/login"))
                .header("x-forwarded-for", format!("198.51.100.{n}"))
                .form(&form)
                .send()
                .await
                .unwrap();
            response.status().as_u16()
        });
    }
    let statuses = sign_ins.join_all().await;
    let after = peak_memory_kib(child.id());
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(statuses.iter().all(|s| *s == 401 || *s == 503), "checked, or asked to retry: {statuses:?}");
    assert!(statuses.iter().filter(|s| **s == 401).count() >= 4, "{statuses:?}");
    // Each password check needs 19 MiB; forty at once would need 760 MiB.
    let grown_mib = after.saturating_sub(before) / 1024;
    assert!(grown_mib < 100, "peak memory grew by {grown_mib} MiB under 40 parallel sign-ins");
    println!("parallel sign-ins: peak memory grew by {grown_mib} MiB; statuses {statuses:?}");
}
