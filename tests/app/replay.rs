//! Starting from the state of 29 April 2022, an editor replays the rest of
//! the 2022 story through the admin forms; the public pages then match a
//! database loaded with the full seeds.

use referendum_tracker::seed::SeedData;

use crate::helpers::{Page, StatusForm, TestApp, TestDb, listed_articles, visible_text};

const UNTIL: &str = "2022-04-29";

/// What a reader sees of an amendment's state: the status line and each
/// history entry's date, status and note.
fn amendment_digest(html: &str) -> (String, Vec<String>) {
    let text = visible_text(html);
    let status = text
        .split("Current status:")
        .nth(1)
        .unwrap_or_default()
        .split('·')
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    let history = Page::parse(html)
        .select_text("li[id^='event-']")
        .into_iter()
        // Drop the source and the recording time, which differ by design.
        .map(|item| item.split(" Source:").next().unwrap_or_default().to_owned())
        .collect();
    (status, history)
}

#[tokio::test]
async fn an_editor_can_replay_the_2022_story_from_29_april_and_match_a_full_seed() {
    let data = SeedData::embedded().unwrap();
    let until = chrono::NaiveDate::parse_from_str(UNTIL, "%Y-%m-%d").unwrap();
    let source_url = |key: &str| {
        data.referendum
            .sources
            .iter()
            .find(|s| s.key == key)
            .and_then(|s| s.url.clone())
            .unwrap_or_else(|| "https://constitutionrk.kz/".to_owned())
    };

    let replayed = TestDb::fresh().await;
    assert!(replayed.cli(&["seed", "--until", UNTIL]).status.success());
    let app = TestApp::builder().on(replayed).with_editor().spawn().await;
    let editor = app.editor();

    // Status changes, amendment by amendment, in date order.
    for amendment in &data.amendments {
        let article = &amendment.article;
        for event in data.status_events(amendment).unwrap().into_iter().filter(|e| e.date > until) {
            let date = event.date.to_string();
            let change = StatusForm::valid()
                .status(event.status.as_str())
                .effective_date(&date)
                .note(event.note)
                .source_url(source_url(event.source));
            let response = editor.post_status(article, change).await;
            assert_eq!(response.status(), 303, "article {article}: {} on {date}", event.status);
        }
    }
    // Timeline events after that day.
    for event in data.referendum.timeline.iter().filter(|e| e.date > until) {
        let (csrf, _) = editor.form_tokens("/en/admin/timeline").await;
        let (starts, ends) = (event.date.to_string(), event.end_date.map(|d| d.to_string()).unwrap_or_default());
        let url = source_url(&event.sources[0]);
        let articles = event.amendments.join(", ");
        let response = editor
            .post_form(
                "/en/admin/timeline",
                &[
                    ("csrf_token", csrf.as_str()),
                    ("starts_on", starts.as_str()),
                    ("ends_on", ends.as_str()),
                    ("kind", event.kind.as_str()),
                    ("title", event.title.as_str()),
                    ("description", event.description.as_str()),
                    ("uncertainty_note", event.uncertainty_note.as_deref().unwrap_or_default()),
                    ("amendments", articles.as_str()),
                    ("source_url", url.as_str()),
                ],
            )
            .await;
        assert_eq!(response.status(), 303, "timeline {}", event.key);
    }

    let full = TestApp::builder().on(TestDb::fresh().await).spawn().await;
    for status in ["submitted", "adopted", "in_force", "amended_later", "superseded"] {
        let path = format!("/en/amendments?status={status}");
        assert_eq!(listed_articles(&app.page(&path).await), listed_articles(&full.page(&path).await), "{status}");
    }
    for amendment in &data.amendments {
        let path = format!("/en/amendments/{}", amendment.article);
        let (replayed, seeded) = (amendment_digest(&app.page(&path).await), amendment_digest(&full.page(&path).await));
        assert!(!seeded.0.is_empty() && seeded.1.len() >= 6, "{path}: {seeded:?}");
        assert_eq!(replayed, seeded, "{path}");
    }
    let timeline = |html: String| Page::parse(&html).select_text("h3[lang=en]");
    assert_eq!(timeline(app.page("/en/timeline").await), timeline(full.page("/en/timeline").await));
}
