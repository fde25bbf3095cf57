use std::{
    process::Output,
    sync::atomic::{AtomicU32, Ordering},
};

use referendum_tracker::{
    Application,
    config::Config,
    domain::account::{Role, Username},
    passwords,
    storage::{Storage, audit::Actor},
};
use tokio::{sync::oneshot, task::JoinHandle};

/// A database of the test's own: a file in a temporary folder, or a fresh
/// database on the PostgreSQL server named by TEST_POSTGRES_URL.
pub struct TestDb {
    pub url: String,
    pub _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    pub async fn fresh() -> Self {
        match std::env::var("TEST_POSTGRES_URL") {
            Ok(server) if !server.is_empty() => Self::fresh_postgres(&server).await,
            _ => {
                let dir = tempfile::tempdir().expect("temporary folder");
                let url = format!("sqlite://{}/tracker.db", dir.path().display());
                Self { url, _dir: Some(dir) }
            }
        }
    }

    async fn fresh_postgres(server: &str) -> Self {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos()
        );
        let output = std::process::Command::new("psql")
            .args([server, "-q", "-c", &format!("create database {name}")])
            .output()
            .expect("psql runs");
        assert!(output.status.success(), "create database: {}", String::from_utf8_lossy(&output.stderr));
        let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
        Self { url: format!("{base}/{name}"), _dir: None }
    }

    #[allow(dead_code, reason = "used by the PostgreSQL-only tests")]
    pub fn is_postgres(&self) -> bool {
        self.url.starts_with("postgres")
    }

    /// Runs the release-shaped binary with arguments against this database.
    pub fn cli(&self, args: &[&str]) -> Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_referendum-tracker"))
            .args(args)
            .env("DATABASE_URL", &self.url)
            .env("RUST_LOG", "warn")
            .output()
            .expect("binary runs")
    }
}

pub const PASSWORD: &str = "correct horse battery staple";

impl TestDb {
    /// Creates an account directly in the database.
    pub async fn create_user(&self, name: &str, role: &str) {
        let storage = Storage::connect(&self.url, &Default::default()).await.expect("connect");
        storage.migrate().await.expect("migrate");
        let hash = passwords::hash_password(PASSWORD).expect("hash");
        let actor = Actor { username: "test setup".to_owned(), client_addr: None };
        storage
            .create_user(&actor, &Username::parse(name).unwrap(), role.parse::<Role>().unwrap(), &hash)
            .await
            .expect("create user");
        storage.close().await;
    }

    /// Runs one SQL statement directly, bypassing the application.
    pub async fn execute_sql(&self, sql: &str) {
        if self.is_postgres() {
            let pool = sqlx::PgPool::connect(&self.url).await.unwrap();
            sqlx::query(sql).execute(&pool).await.unwrap();
            pool.close().await;
        } else {
            let pool = sqlx::SqlitePool::connect(&self.url).await.unwrap();
            sqlx::query(sql).execute(&pool).await.unwrap();
            pool.close().await;
        }
    }
}

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<std::io::Result<()>>>,
}

impl TestApp {
    /// A server on a fresh database, seeded as on first start.
    pub async fn spawn() -> (Self, TestDb) {
        let db = TestDb::fresh().await;
        (Self::spawn_on(&db).await, db)
    }

    /// A server on an existing database, as after a restart.
    pub async fn spawn_on(db: &TestDb) -> Self {
        Self::spawn_with(db, |_| {}).await
    }

    /// A server with a configuration adjusted by `adjust`.
    pub async fn spawn_with(db: &TestDb, adjust: impl FnOnce(&mut Config)) -> Self {
        let mut config = Config::new("127.0.0.1:0", db.url.clone());
        adjust(&mut config);
        let app = Application::build(config).await.expect("application builds");
        let base = format!("http://{}", app.local_addr());
        let (tx, rx) = oneshot::channel::<()>();
        let server = tokio::spawn(app.run(async {
            let _ = rx.await;
        }));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("client");
        Self { base, client, shutdown: Some(tx), server: Some(server) }
    }

    /// Signs in through the real form; the client keeps the session cookie.
    pub async fn login(&self, name: &str, password: &str) -> reqwest::Response {
        self.client
            .post(format!("{}/en/admin/login", self.base))
            .form(&[("username", name), ("password", password), ("next", "/en/admin/")])
            .send()
            .await
            .expect("login request")
    }

    pub async fn login_as(&self, name: &str) {
        let response = self.login(name, PASSWORD).await;
        assert_eq!(response.status(), 303, "login as {name}");
    }

    /// The CSRF token and the record version from an admin page's forms.
    pub async fn form_tokens(&self, path: &str) -> (String, String) {
        let html = self.page(path).await;
        let csrf =
            between(&html, "name=\"csrf_token\" value=\"", "\"").first().map(|s| s.to_string()).unwrap_or_default();
        let version =
            between(&html, "name=\"version\" value=\"", "\"").first().map(|s| s.to_string()).unwrap_or_default();
        (csrf, version)
    }

    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client.post(format!("{}{path}", self.base)).form(form).send().await.expect("post")
    }

    /// Records a status change for an article through the real admin form.
    pub async fn post_status(&self, article: &str, status: &str, date: &str, note: &str) -> reqwest::Response {
        let (csrf, version) = self.form_tokens(&format!("/en/admin/amendments/{article}")).await;
        self.post_form(
            &format!("/en/admin/amendments/{article}/status"),
            &[
                ("csrf_token", &csrf),
                ("version", &version),
                ("status", status),
                ("effective_date", date),
                ("note", note),
                ("source_url", "https://www.akorda.kz/en/example"),
            ],
        )
        .await
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.base)).send().await.expect("request")
    }

    /// GET that must answer 200; returns the body.
    pub async fn page(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.text().await.expect("body")
    }

    /// Stops the server and waits until it has closed its database pool.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            server.await.expect("server task").expect("server exits cleanly");
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// The text of a page with tags removed and entities decoded, for "does the
/// reader see this sentence" checks.
pub fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = decode_entities(&text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn decode_entities(text: &str) -> String {
    text.replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace("&#38;", "&")
}

/// Every value of an attribute-like marker in a page, in order:
/// `between(html, "id=\"", "\"")` gives all ids.
pub fn between<'a>(html: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(start) {
        rest = &rest[i + start.len()..];
        match rest.find(end) {
            Some(j) => {
                found.push(&rest[..j]);
                rest = &rest[j..];
            }
            None => break,
        }
    }
    found
}

/// Article numbers in the order the amendment list shows them.
pub fn listed_articles(html: &str) -> Vec<String> {
    between(html, "<span class=\"article-no\">Article ", "<").into_iter().map(str::to_owned).collect()
}

/// The page without the elements marked as being in `lang` (and without
/// their content), e.g. content shown untranslated in its original language.
pub fn without_elements_in(html: &str, lang: &str) -> String {
    let marker = format!(" lang=\"{lang}\"");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(&marker) {
        let Some(open) = rest[..at].rfind('<') else { break };
        let name: String = rest[open + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        out.push_str(&rest[..open]);
        // Skip to the matching end tag, counting nested elements of that name.
        let (start_tag, end_tag) = (format!("<{name}"), format!("</{name}>"));
        let mut depth = 0usize;
        let mut i = open;
        loop {
            let next_start = rest[i + 1..].find(&start_tag).map(|p| p + i + 1);
            let Some(next_end) = rest[i + 1..].find(&end_tag).map(|p| p + i + 1) else {
                i = rest.len();
                break;
            };
            match next_start {
                Some(s) if s < next_end => {
                    depth += 1;
                    i = s;
                }
                _ if depth > 0 => {
                    depth -= 1;
                    i = next_end;
                }
                _ => {
                    i = next_end + end_tag.len();
                    break;
                }
            }
        }
        rest = &rest[i.min(rest.len())..];
    }
    out.push_str(rest);
    out
}
