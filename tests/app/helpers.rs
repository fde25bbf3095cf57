//! Test support: a database of the test's own ([`TestDb`]), the server on it
//! with ready-made signed-in clients ([`TestApp::builder`]), the admin status
//! form ([`StatusForm`]) and an HTML parser for structural checks ([`Page`]).

use std::{
    net::SocketAddr,
    path::Path,
    process::{Command, Output, Stdio},
    sync::{
        Arc, Mutex,
        atomic::{AtomicU32, Ordering},
    },
};

use referendum_tracker::{
    Application,
    config::Config,
    domain::{
        Actor,
        account::{Role, Username},
    },
    passwords,
    storage::Storage,
};
use scraper::{ElementRef, Html, Selector};
use tokio::sync::oneshot;

/// A database of the test's own: a file in a temporary folder, or a fresh
/// database on the PostgreSQL server named by TEST_POSTGRES_URL.
///
/// Clones share the database, and every server started on it holds a clone:
/// the temporary folder is removed, and the PostgreSQL database dropped, when
/// the last of them is gone — after the servers have closed their pools.
#[derive(Clone)]
pub struct TestDb {
    pub url: String,
    _guard: Arc<DbGuard>,
}

/// What goes away with the last handle on a test database.
struct DbGuard {
    _dir: Option<tempfile::TempDir>,
    _postgres: Option<PostgresDb>,
}

/// A `test_…` database created on a PostgreSQL server for one test.
struct PostgresDb {
    server: String,
    name: String,
}

impl Drop for PostgresDb {
    /// Best effort: a database left behind is only clutter, so errors are
    /// ignored. WITH (FORCE), PostgreSQL 13 and later, also ends connections
    /// that a pool outside the test's control still holds.
    fn drop(&mut self) {
        let psql = |sql: String| {
            Command::new("psql")
                .args([self.server.as_str(), "-q", "-c", sql.as_str()])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|status| status.success())
        };
        if !psql(format!("drop database if exists {} with (force)", self.name)) {
            let _ = psql(format!("drop database if exists {}", self.name));
        }
    }
}

impl TestDb {
    /// The tests' default world: the seeds up to 30 June 2026, the last day
    /// the 2022 amendments were law, when every kind of status change can
    /// still be recorded. (On 1 July 2026 all of them became superseded, a
    /// final status; tests of that start on `TestDb::fresh()`, which the
    /// server seeds in full.)
    pub async fn before_july_2026() -> Self {
        let db = Self::fresh().await;
        for args in [&["migrate"][..], &["seed", "--until", "2026-06-30"]] {
            let output = db.cli(args);
            assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        }
        db
    }

    pub async fn fresh() -> Self {
        match std::env::var("TEST_POSTGRES_URL") {
            Ok(server) if !server.is_empty() => Self::fresh_postgres(&server).await,
            _ => {
                let dir = tempfile::tempdir().expect("temporary folder");
                let url = format!("sqlite://{}/tracker.db", dir.path().display());
                Self { url, _guard: Arc::new(DbGuard { _dir: Some(dir), _postgres: None }) }
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
        let output = Command::new("psql")
            .args([server, "-q", "-c", &format!("create database {name}")])
            .output()
            .expect("psql runs");
        assert!(output.status.success(), "create database: {}", String::from_utf8_lossy(&output.stderr));
        let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
        let postgres = PostgresDb { server: server.to_owned(), name: name.clone() };
        Self { url: format!("{base}/{name}"), _guard: Arc::new(DbGuard { _dir: None, _postgres: Some(postgres) }) }
    }

    /// A SQLite database in a file the test looks after itself, e.g. the
    /// target of a restore.
    pub fn sqlite_at(file: &Path) -> Self {
        Self { url: format!("sqlite://{}", file.display()), _guard: Arc::new(DbGuard { _dir: None, _postgres: None }) }
    }

    #[allow(dead_code, reason = "used by the PostgreSQL-only tests")]
    pub fn is_postgres(&self) -> bool {
        self.url.starts_with("postgres")
    }

    /// Runs the release-shaped binary with arguments against this database.
    pub fn cli(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_referendum-tracker"))
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

/// The user name of the editor that [`TestAppBuilder::with_editor`] creates.
pub const EDITOR: &str = "editor";
/// The user name of the administrator that [`TestAppBuilder::with_admin`] creates.
pub const ADMIN: &str = "chief";

/// What a test server starts with: its database and its accounts.
#[must_use = "call .spawn() to start the server"]
pub struct TestAppBuilder {
    db: Option<TestDb>,
    accounts: Vec<(String, String)>,
    editor: bool,
    admin: bool,
}

impl TestAppBuilder {
    /// An editor account, [`EDITOR`], and a client signed in as it: `app.editor()`.
    pub fn with_editor(mut self) -> Self {
        self.editor = true;
        self
    }

    /// An administrator account, [`ADMIN`], and a client signed in as it: `app.admin()`.
    pub fn with_admin(mut self) -> Self {
        self.admin = true;
        self
    }

    /// An account with the test password and no client signed in, for tests
    /// of signing in itself.
    pub fn with_account(mut self, name: &str, role: &str) -> Self {
        self.accounts.push((name.to_owned(), role.to_owned()));
        self
    }

    /// Starts on a database the test prepared (e.g. seeded up to a date)
    /// instead of a fresh one.
    pub fn on(mut self, db: TestDb) -> Self {
        self.db = Some(db);
        self
    }

    /// Creates the accounts, starts the server (which migrates and seeds an
    /// empty database) and signs the clients in.
    pub async fn spawn(self) -> TestApp {
        let db = match self.db {
            Some(db) => db,
            None => TestDb::before_july_2026().await,
        };
        let mut accounts = self.accounts;
        if self.editor {
            accounts.push((EDITOR.to_owned(), "editor".to_owned()));
        }
        if self.admin {
            accounts.push((ADMIN.to_owned(), "admin".to_owned()));
        }
        for (name, role) in &accounts {
            db.create_user(name, role).await;
        }
        let mut app = TestApp::start(db, |_| {}).await;
        if self.editor {
            let editor = app.sign_in(EDITOR).await;
            app.editor = Some(editor);
        }
        if self.admin {
            let admin = app.sign_in(ADMIN).await;
            app.admin = Some(admin);
        }
        app
    }
}

/// The server on a test database, on a thread of its own, with an anonymous
/// client and, as the builder asked, clients signed in as an editor and an
/// administrator. Dropping it stops the server and waits until it has closed
/// its database pool.
pub struct TestApp {
    pub base: String,
    anonymous: TestClient,
    editor: Option<TestClient>,
    admin: Option<TestClient>,
    db: TestDb,
    server: Option<Server>,
}

struct Server {
    shutdown: oneshot::Sender<()>,
    finished: oneshot::Receiver<std::io::Result<()>>,
    thread: std::thread::JoinHandle<()>,
}

impl TestApp {
    /// Accounts and signed-in clients to start with, crates.io style:
    /// `TestApp::builder().with_editor().with_admin().spawn().await`.
    pub fn builder() -> TestAppBuilder {
        TestAppBuilder { db: None, accounts: Vec::new(), editor: false, admin: false }
    }

    /// A server on a fresh database, seeded as on first start, with no accounts.
    pub async fn spawn() -> Self {
        Self::builder().spawn().await
    }

    /// A server on an existing database, as after a restart or as a second
    /// instance beside another.
    pub async fn spawn_on(db: &TestDb) -> Self {
        Self::spawn_with(db, |_| {}).await
    }

    /// A server with a configuration adjusted by `adjust`.
    pub async fn spawn_with(db: &TestDb, adjust: impl FnOnce(&mut Config)) -> Self {
        Self::start(db.clone(), adjust).await
    }

    async fn start(db: TestDb, adjust: impl FnOnce(&mut Config)) -> Self {
        let mut config = Config::new("127.0.0.1:0", db.url.clone());
        adjust(&mut config);
        let (ready_tx, ready_rx) = oneshot::channel::<Result<SocketAddr, String>>();
        let (shutdown, shutdown_rx) = oneshot::channel::<()>();
        let (finished_tx, finished) = oneshot::channel::<std::io::Result<()>>();
        // Its own thread and runtime, so that dropping the app can wait for
        // the server to finish and close its pool before the database goes.
        let thread = std::thread::Builder::new()
            .name("test-server".to_owned())
            .spawn(move || {
                let runtime =
                    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("server runtime");
                runtime.block_on(async move {
                    let app = match Application::build(config).await {
                        Ok(app) => app,
                        Err(error) => {
                            let _ = ready_tx.send(Err(format!("{error:?}")));
                            return;
                        }
                    };
                    let _ = ready_tx.send(Ok(app.local_addr()));
                    let result = app
                        .run(async move {
                            let _ = shutdown_rx.await;
                        })
                        .await;
                    let _ = finished_tx.send(result);
                });
            })
            .expect("server thread starts");
        let addr = match ready_rx.await {
            Ok(Ok(addr)) => addr,
            Ok(Err(error)) => panic!("application builds: {error}"),
            Err(_) => panic!("the server thread ended before the server was ready"),
        };
        let base = format!("http://{addr}");
        Self {
            anonymous: TestClient::new(base.clone()),
            base,
            editor: None,
            admin: None,
            db,
            server: Some(Server { shutdown, finished, thread }),
        }
    }

    /// The database this server runs on.
    pub fn db(&self) -> &TestDb {
        &self.db
    }

    /// A visitor who is not signed in.
    pub fn anonymous(&self) -> &TestClient {
        &self.anonymous
    }

    /// The client signed in as [`EDITOR`]; needs `.with_editor()`.
    pub fn editor(&self) -> &TestClient {
        self.editor.as_ref().expect("a TestApp built .with_editor()")
    }

    /// The client signed in as [`ADMIN`]; needs `.with_admin()`.
    pub fn admin(&self) -> &TestClient {
        self.admin.as_ref().expect("a TestApp built .with_admin()")
    }

    /// Another client with an empty cookie store.
    pub fn new_client(&self) -> TestClient {
        TestClient::new(self.base.clone())
    }

    /// A new client signed in as `name` (an account with the test password):
    /// a session of its own.
    pub async fn sign_in(&self, name: &str) -> TestClient {
        let client = self.new_client();
        client.login_as(name).await;
        client.csrf().await;
        client
    }

    /// GET as the anonymous visitor.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.anonymous.get(path).await
    }

    /// GET as the anonymous visitor that must answer 200; returns the body.
    pub async fn page(&self, path: &str) -> String {
        self.anonymous.page(path).await
    }

    /// Stops the server and waits until it has closed its database pool.
    pub async fn stop(mut self) {
        if let Some(server) = self.server.take() {
            let _ = server.shutdown.send(());
            server.finished.await.expect("server thread").expect("server exits cleanly");
            server.thread.join().expect("server thread");
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            let _ = server.shutdown.send(());
            let _ = server.thread.join();
        }
    }
}

/// An HTTP client of a test server: a cookie store of its own, no automatic
/// redirects, and once signed in, the session's CSRF token at hand. Clones
/// share the cookie store (and so the session).
#[derive(Clone)]
pub struct TestClient {
    pub base: String,
    http: reqwest::Client,
    csrf: Arc<Mutex<Option<String>>>,
}

impl TestClient {
    fn new(base: String) -> Self {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("client");
        Self { base, http, csrf: Arc::new(Mutex::new(None)) }
    }

    /// The same client (cookies and all) talking to another server, as a
    /// browser does when a site moves to a new machine.
    pub fn towards(&self, base: &str) -> TestClient {
        TestClient { base: base.to_owned(), http: self.http.clone(), csrf: Arc::new(Mutex::new(None)) }
    }

    /// A request to a path of the server, to add headers to before sending.
    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.http.request(method, format!("{}{path}", self.base))
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.request(reqwest::Method::GET, path).send().await.expect("request")
    }

    /// GET that must answer 200; returns the body.
    pub async fn page(&self, path: &str) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.text().await.expect("body")
    }

    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.request(reqwest::Method::POST, path).form(form).send().await.expect("post")
    }

    /// Posts the real sign-in form; the client keeps the session cookie.
    pub async fn login(&self, name: &str, password: &str) -> reqwest::Response {
        // Whatever the answer, a token kept from an earlier session is stale.
        *self.csrf.lock().unwrap() = None;
        self.post_form("/en/admin/login", &[("username", name), ("password", password), ("next", "/en/admin/")]).await
    }

    /// Signs in with the test password, which must succeed.
    pub async fn login_as(&self, name: &str) {
        let response = self.login(name, PASSWORD).await;
        assert_eq!(response.status(), 303, "login as {name}");
    }

    /// The CSRF token of this client's session, as the admin forms carry it.
    pub async fn csrf(&self) -> String {
        let known = self.csrf.lock().unwrap().clone();
        if let Some(token) = known {
            return token;
        }
        let (token, _) = self.form_tokens("/en/admin/").await;
        assert!(!token.is_empty(), "no CSRF token on the dashboard: is this client signed in?");
        *self.csrf.lock().unwrap() = Some(token.clone());
        token
    }

    /// The CSRF token and the record version from an admin page's forms
    /// (empty when the page has none). The page must answer 200.
    pub async fn form_tokens(&self, path: &str) -> (String, String) {
        let (csrf, version) = form_tokens_in(&self.page(path).await);
        (csrf.unwrap_or_default(), version.unwrap_or_default())
    }

    /// Records a status change for an article through the real admin form;
    /// a token the form does not set is read from the amendment's admin page.
    pub async fn post_status(&self, article: &str, form: StatusForm) -> reqwest::Response {
        self.submit_status(article, "status", form).await
    }

    /// Posts the correction form of an article's latest status entry
    /// (`form.corrects(…)` names the entry).
    pub async fn post_correction(&self, article: &str, form: StatusForm) -> reqwest::Response {
        self.submit_status(article, "correction", form).await
    }

    async fn submit_status(&self, article: &str, action: &str, mut form: StatusForm) -> reqwest::Response {
        if form.csrf_token.is_none() || form.version.is_none() {
            let (csrf, version) = self.form_tokens(&format!("/en/admin/amendments/{article}")).await;
            form.csrf_token = form.csrf_token.or(Some(csrf));
            form.version = form.version.or(Some(version));
        }
        self.request(reqwest::Method::POST, &format!("/en/admin/amendments/{article}/{action}"))
            .form(&form.pairs())
            .send()
            .await
            .expect("post")
    }

    /// How many records the admin audit trail lists on its first page.
    pub async fn audit_count(&self) -> usize {
        Page::parse(&self.page("/en/admin/audit").await).count("li[id^='audit-']")
    }
}

/// The status form of an admin amendment page (also its correction form),
/// filled in with a change that the articles amended later in 2022 (42, 71,
/// 91) accept; setters change one field each.
#[derive(Clone, Debug)]
pub struct StatusForm {
    csrf_token: Option<String>,
    version: Option<String>,
    corrects: Option<String>,
    status: String,
    effective_date: String,
    note: String,
    source_url: String,
}

impl StatusForm {
    /// Amended later (again) on 1 March 2023, with a note and a source; the
    /// CSRF token and version are read from the page when posted.
    pub fn valid() -> Self {
        Self {
            csrf_token: None,
            version: None,
            corrects: None,
            status: "amended_later".to_owned(),
            effective_date: "2023-03-01".to_owned(),
            note: "A later change, recorded by a test.".to_owned(),
            source_url: "https://www.akorda.kz/en/example".to_owned(),
        }
    }

    pub fn status(mut self, status: impl Into<String>) -> Self {
        self.status = status.into();
        self
    }

    pub fn effective_date(mut self, date: impl Into<String>) -> Self {
        self.effective_date = date.into();
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = note.into();
        self
    }

    pub fn source_url(mut self, url: impl Into<String>) -> Self {
        self.source_url = url.into();
        self
    }

    pub fn csrf_token(mut self, token: impl Into<String>) -> Self {
        self.csrf_token = Some(token.into());
        self
    }

    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = Some(version.into());
        self
    }

    /// The status entry a correction corrects.
    pub fn corrects(mut self, event_id: impl Into<String>) -> Self {
        self.corrects = Some(event_id.into());
        self
    }

    /// Sets a field by its form name, for tests that go through the fields.
    pub fn set(self, field: &str, value: &str) -> Self {
        match field {
            "csrf_token" => self.csrf_token(value),
            "version" => self.version(value),
            "corrects" => self.corrects(value),
            "status" => self.status(value),
            "effective_date" => self.effective_date(value),
            "note" => self.note(value),
            "source_url" => self.source_url(value),
            other => panic!("the status form has no field {other}"),
        }
    }

    /// The form's fields as posted; tokens not set are left out.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let tokens = [("csrf_token", &self.csrf_token), ("version", &self.version), ("corrects", &self.corrects)];
        let mut pairs: Vec<(&'static str, String)> =
            tokens.into_iter().filter_map(|(name, value)| value.clone().map(|value| (name, value))).collect();
        pairs.extend([
            ("status", self.status.clone()),
            ("effective_date", self.effective_date.clone()),
            ("note", self.note.clone()),
            ("source_url", self.source_url.clone()),
        ]);
        pairs
    }
}

/// The CSRF token and the record version of the first forms on a page.
pub fn form_tokens_in(html: &str) -> (Option<String>, Option<String>) {
    let page = Page::parse(html);
    (page.attr("input[name=csrf_token]", "value"), page.attr("input[name=version]", "value"))
}

/// An HTML document parsed into a DOM, for checks of elements, attributes
/// and links by CSS selector. Attribute values and texts come decoded.
pub struct Page {
    html: Html,
}

impl Page {
    pub fn parse(html: &str) -> Self {
        Self { html: Html::parse_document(html) }
    }

    fn selector(css: &str) -> Selector {
        Selector::parse(css).unwrap_or_else(|error| panic!("bad CSS selector {css:?}: {error:?}"))
    }

    /// Every element matching `css`, in document order.
    pub fn select_all(&self, css: &str) -> Vec<ElementRef<'_>> {
        self.html.select(&Self::selector(css)).collect()
    }

    pub fn count(&self, css: &str) -> usize {
        self.select_all(css).len()
    }

    pub fn exists(&self, css: &str) -> bool {
        self.count(css) > 0
    }

    /// The text of each element matching `css`, trimmed, with runs of HTML
    /// (ASCII) whitespace as one space.
    pub fn select_text(&self, css: &str) -> Vec<String> {
        self.select_all(css)
            .into_iter()
            .map(|element| element.text().collect::<String>())
            .map(|t| collapse(&t))
            .collect()
    }

    /// The value of attribute `name` on each element matching `css` that has it.
    pub fn attrs(&self, css: &str, name: &str) -> Vec<String> {
        self.select_all(css).into_iter().filter_map(|element| element.attr(name)).map(str::to_owned).collect()
    }

    /// The value of attribute `name` on the first element matching `css` that has it.
    pub fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.attrs(css, name).into_iter().next()
    }

    /// All the text of the page, as a reader sees it: words separated by one space.
    pub fn text(&self) -> String {
        words(&self.html.root_element().text().collect::<String>())
    }

    /// The text of the page without the elements matching `css` (and their
    /// content), e.g. `[lang=en]`: content shown untranslated in English.
    pub fn text_without(&self, css: &str) -> String {
        let left_out = Self::selector(css);
        let mut text = String::new();
        for node in self.html.root_element().descendants() {
            let Some(piece) = node.value().as_text() else { continue };
            if !node.ancestors().filter_map(ElementRef::wrap).any(|element| left_out.matches(&element)) {
                text.push_str(piece);
            }
        }
        words(&text)
    }
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of a page, for "does the reader see this sentence" checks.
pub fn visible_text(html: &str) -> String {
    Page::parse(html).text()
}

/// Every value of a marker in a text that is not HTML (Rust source, XML), in
/// order: `between(xml, "<loc>", "</loc>")` gives every address of a sitemap.
pub fn between<'a>(text: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    let mut found = Vec::new();
    let mut rest = text;
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
    Page::parse(html)
        .select_text("span.article-no")
        .into_iter()
        .filter_map(|label| label.strip_prefix("Article ").map(str::to_owned))
        .collect()
}

/// The ids of the status history entries an amendment page lists, in order.
pub fn listed_events(html: &str) -> Vec<String> {
    Page::parse(html)
        .attrs("li[id^='event-']", "id")
        .into_iter()
        .map(|id| id.trim_start_matches("event-").to_owned())
        .collect()
}

/// The addresses the results of a search page link to, in order.
pub fn search_result_links(html: &str) -> Vec<String> {
    Page::parse(html).attrs("ol.search-results h2 > a", "href")
}
