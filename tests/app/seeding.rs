use crate::helpers::{TestApp, TestDb, listed_articles, listed_events, visible_text};

#[tokio::test]
async fn seed_until_29_april_2022_shows_every_amendment_submitted_and_a_full_seed_the_final_statuses() {
    let db = TestDb::fresh().await;
    let output = db.cli(&["seed", "--until", "2022-04-29"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));

    let app = TestApp::spawn_on(&db).await;
    let html = app.page("/en/amendments?status=submitted").await;
    assert_eq!(listed_articles(&html).len(), 33, "all 33 at the Council on 29 April 2022");
    let text = visible_text(&app.page("/en/timeline").await);
    assert!(!text.contains("Referendum day"), "no event after 29 April yet");
    app.stop().await;

    // Loading the rest adds what happened after, and nothing twice.
    let output = db.cli(&["seed"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let app = TestApp::spawn_on(&db).await;
    assert!(listed_articles(&app.page("/en/amendments?status=submitted").await).is_empty());
    assert_eq!(listed_articles(&app.page("/en/amendments?status=superseded").await).len(), 33);
    assert!(listed_articles(&app.page("/en/amendments?status=in_force").await).is_empty(), "none is law today");
    let on_the_last_day = "/en/amendments?status=amended_later&as_of=2026-06-30";
    assert_eq!(listed_articles(&app.page(on_the_last_day).await), ["42", "71", "91"]);
    let in_force = listed_articles(&app.page("/en/amendments?status=in_force&as_of=2026-06-30").await).len();
    assert_eq!(in_force, 30);
    let history = app.page("/en/amendments/15").await;
    assert_eq!(listed_events(&history).len(), 7);
}

#[tokio::test]
async fn after_a_restart_the_data_is_intact_and_no_seed_is_duplicated() {
    // Seeded in full by the server on its first start.
    let app = TestApp::builder().on(TestDb::fresh().await).spawn().await;
    let db = app.db().clone();
    let before_list = app.page("/en/amendments").await;
    let before_history = app.page("/en/amendments/42").await;
    let before_timeline = visible_text(&app.page("/en/timeline").await);
    app.stop().await;

    let app = TestApp::spawn_on(&db).await;
    assert_eq!(listed_articles(&app.page("/en/amendments").await), listed_articles(&before_list));
    let history = app.page("/en/amendments/42").await;
    assert_eq!(listed_events(&history), listed_events(&before_history));
    assert_eq!(
        visible_text(&app.page("/en/timeline").await).matches("Referendum day").count(),
        before_timeline.matches("Referendum day").count()
    );
    app.stop().await;

    // Seeding again by hand adds nothing either.
    let output = db.cli(&["seed"]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("0 status events and 0 timeline events added"));
    let app = TestApp::spawn_on(&db).await;
    assert_eq!(listed_events(&app.page("/en/amendments/42").await).len(), 8);
}
