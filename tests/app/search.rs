use crate::helpers::{Page, StatusForm, TestApp, search_result_links as result_links, visible_text};

#[tokio::test]
async fn death_penalty_finds_article_15_first_with_a_highlighted_snippet() {
    let app = TestApp::spawn().await;
    let html = app.page("/en/search?q=death+penalty").await;
    let links = result_links(&html);
    assert_eq!(links.first().map(String::as_str), Some("/en/amendments/15"), "{links:?}");
    assert!(Page::parse(&html).exists("ol.search-results .snippet mark"), "matches are highlighted");
}

#[tokio::test]
async fn a_statement_hit_links_to_its_exact_anchor() {
    let app = TestApp::spawn().await;
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
    let app = TestApp::spawn().await;
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
    let app = TestApp::spawn().await;
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
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    let (csrf, version) = editor.form_tokens("/en/admin/amendments/24").await;
    assert!(!csrf.is_empty() && !version.is_empty(), "the edit form carries its tokens");
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
    assert_eq!(editor.post_form("/en/admin/amendments/24/edit", &borrowed).await.status(), 303);
    let links = result_links(&app.page("/en/search?q=xylophonic").await);
    assert_eq!(links, ["/en/amendments/24"]);
    // A status change is findable by its note as soon as it is recorded.
    let status = StatusForm::valid()
        .status("amended_later")
        .effective_date("2023-03-01")
        .note("Marimbaphone amendment note")
        .source_url("https://example.org/m");
    let response = editor.post_status("42", status).await;
    assert_eq!(response.status(), 303);
    let links = result_links(&app.page("/en/search?q=marimbaphone").await);
    assert_eq!(links.len(), 1);
    assert!(links[0].starts_with("/en/amendments/42#event-"), "{links:?}");
}
