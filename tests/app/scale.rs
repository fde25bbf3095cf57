use crate::helpers::{TestApp, TestDb, between, listed_articles};

#[tokio::test]
async fn two_instances_starting_together_on_an_empty_database_seed_once_and_both_serve() {
    let db = TestDb::fresh().await;
    let (a, b) = tokio::join!(TestApp::spawn_on(&db), TestApp::spawn_on(&db));
    for app in [&a, &b] {
        assert_eq!(listed_articles(&app.page("/en/amendments").await).len(), 33);
        let history = app.page("/en/amendments/15").await;
        assert_eq!(between(&history, "<li id=\"event-", "\"").len(), 6, "each event exists once");
        assert_eq!(app.get("/healthz").await.status(), 200);
    }
}

#[tokio::test]
async fn a_write_through_one_instance_is_visible_through_the_other_at_once_and_sessions_are_shared() {
    let db = TestDb::fresh().await;
    db.create_user("editor", "editor").await;
    let (a, b) = tokio::join!(TestApp::spawn_on(&db), TestApp::spawn_on(&db));
    a.login_as("editor").await;
    let before = b.get("/en/amendments/42").await;
    let etag = before.headers()["etag"].to_str().unwrap().to_owned();

    let response = a.post_status("42", "amended_later", "2023-05-05", "Written through instance A").await;
    assert_eq!(response.status(), 303);
    // Instance B answers the old ETag with the new page, not 304.
    let after =
        b.client.get(format!("{}/en/amendments/42", b.base)).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(after.status(), 200);
    assert!(after.text().await.unwrap().contains("Written through instance A"));
    // The session cookie from A is valid on B.
    let cookie = a.client.get(format!("{}/en/admin/", a.base)).send().await.unwrap();
    assert_eq!(cookie.status(), 200);
    let token = a.login("editor", crate::helpers::PASSWORD).await.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let on_b = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let response = on_b.get(format!("{}/en/admin/", b.base)).header("cookie", token).send().await.unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn a_conditional_get_with_the_current_etag_gets_304_until_the_data_changes() {
    let (app, _db) = TestApp::spawn().await;
    let first = app.get("/en/amendments/15").await;
    assert_eq!(first.headers()["cache-control"], "public, no-cache");
    assert!(first.headers().contains_key("last-modified"));
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let again =
        app.client.get(format!("{}/en/amendments/15", app.base)).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(again.status(), 304);
    assert!(again.text().await.unwrap().is_empty());
    // Another language is another page with another ETag.
    let russian = app.get("/ru/amendments/15").await;
    assert_ne!(russian.headers()["etag"].to_str().unwrap(), etag);
}
