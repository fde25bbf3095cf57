//! Referendums: creating one keeps it private until it is published.

use super::{TestStore, assert_one_change, assert_unchanged, day, editor, trail};
use crate::{
    domain::rejection::Rejection,
    storage::{WriteError, referendums::NewReferendum},
};

fn package(slug: &str) -> NewReferendum {
    NewReferendum {
        slug: slug.to_owned(),
        title: "A later package".to_owned(),
        summary: "Proposed after the 2022 one.".to_owned(),
        question: "Do you agree?".to_owned(),
        thresholds: "More than half.".to_owned(),
        proposed_on: day("2031-01-10"),
        vote_on: Some(day("2031-03-01")),
        source_url: "https://example.org/package".to_owned(),
        amendments: vec![(crate::domain::ArticleNumber::parse("2").unwrap(), "Art. 2".to_owned(), "Short.".to_owned())],
    }
}

#[tokio::test]
async fn a_new_referendum_stays_unpublished_until_published() {
    for store in TestStore::all().await {
        let storage = &store.storage;
        let shown = storage.current_referendum().await.unwrap().expect("the seeded referendum").slug;
        let before = trail(storage).await;
        storage.create_referendum(&editor(), &package("later")).await.unwrap();
        assert_one_change(storage, before, "create").await;
        let listed = storage.referendums().await.unwrap();
        let later = listed.iter().find(|r| r.slug == "later").expect("listed for the admin");
        assert!(!later.published);
        assert_eq!(later.amendments, 1);
        assert_eq!(storage.current_referendum().await.unwrap().unwrap().slug, shown, "a draft is never on show");

        let before = trail(storage).await;
        storage.publish_referendum(&editor(), "later").await.unwrap();
        assert_one_change(storage, before, "publish").await;
        assert_eq!(storage.current_referendum().await.unwrap().unwrap().slug, "later", "the newest published");
    }
}

#[tokio::test]
async fn a_taken_slug_or_a_missing_referendum_is_refused() {
    for store in TestStore::all().await {
        let storage = &store.storage;
        storage.create_referendum(&editor(), &package("later")).await.unwrap();
        let before = trail(storage).await;
        let taken = storage.create_referendum(&editor(), &package("later")).await;
        assert!(matches!(taken, Err(WriteError::Rejected(Rejection::SlugTaken(ref s))) if s == "later"));
        assert!(matches!(storage.publish_referendum(&editor(), "nowhere").await, Err(WriteError::NotFound)));
        assert_unchanged(storage, before, store.backend_name()).await;
    }
}
