use icalendar::{CalendarComponent, Component};

use crate::helpers::{Page, TestApp};

async fn feed(app: &TestApp, path: &str) -> atom_syndication::Feed {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/atom+xml"));
    response.text().await.unwrap().parse().expect("a valid Atom document")
}

#[tokio::test]
async fn the_atom_feed_has_one_entry_per_status_event_newest_first_with_stable_ids() {
    let app = TestApp::spawn().await;
    let db = app.db().clone();
    let parsed = feed(&app, "/en/feed.atom").await;
    let status_entries: Vec<&atom_syndication::Entry> =
        parsed.entries().iter().filter(|e| e.id().contains(":status-event:")).collect();
    assert_eq!(status_entries.len(), 201);
    assert_eq!(parsed.entries().len(), 201 + 34 + 2, "status events, timeline events and the two result sets");
    assert!(
        parsed
            .entries()
            .iter()
            .any(|e| e.id().contains(":result-set:") && e.title().as_str().contains("final results"))
    );
    let dates: Vec<_> = parsed.entries().iter().map(|e| e.published().unwrap().date_naive()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    let first = &parsed.entries()[0];
    assert!(first.links()[0].href().starts_with("http://127.0.0.1:"));
    assert!(parsed.links().iter().any(|l| l.rel() == "self"));
    let ids: Vec<String> = parsed.entries().iter().map(|e| e.id().to_owned()).collect();
    app.stop().await;

    let again = TestApp::spawn_on(&db).await;
    let reparsed = feed(&again, "/en/feed.atom").await;
    assert_eq!(reparsed.entries().iter().map(|e| e.id().to_owned()).collect::<Vec<_>>(), ids, "stable across restarts");
    // The bare address works too, and pages advertise the feed.
    assert_eq!(feed(&again, "/feed.atom").await.entries().len(), ids.len());
    let overview = Page::parse(&again.page("/en/").await);
    assert!(overview.exists("link[rel=alternate][type='application/atom+xml'][href='/en/feed.atom']"));
}

#[tokio::test]
async fn an_amendment_has_its_own_feed_in_each_language() {
    let app = TestApp::spawn().await;
    let parsed = feed(&app, "/en/amendments/42/feed.atom").await;
    let statuses = parsed.entries().iter().filter(|e| e.id().contains(":status-event:")).count();
    assert_eq!(statuses, 7);
    assert!(
        parsed
            .entries()
            .iter()
            .all(|e| e.title().as_str().starts_with("Article 42") || e.id().contains(":timeline-event:"))
    );
    let page = Page::parse(&app.page("/en/amendments/42").await);
    assert!(page.exists("link[type='application/atom+xml'][href='/en/amendments/42/feed.atom']"));
    assert_eq!(app.get("/en/amendments/999/feed.atom").await.status(), 404);
    let russian = feed(&app, "/ru/amendments/42/feed.atom").await;
    assert!(russian.entries()[0].title().as_str().starts_with("Статья 42"));
}

#[tokio::test]
async fn the_calendar_parses_and_holds_every_timeline_event_with_a_unique_uid() {
    let app = TestApp::spawn().await;
    let response = app.get("/timeline.ics").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let text = response.text().await.unwrap();
    let calendar: icalendar::Calendar = text.parse().expect("a valid iCalendar document");
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), 34);
    let mut uids: Vec<&str> = events.iter().map(|e| e.get_uid().unwrap()).collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), 34, "unique UIDs");
    assert!(events.iter().all(|e| e.get_timestamp().is_some() && e.get_url().is_some() && e.get_start().is_some()));
    // Ranges end the day after their last day (DTEND is exclusive).
    assert!(text.contains("DTSTART;VALUE=DATE:20220102"));
    assert!(text.contains("DTEND;VALUE=DATE:20220112"));
}
