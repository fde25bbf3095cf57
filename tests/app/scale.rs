use crate::helpers::{PASSWORD, StatusForm, TestApp, TestDb, listed_articles, listed_events};

#[tokio::test]
async fn two_instances_starting_together_on_an_empty_database_seed_once_and_both_serve() {
    let db = TestDb::fresh().await;
    let (a, b) = tokio::join!(TestApp::spawn_on(&db), TestApp::spawn_on(&db));
    for app in [&a, &b] {
        assert_eq!(listed_articles(&app.page("/en/amendments").await).len(), 33);
        let history = app.page("/en/amendments/15").await;
        assert_eq!(listed_events(&history).len(), 7, "each event exists once");
        assert_eq!(app.get("/healthz").await.status(), 200);
    }
}

#[tokio::test]
async fn a_write_through_one_instance_is_visible_through_the_other_at_once_and_sessions_are_shared() {
    let a = TestApp::builder().with_editor().spawn().await;
    let b = TestApp::spawn_on(a.db()).await;
    let before = b.get("/en/amendments/42").await;
    let etag = before.headers()["etag"].to_str().unwrap().to_owned();

    let change =
        StatusForm::valid().status("amended_later").effective_date("2023-05-05").note("Written through instance A");
    let response = a.editor().post_status("42", change).await;
    assert_eq!(response.status(), 303);
    // Instance B answers the old ETag with the new page, not 304.
    let after = b
        .anonymous()
        .request(reqwest::Method::GET, "/en/amendments/42")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), 200);
    assert!(after.text().await.unwrap().contains("Written through instance A"));
    // The session cookie from A is valid on B.
    let cookie = a.editor().get("/en/admin/").await;
    assert_eq!(cookie.status(), 200);
    let token = a.editor().login("editor", PASSWORD).await.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let on_b = b.new_client();
    let response = on_b.request(reqwest::Method::GET, "/en/admin/").header("cookie", token).send().await.unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn a_conditional_get_with_the_current_etag_gets_304_until_the_data_changes() {
    let app = TestApp::spawn().await;
    let first = app.get("/en/amendments/15").await;
    assert_eq!(first.headers()["cache-control"], "public, no-cache");
    assert!(first.headers().contains_key("last-modified"));
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let again = app
        .anonymous()
        .request(reqwest::Method::GET, "/en/amendments/15")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert!(again.text().await.unwrap().is_empty());
    // Another language is another page with another ETag.
    let russian = app.get("/ru/amendments/15").await;
    assert_ne!(russian.headers()["etag"].to_str().unwrap(), etag);
}
