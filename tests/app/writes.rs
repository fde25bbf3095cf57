//! Every write route in the route table, driven through its real form: a
//! valid post adds exactly one audit record and moves the data version; an
//! invalid one answers 4xx and changes nothing. A write route added to the
//! router without a row here fails the test.

use std::collections::BTreeSet;

use referendum_tracker::{
    storage::{PoolConfig, Storage},
    web::{area::Area, route_table, routes::Verb},
};
use scraper::{Html, Selector};

use crate::helpers::{PASSWORD, StatusForm, TestApp, TestClient};

/// Write routes that change no data: signing in and out make and end a
/// session (throttled and logged, not audited as content).
const NOT_DATA_WRITES: [&str; 2] = ["/admin/login", "/admin/logout"];

/// The fields of the post form on `html` whose action ends with `action`,
/// as a browser would send them unchanged.
fn form_fields(html: &str, action: &str) -> Vec<(String, String)> {
    let page = Html::parse_document(html);
    let forms = Selector::parse("form[method=post]").unwrap();
    let form = page
        .select(&forms)
        .find(|f| f.value().attr("action").is_some_and(|a| a.ends_with(action)))
        .unwrap_or_else(|| panic!("no form posting to …{action}"));
    let mut fields = Vec::new();
    for element in form.select(&Selector::parse("input[name], textarea[name], select[name]").unwrap()) {
        let e = element.value();
        let name = e.attr("name").unwrap().to_owned();
        let value = match e.name() {
            "textarea" => element.text().collect::<String>(),
            "select" => {
                let options = Selector::parse("option").unwrap();
                let mut chosen = element.select(&options).filter(|o| o.value().attr("selected").is_some());
                let first = element.select(&options).next();
                chosen.next().or(first).and_then(|o| o.value().attr("value")).unwrap_or_default().to_owned()
            }
            _ => match e.attr("type") {
                Some("checkbox") | Some("radio") if e.attr("checked").is_none() => continue,
                Some("submit") => continue,
                Some("checkbox") => e.attr("value").unwrap_or("on").to_owned(),
                _ => e.attr("value").unwrap_or_default().to_owned(),
            },
        };
        fields.push((name, value));
    }
    fields
}

fn set(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    fields.retain(|(n, _)| n != name);
    fields.push((name.to_owned(), value.to_owned()));
}

fn with(mut fields: Vec<(String, String)>, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    for (name, value) in changes {
        set(&mut fields, name, value);
    }
    fields
}

/// The audit trail's length and the data version, read from the database.
async fn trail(app: &TestApp) -> (usize, i64) {
    let storage = Storage::connect(&app.db().url, &PoolConfig::default()).await.unwrap();
    let records = storage.verify_audit_chain().await.unwrap().expect("the chain holds");
    let version = storage.data_state().await.unwrap().version;
    storage.close().await;
    (records, version)
}

struct Case {
    route: &'static str,
    path: String,
    client: TestClient,
    valid: Vec<(String, String)>,
    invalid: Vec<(String, String)>,
}

async fn post(client: &TestClient, path: &str, fields: &[(String, String)]) -> reqwest::Response {
    client.request(reqwest::Method::POST, path).form(fields).send().await.expect("post")
}

/// Runs one case: the invalid post first (nothing may change), then the
/// valid one (one record, one version).
async fn check(app: &TestApp, case: Case, covered: &mut BTreeSet<&'static str>) {
    let before = trail(app).await;
    let refused = post(&case.client, &case.path, &case.invalid).await;
    let status = refused.status().as_u16();
    assert!((400..500).contains(&status), "{}: an invalid post answered {status}", case.route);
    assert_eq!(trail(app).await, before, "{}: a refused post changed nothing", case.route);
    let accepted = post(&case.client, &case.path, &case.valid).await;
    assert_eq!(accepted.status(), 303, "{}: a valid post redirects to its result", case.route);
    assert_eq!(trail(app).await, (before.0 + 1, before.1 + 1), "{}: one audit record, one version", case.route);
    covered.insert(case.route);
}

#[tokio::test]
async fn every_write_route_is_one_audited_change_and_refused_input_changes_nothing() {
    let app = TestApp::builder().with_editor().with_admin().spawn().await;
    let (editor, admin) = (app.editor().clone(), app.admin().clone());
    let csrf = editor.csrf().await;
    let admin_csrf = admin.csrf().await;
    let mut covered = BTreeSet::new();
    let fields = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect()
    };

    // Amendments: status, correction, edit, links.
    let page = editor.page("/admin/amendments/42").await;
    let status = form_fields(&page, "/amendments/42/status");
    let valid = StatusForm::valid().pairs().into_iter().map(|(n, v)| (n.to_owned(), v)).collect::<Vec<_>>();
    let valid: Vec<_> = valid
        .into_iter()
        .filter(|(n, _)| n != "csrf_token" && n != "version")
        .chain(status.iter().filter(|(n, _)| n == "csrf_token" || n == "version").cloned())
        .collect();
    let path = "/admin/amendments/42/status".to_owned();
    let invalid = with(valid.clone(), &[("effective_date", "2022-02-30")]);
    check(
        &app,
        Case { route: "/admin/amendments/{article}/status", path, client: editor.clone(), valid, invalid },
        &mut covered,
    )
    .await;

    let page = editor.page("/admin/amendments/42").await;
    let correction = form_fields(&page, "/amendments/42/correction");
    let valid = with(
        correction.clone(),
        &[
            ("effective_date", "2023-03-02"),
            ("note", "Corrected by a test."),
            ("source_url", "https://www.akorda.kz/en/x"),
        ],
    );
    let invalid = with(valid.clone(), &[("corrects", "1")]);
    let path = "/admin/amendments/42/correction".to_owned();
    check(
        &app,
        Case { route: "/admin/amendments/{article}/correction", path, client: editor.clone(), valid, invalid },
        &mut covered,
    )
    .await;

    let page = editor.page("/admin/amendments/42").await;
    let edit = form_fields(&page, "/amendments/42/edit");
    let valid = with(edit.clone(), &[("title", "Art. 42, retitled by a test")]);
    let invalid = with(edit, &[("theme.no-such-theme", "on")]);
    let path = "/admin/amendments/42/edit".to_owned();
    check(
        &app,
        Case { route: "/admin/amendments/{article}/edit", path, client: editor.clone(), valid, invalid },
        &mut covered,
    )
    .await;

    let page = editor.page("/admin/amendments/42").await;
    let link = form_fields(&page, "/amendments/42/links");
    let valid = with(link.clone(), &[("note", "Linked by a test.")]);
    let invalid = with(link, &[("note", "")]);
    let path = "/admin/amendments/42/links".to_owned();
    check(
        &app,
        Case { route: "/admin/amendments/{article}/links", path, client: editor.clone(), valid, invalid },
        &mut covered,
    )
    .await;

    let page = editor.page("/admin/amendments/42").await;
    let unlink = form_fields(&page, "/amendments/42/links/delete");
    let invalid = with(unlink.clone(), &[("version", "not a number")]);
    let path = "/admin/amendments/42/links/delete".to_owned();
    check(
        &app,
        Case {
            route: "/admin/amendments/{article}/links/delete",
            path,
            client: editor.clone(),
            valid: unlink,
            invalid,
        },
        &mut covered,
    )
    .await;

    // The timeline: create, update, delete.
    let event = fields(&[
        ("csrf_token", &csrf),
        ("starts_on", "2027-03-01"),
        ("ends_on", ""),
        ("kind", "election"),
        ("title", "An event made by a test"),
        ("description", "Planned for testing."),
        ("uncertainty_note", ""),
        ("amendments", "50"),
        ("source_url", "https://www.election.gov.kz/example"),
    ]);
    let invalid = with(event.clone(), &[("title", "")]);
    check(
        &app,
        Case {
            route: "/admin/timeline",
            path: "/admin/timeline".to_owned(),
            client: editor.clone(),
            valid: event,
            invalid,
        },
        &mut covered,
    )
    .await;
    let list = editor.page("/admin/timeline").await;
    let id = Html::parse_document(&list)
        .select(&Selector::parse("a[href^='/admin/timeline/'], a[href*='/admin/timeline/']").unwrap())
        .filter_map(|a| a.value().attr("href").and_then(|h| h.rsplit('/').next()).and_then(|s| s.parse::<i64>().ok()))
        .max()
        .expect("an event to edit");
    let edit = form_fields(&editor.page(&format!("/admin/timeline/{id}")).await, &format!("/timeline/{id}"));
    let valid = with(edit.clone(), &[("title", "An event retitled by a test")]);
    let invalid = with(edit, &[("starts_on", "someday")]);
    let path = format!("/admin/timeline/{id}");
    check(&app, Case { route: "/admin/timeline/{id}", path, client: editor.clone(), valid, invalid }, &mut covered)
        .await;
    let delete = form_fields(&editor.page(&format!("/admin/timeline/{id}")).await, &format!("/timeline/{id}/delete"));
    let invalid = with(delete.clone(), &[("version", "0")]);
    let path = format!("/admin/timeline/{id}/delete");
    check(
        &app,
        Case { route: "/admin/timeline/{id}/delete", path, client: editor.clone(), valid: delete, invalid },
        &mut covered,
    )
    .await;

    // An announcement.
    let document = "A test statement\nOn courts\n· The Constitutional Court will hear citizens.";
    let announcement = fields(&[
        ("csrf_token", &csrf),
        ("slug", "test-statement"),
        ("event", "Press briefing"),
        ("announced_on", "2022-07-01"),
        ("speaker", "A spokesperson"),
        ("venue", "Astana"),
        ("source_note", "Test document."),
        ("document", document),
        ("action", "save"),
    ]);
    let invalid = with(announcement.clone(), &[("document", "Only a title")]);
    let path = "/admin/announcements/import".to_owned();
    check(
        &app,
        Case { route: "/admin/announcements/import", path, client: editor.clone(), valid: announcement, invalid },
        &mut covered,
    )
    .await;

    // Translations of an amendment.
    let page = editor.page("/admin/amendments/15").await;
    let href = Html::parse_document(&page)
        .select(&Selector::parse("a[href*='/admin/translations/amendment/']").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .next()
        .expect("a translation link");
    let href = href.split_once("/admin/").map(|(_, rest)| format!("/admin/{rest}")).unwrap();
    let translations = form_fields(&editor.page(&href).await, &href);
    let valid = with(translations.clone(), &[("ru.title", "Перевод, сделанный тестом")]);
    let invalid = with(valid.clone(), &[("version", "0")]);
    check(
        &app,
        Case { route: "/admin/translations/{kind}/{id}", path: href, client: editor.clone(), valid, invalid },
        &mut covered,
    )
    .await;

    // Results: one figure, and an import of one stage.
    let figure = fields(&[
        ("csrf_token", &csrf),
        ("stage", "final"),
        ("published_on", "2022-06-11"),
        ("scope", "national"),
        ("field", "cast"),
        ("value", "7985769"),
        ("source_url", "https://www.election.gov.kz/example"),
    ]);
    let invalid = with(figure.clone(), &[("value", "many")]);
    check(
        &app,
        Case {
            route: "/admin/results",
            path: "/admin/results".to_owned(),
            client: editor.clone(),
            valid: figure,
            invalid,
        },
        &mut covered,
    )
    .await;
    let import = form_fields(&editor.page("/admin/results").await, "/results/import");
    let csv = import.iter().find(|(n, _)| n == "csv").map(|(_, v)| v.clone()).expect("the current results as CSV");
    let one_stage: String = csv
        .lines()
        .enumerate()
        .filter(|(i, l)| *i == 0 || l.starts_with("final,"))
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    assert!(one_stage.lines().count() > 1, "the final results are in the CSV");
    let valid = with(import.clone(), &[("csv", &one_stage)]);
    let invalid = with(import, &[("csv", "stage,nonsense\nfinal,1\n")]);
    let path = "/admin/results/import".to_owned();
    check(&app, Case { route: "/admin/results/import", path, client: editor.clone(), valid, invalid }, &mut covered)
        .await;

    // The editor's own password.
    let account =
        fields(&[("csrf_token", &csrf), ("current_password", PASSWORD), ("new_password", "another long password")]);
    let invalid = with(account.clone(), &[("current_password", "not the password")]);
    check(
        &app,
        Case {
            route: "/admin/account",
            path: "/admin/account".to_owned(),
            client: editor.clone(),
            valid: account,
            invalid,
        },
        &mut covered,
    )
    .await;

    // Admin only: users and referendums.
    let user = fields(&[
        ("csrf_token", &admin_csrf),
        ("username", "second"),
        ("password", "a long enough password"),
        ("role", "editor"),
    ]);
    let invalid = with(user.clone(), &[("password", "short")]);
    check(
        &app,
        Case { route: "/admin/users", path: "/admin/users".to_owned(), client: admin.clone(), valid: user, invalid },
        &mut covered,
    )
    .await;
    let token = fields(&[("csrf_token", &admin_csrf)]);
    for (route, action) in [("/admin/users/{name}/disable", "disable"), ("/admin/users/{name}/enable", "enable")] {
        let case = Case {
            route,
            path: format!("/admin/users/second/{action}"),
            client: admin.clone(),
            valid: token.clone(),
            invalid: with(token.clone(), &[("csrf_token", "forged")]),
        };
        check(&app, case, &mut covered).await;
    }
    let reset = fields(&[("csrf_token", &admin_csrf), ("password", "a new long password")]);
    let invalid = with(reset.clone(), &[("password", "short")]);
    let path = "/admin/users/second/password".to_owned();
    check(
        &app,
        Case { route: "/admin/users/{name}/password", path, client: admin.clone(), valid: reset, invalid },
        &mut covered,
    )
    .await;
    let referendum = fields(&[
        ("csrf_token", &admin_csrf),
        ("slug", "next-reform"),
        ("title", "A future referendum"),
        ("summary", "What it changes."),
        ("question", "Do you accept?"),
        ("thresholds", "More than half."),
        ("proposed_on", "2026-01-10"),
        ("vote_on", ""),
        ("source_url", "https://www.akorda.kz/en/future"),
        ("amendments", "1 | First change | It changes article 1."),
    ]);
    let invalid = with(referendum.clone(), &[("proposed_on", "soon")]);
    check(
        &app,
        Case {
            route: "/admin/referendums",
            path: "/admin/referendums".to_owned(),
            client: admin.clone(),
            valid: referendum,
            invalid,
        },
        &mut covered,
    )
    .await;
    let case = Case {
        route: "/admin/referendums/{slug}/publish",
        path: "/admin/referendums/next-reform/publish".to_owned(),
        client: admin.clone(),
        valid: token.clone(),
        invalid: with(token.clone(), &[("csrf_token", "forged")]),
    };
    check(&app, case, &mut covered).await;

    // Every write route of the table is covered, in both of its mounts.
    let writes: BTreeSet<String> = route_table()
        .into_iter()
        .filter(|r| r.area == Area::Admin && r.verbs.contains(&Verb::Post))
        .map(|r| r.path)
        .collect();
    for path in &writes {
        let bare = path.strip_prefix("/{lang}").unwrap_or(path);
        assert!(writes.contains(bare), "{path} is mounted bare too");
        assert!(
            covered.contains(bare) || NOT_DATA_WRITES.contains(&bare),
            "the write route {bare} has no case in this test"
        );
    }
    assert!(covered.len() >= 19, "{covered:?}");
}

#[tokio::test]
async fn a_status_change_while_the_database_cannot_take_writes_answers_503_with_retry_after() {
    use sqlx::Connection;
    let db = crate::helpers::TestDb::before_july_2026().await;
    db.create_user("editor", "editor").await;
    let app = TestApp::spawn_with(&db, |config| config.pool.busy_timeout = std::time::Duration::from_millis(300)).await;
    let editor = app.sign_in("editor").await;
    let form = StatusForm::valid();
    // Another writer holds the write lock for as long as this test wants: to
    // the app, the database cannot take the write now.
    enum Holder {
        Sqlite(sqlx::SqliteConnection),
        Postgres(sqlx::PgConnection),
    }
    let holder = if db.is_postgres() {
        let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
        sqlx::query("begin").execute(&mut conn).await.unwrap();
        sqlx::query("select pg_advisory_xact_lock($1)")
            .bind(referendum_tracker::storage::WRITE_LOCK_KEY)
            .execute(&mut conn)
            .await
            .unwrap();
        Holder::Postgres(conn)
    } else {
        let mut conn = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
        sqlx::query("begin immediate").execute(&mut conn).await.unwrap();
        Holder::Sqlite(conn)
    };
    let before = trail(&app).await;
    let (csrf, version) = editor.form_tokens("/en/admin/amendments/42").await;
    let refused = editor.post_status("42", form.clone().csrf_token(csrf.clone()).version(version.clone())).await;
    assert_eq!(refused.status(), 503, "a write that cannot be taken now is 'try again', not an error");
    assert!(refused.headers().contains_key("retry-after"));
    assert!(refused.text().await.unwrap().contains("<html"), "with the error page");
    match holder {
        Holder::Sqlite(mut conn) => sqlx::query("rollback").execute(&mut conn).await.map(drop).unwrap(),
        Holder::Postgres(mut conn) => sqlx::query("rollback").execute(&mut conn).await.map(drop).unwrap(),
    }
    assert_eq!(trail(&app).await, before, "nothing was stored");
    let accepted = editor.post_status("42", form.csrf_token(csrf).version(version)).await;
    assert_eq!(accepted.status(), 303, "once the lock is free the same post goes through");
}
