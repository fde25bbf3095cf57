use crate::helpers::{TestApp, TestDb, between, visible_text};

fn result_links(html: &str) -> Vec<String> {
    let list = html.split("<ol class=\"search-results\">").nth(1).unwrap_or_default();
    between(list, "<h2><a href=\"", "\"").into_iter().map(str::to_owned).collect()
}

#[tokio::test]
async fn death_penalty_finds_article_15_first_with_a_highlighted_snippet() {
    let (app, _db) = TestApp::spawn().await;
    let html = app.page("/en/search?q=death+penalty").await;
    let links = result_links(&html);
    assert_eq!(links.first().map(String::as_str), Some("/en/amendments/15"), "{links:?}");
    assert!(html.contains("<mark>"), "matches are highlighted");
}

#[tokio::test]
async fn a_statement_hit_links_to_its_exact_anchor() {
    let (app, _db) = TestApp::spawn().await;
    let links = result_links(&app.page("/en/search?q=Kurultay").await);
    assert!(
        links
            .iter()
            .any(|l| l.starts_with("/en/announcements/2022-04-29-assembly-of-the-people#on-the-national-kurultay-")),
        "{links:?}"
    );
}

#[tokio::test]
async fn russian_and_kazakh_queries_find_translated_content_in_any_case() {
    let (app, _db) = TestApp::spawn().await;
    for query in ["смертная+казнь", "СМЕРТНАЯ+КАЗНЬ", "өлім+жазасы", "ӨЛІМ+ЖАЗАСЫ"]
    {
        let links = result_links(&app.page(&format!("/ru/search?q={query}")).await);
        assert!(links.contains(&"/ru/amendments/15".to_owned()), "{query}: {links:?}");
    }
    let links = result_links(&app.page("/kk/search?q=Сенат").await);
    assert!(links.contains(&"/kk/amendments/50".to_owned()), "{links:?}");
}

#[tokio::test]
async fn hostile_and_odd_queries_never_fail() {
    let (app, _db) = TestApp::spawn().await;
    let long = "x".repeat(5000);
    for query in [
        "\"",
        "\"\"\"",
        "NEAR(",
        "a*",
        "*",
        "-",
        "(",
        ")",
        "^",
        "OR",
        "AND NOT",
        "col:x",
        "'",
        "%22death%22",
        "",
        "%00",
        long.as_str(),
    ] {
        let response = app.get(&format!("/en/search?q={query}")).await;
        assert_eq!(response.status(), 200, "{query:.40}");
    }
    let text = visible_text(&app.page("/en/search?q=zzzzqqq").await);
    assert!(text.contains("Nothing found."));
}

#[tokio::test]
async fn a_status_change_or_edit_is_searchable_at_once() {
    let db = TestDb::fresh().await;
    db.create_user("editor", "editor").await;
    let app = TestApp::spawn_on(&db).await;
    app.login_as("editor").await;
    let html = app.page("/en/admin/amendments/24").await;
    let csrf = between(&html, "name=\"csrf_token\" value=\"", "\"")[0].to_owned();
    let version = between(&html, "name=\"version\" value=\"", "\"")[0].to_owned();
    let mut form: Vec<(String, String)> = vec![
        ("csrf_token".into(), csrf),
        ("version".into(), version),
        ("title".into(), "Forced labour only by court order (xylophonic)".into()),
        ("summary".into(), "A summary.".into()),
        ("explanation".into(), "An explanation.".into()),
        ("wording_before".into(), String::new()),
        ("wording_after".into(), String::new()),
        ("sources".into(), "LAW-RU".into()),
    ];
    form.push(("theme.forced-labour".into(), "on".into()));
    let borrowed: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(app.post_form("/en/admin/amendments/24/edit", &borrowed).await.status(), 303);
    let links = result_links(&app.page("/en/search?q=xylophonic").await);
    assert_eq!(links, ["/en/amendments/24"]);
    // A status change is findable by its note as soon as it is recorded.
    let html = app.page("/en/admin/amendments/42").await;
    let csrf = between(&html, "name=\"csrf_token\" value=\"", "\"")[0].to_owned();
    let version = between(&html, "name=\"version\" value=\"", "\"")[0].to_owned();
    let status = [
        ("csrf_token", csrf.as_str()),
        ("version", version.as_str()),
        ("status", "amended_later"),
        ("effective_date", "2023-03-01"),
        ("note", "Marimbaphone amendment note"),
        ("source_url", "https://example.org/m"),
    ];
    assert_eq!(app.post_form("/en/admin/amendments/42/status", &status).await.status(), 303);
    let links = result_links(&app.page("/en/search?q=marimbaphone").await);
    assert_eq!(links.len(), 1);
    assert!(links[0].starts_with("/en/amendments/42#event-"), "{links:?}");
}
