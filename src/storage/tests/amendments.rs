//! Amendments: status changes, corrections, edits and statement links.

use super::{TestStore, assert_one_change, assert_unchanged, day, editor, trail};
use crate::{
    domain::{
        Status,
        rejection::{KeyKind, Rejection},
    },
    storage::{
        Storage, WriteError,
        amendments::{AmendmentEdit, NewStatusEvent},
        referendums::NewReferendum,
    },
};

/// A fresh, unpublished referendum with one amendment (Art. 1) whose history
/// starts "drafted" on 1 March 2030; returns its id.
async fn one_amendment(storage: &Storage) -> i64 {
    let new = NewReferendum {
        slug: "test-2030".to_owned(),
        title: "A test package".to_owned(),
        summary: "For the storage tests.".to_owned(),
        question: "Do you agree?".to_owned(),
        thresholds: "More than half.".to_owned(),
        proposed_on: day("2030-03-01"),
        vote_on: None,
        source_url: "https://example.org/package".to_owned(),
        amendments: vec![(
            crate::domain::ArticleNumber::parse("1").unwrap(),
            "Art. 1".to_owned(),
            "In short.".to_owned(),
        )],
    };
    storage.create_referendum(&editor(), &new).await.expect("create");
    storage.referendums().await.unwrap();
    let (id,): (i64,) = crate::storage::on_pool!(storage.db(), |pool| sqlx::query_as(
        "select id from referendums where slug = 'test-2030'"
    )
    .fetch_one(pool)
    .await
    .unwrap());
    id
}

fn event(status: Status, date: &str) -> NewStatusEvent {
    NewStatusEvent {
        status,
        effective_date: day(date),
        note: "Recorded by a test.".to_owned(),
        source_url: "https://example.org/source".to_owned(),
    }
}

async fn version(storage: &Storage, referendum: i64) -> i64 {
    storage.amendment(referendum, "1").await.unwrap().expect("the amendment").version
}

#[tokio::test]
async fn a_legal_status_change_is_appended_with_one_audit_record() {
    for store in TestStore::all().await {
        let storage = &store.storage;
        let referendum = one_amendment(storage).await;
        let before = trail(storage).await;
        let next = Status::Drafted.next()[0];
        let v = version(storage, referendum).await;
        storage.record_status(&editor(), referendum, "1", v, &event(next, "2030-03-02")).await.expect("legal");
        assert_one_change(storage, before, store.backend_name()).await;
        let a = storage.amendment(referendum, "1").await.unwrap().unwrap();
        let history = storage.status_events(a.id, day("2030-12-31")).await.unwrap();
        assert_eq!(history.iter().map(|e| e.status.as_str()).collect::<Vec<_>>(), ["drafted", next.as_str()]);
        assert_eq!(a.version, v + 1);
    }
}

#[tokio::test]
async fn refused_status_changes_say_why_and_store_nothing() {
    for store in TestStore::all().await {
        let storage = &store.storage;
        let referendum = one_amendment(storage).await;
        let v = version(storage, referendum).await;
        let before = trail(storage).await;
        let illegal = Status::ALL.into_iter().find(|s| !Status::Drafted.next().contains(s)).unwrap();
        let refused = storage.record_status(&editor(), referendum, "1", v, &event(illegal, "2030-03-02")).await;
        match refused {
            Err(WriteError::Rejected(Rejection::IllegalTransition { from, to, allowed })) => {
                assert_eq!((from, to), (Some(Status::Drafted), illegal));
                assert_eq!(allowed, Status::Drafted.next());
            }
            other => panic!("{}: {other:?}", store.backend_name()),
        }
        let early =
            storage.record_status(&editor(), referendum, "1", v, &event(Status::Drafted.next()[0], "2030-02-01")).await;
        assert!(matches!(
            early,
            Err(WriteError::Rejected(Rejection::DateBeforePrevious { previous })) if previous == day("2030-03-01")
        ));
        let stale = storage
            .record_status(&editor(), referendum, "1", v - 1, &event(Status::Drafted.next()[0], "2030-03-02"))
            .await;
        assert!(matches!(stale, Err(WriteError::Conflict { current }) if current == v));
        let missing =
            storage.record_status(&editor(), referendum, "99", v, &event(Status::Submitted, "2030-03-02")).await;
        assert!(matches!(missing, Err(WriteError::NotFound)));
        assert_unchanged(storage, before, store.backend_name()).await;
    }
}

#[tokio::test]
async fn only_the_latest_entry_can_be_corrected_and_both_stay_in_the_history() {
    for store in TestStore::all().await {
        let storage = &store.storage;
        let referendum = one_amendment(storage).await;
        let next = Status::Drafted.next()[0];
        let v = version(storage, referendum).await;
        let first = storage.amendment(referendum, "1").await.unwrap().unwrap();
        let drafted = storage.status_events(first.id, day("2030-12-31")).await.unwrap()[0].id;
        let wrong = storage.record_status(&editor(), referendum, "1", v, &event(next, "2030-03-05")).await.unwrap();
        let before = trail(storage).await;
        let not_latest = storage
            .correct_status(&editor(), referendum, "1", v + 1, drafted, &event(Status::Drafted, "2030-03-01"))
            .await;
        assert!(matches!(not_latest, Err(WriteError::Rejected(Rejection::CorrectLatestOnly))));
        assert_unchanged(storage, before, "a refused correction").await;
        storage.correct_status(&editor(), referendum, "1", v + 1, wrong, &event(next, "2030-03-04")).await.unwrap();
        assert_one_change(storage, before, "a correction").await;
        let history = storage.status_events(first.id, day("2030-12-31")).await.unwrap();
        assert_eq!(history.len(), 3, "{}: the wrong entry is kept beside its correction", store.backend_name());
        assert_eq!(history.iter().filter(|e| e.corrects_event_id == Some(wrong)).count(), 1);
    }
}

#[tokio::test]
async fn edits_and_links_check_the_version_and_their_keys() {
    for store in TestStore::all().await {
        let storage = &store.storage;
        let referendum = one_amendment(storage).await;
        let v = version(storage, referendum).await;
        let mut edit = AmendmentEdit {
            title: "Art. 1, retitled".to_owned(),
            summary: "Shorter.".to_owned(),
            explanation: "Why, in our words.".to_owned(),
            wording_before: None,
            wording_after: None,
            themes: vec!["no-such-theme".to_owned()],
            sources: vec![],
        };
        let before = trail(storage).await;
        let unknown = storage.edit_amendment(&editor(), referendum, "1", v, &edit).await;
        assert!(matches!(
            unknown,
            Err(WriteError::Rejected(Rejection::UnknownKey { kind: KeyKind::Theme, ref key })) if key == "no-such-theme"
        ));
        assert_unchanged(storage, before, "an unknown theme").await;
        edit.themes.clear();
        storage.edit_amendment(&editor(), referendum, "1", v, &edit).await.unwrap();
        assert_one_change(storage, before, "an edit").await;
        assert_eq!(storage.amendment(referendum, "1").await.unwrap().unwrap().title, "Art. 1, retitled");

        let stale = storage.link_statement(&editor(), referendum, "1", v, "any", "A note.").await;
        assert!(matches!(stale, Err(WriteError::Conflict { current }) if current == v + 1), "links check the version");
        let unknown = storage.link_statement(&editor(), referendum, "1", v + 1, "no-such-statement", "A note.").await;
        assert!(matches!(unknown, Err(WriteError::Rejected(Rejection::UnknownKey { kind: KeyKind::Statement, .. }))));
        let unlink = storage.unlink_statement(&editor(), referendum, "1", v, "no-such-statement").await;
        assert!(matches!(unlink, Err(WriteError::Conflict { .. })), "unlinks check the version");
    }
}
