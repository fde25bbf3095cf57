//! The timeline, announcements, translations, results, the Council review,
//! search and the audit trail itself.

use super::{TestStore, assert_one_change, assert_unchanged, day, editor, trail};
use crate::{
    domain::{
        announcement,
        rejection::{KeyKind, Rejection},
        results::Stage,
    },
    storage::{
        WriteError,
        announcements::AnnouncementMeta,
        audit::AuditFilter,
        results::SetUpdate,
        timeline::TimelineInput,
        translations::{TranslationInput, TranslationTarget},
    },
};

fn timeline_input(amendments: &[&str]) -> TimelineInput {
    TimelineInput {
        starts_on: day("2022-06-20"),
        ends_on: None,
        kind: "implementation".to_owned(),
        title: "A test event".to_owned(),
        description: "Recorded by a test.".to_owned(),
        uncertainty_note: None,
        amendments: amendments.iter().map(|a| (*a).to_owned()).collect(),
        source_url: Some("https://example.org/event".to_owned()),
    }
}

#[tokio::test]
async fn timeline_events_are_created_updated_at_their_version_and_deleted() {
    for store in TestStore::all().await {
        let storage = &store.storage;
        let referendum = storage.current_referendum().await.unwrap().unwrap().id;
        let before = trail(storage).await;
        let unknown = storage.save_timeline_event(&editor(), referendum, None, &timeline_input(&["999"])).await;
        assert!(matches!(unknown, Err(WriteError::Rejected(Rejection::UnknownKey { kind: KeyKind::Amendment, .. }))));
        assert_unchanged(storage, before, "an unknown article").await;

        let id = storage.save_timeline_event(&editor(), referendum, None, &timeline_input(&["15"])).await.unwrap();
        assert_one_change(storage, before, "create").await;
        let saved = storage.timeline_event(id).await.unwrap().expect("saved");
        assert_eq!(
            (saved.row.title.as_str(), saved.articles.as_slice()),
            ("A test event", ["15".to_owned()].as_slice())
        );

        let stale = storage
            .save_timeline_event(&editor(), referendum, Some((id, saved.version + 1)), &timeline_input(&[]))
            .await;
        assert!(matches!(stale, Err(WriteError::Conflict { current }) if current == saved.version));
        let before = trail(storage).await;
        storage.delete_timeline_event(&editor(), referendum, id, saved.version).await.unwrap();
        assert_one_change(storage, before, "delete").await;
        assert!(storage.timeline_event(id).await.unwrap().is_none(), "{}", store.backend_name());
    }
}

#[tokio::test]
async fn an_announcement_is_imported_once_with_its_statements() {
    for store in TestStore::all().await {
        let storage = &store.storage;
        let referendum = storage.current_referendum().await.unwrap().unwrap().id;
        let document =
            "A short address\n\nOn the Senate\n\n• The Senate gets fewer appointed members.\n• Its powers change.\n";
        let parsed = announcement::parse(document).expect("a valid document");
        let meta = AnnouncementMeta {
            slug: "short-address".to_owned(),
            event: "A test".to_owned(),
            announced_on: day("2022-05-01"),
            speaker: "A speaker".to_owned(),
            venue: "A venue".to_owned(),
            source_note: "Written for a test.".to_owned(),
        };
        let before = trail(storage).await;
        let id = storage.import_announcement(&editor(), referendum, &meta, &parsed, document).await.unwrap();
        assert_one_change(storage, before, "import").await;
        let statements = storage.statements(id).await.unwrap();
        assert_eq!(statements.len(), 2, "{}", store.backend_name());
        assert_eq!(statements[0].text, "The Senate gets fewer appointed members.");
        let before = trail(storage).await;
        let again = storage.import_announcement(&editor(), referendum, &meta, &parsed, document).await;
        assert!(matches!(again, Err(WriteError::Rejected(Rejection::SlugTaken(_)))));
        assert_unchanged(storage, before, "a second import").await;
    }
}

#[tokio::test]
async fn translations_are_saved_side_by_side_at_the_amendments_version() {
    for store in TestStore::all().await {
        let storage = &store.storage;
        let referendum = storage.current_referendum().await.unwrap().unwrap().id;
        let amendment = storage.amendment(referendum, "15").await.unwrap().unwrap();
        let input = [TranslationInput {
            lang: "ru",
            field: "title",
            text: Some("Тестовый заголовок".to_owned()),
            official: false,
            source_url: None,
        }];
        let target = |expected_version| TranslationTarget::Amendment {
            referendum_id: referendum,
            article: "15",
            expected_version,
        };
        let before = trail(storage).await;
        let stale = storage.save_translations(&editor(), target(amendment.version - 1), &input).await;
        assert!(matches!(stale, Err(WriteError::Conflict { .. })));
        assert_unchanged(storage, before, "a stale translation").await;
        storage.save_translations(&editor(), target(amendment.version), &input).await.unwrap();
        assert_one_change(storage, before, "translations").await;
        let saved = storage.translations("amendment", Some("ru"), Some(amendment.id)).await.unwrap();
        assert!(saved.iter().any(|t| t.field == "title" && t.text == "Тестовый заголовок" && !t.official));
    }
}

#[tokio::test]
async fn results_with_an_unknown_source_are_refused_whole() {
    for store in TestStore::all().await {
        let storage = &store.storage;
        let referendum = storage.current_referendum().await.unwrap().unwrap().id;
        let figures_before = storage.result_figures(referendum).await.unwrap().len();
        let update = |source: &str| SetUpdate {
            stage: Stage::Preliminary,
            published_on: day("2022-06-06"),
            figures: vec![("national".to_owned(), "cast".to_owned(), Some(1), source.to_owned())],
            replace: false,
        };
        let before = trail(storage).await;
        let refused = storage.update_results(&editor(), referendum, &[update("no-such-source")]).await;
        assert!(matches!(refused, Err(WriteError::Rejected(Rejection::UnknownKey { kind: KeyKind::Source, .. }))));
        assert_unchanged(storage, before, "refused results").await;
        assert_eq!(storage.result_figures(referendum).await.unwrap().len(), figures_before);
        storage.update_results(&editor(), referendum, &[update("https://example.org/results")]).await.unwrap();
        assert_one_change(storage, before, "one set of results").await;
    }
}

#[tokio::test]
async fn the_seed_is_read_back_and_recorded_in_the_audit_trail() {
    for store in TestStore::all().await {
        let storage = &store.storage;
        let referendum = storage.current_referendum().await.unwrap().expect("seeded");
        let review = storage.council_review(referendum.id).await.unwrap().expect("the Council's review");
        assert_eq!(review.conclusion_date, Some(day("2022-05-04")), "{}", store.backend_name());
        assert!(!storage.search("Senate", 10).await.unwrap().is_empty(), "search finds seeded content");
        let seed_runs = storage
            .audit_records(&AuditFilter { actor: Some("seed".to_owned()), ..Default::default() }, 10)
            .await
            .unwrap();
        assert_eq!(seed_runs.len(), 1, "one seed run, one record");
        assert_eq!(seed_runs[0].action, "seed.load");
        assert!(!seed_runs[0].public, "seeding is not a public change");
    }
}
