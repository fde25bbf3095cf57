//! The official texts: loaded once, read back exactly as built.

use super::{TestStore, assert_one_change, assert_unchanged, trail};
use crate::texts::{DOCUMENT_1995, DOCUMENT_2026, Texts};

#[tokio::test]
async fn the_texts_load_once_and_read_back_version_for_version() {
    let texts = Texts::shared().unwrap();
    for store in TestStore::all().await {
        let storage = &store.storage;
        let before = trail(storage).await;
        let report = storage.load_texts(texts, "kz-2022").await.unwrap();
        assert_eq!((report.documents_added, report.points_added), (2, 35), "{}", store.backend_name());
        assert_one_change(storage, before, "texts.load").await;
        let before = trail(storage).await;
        assert_eq!(storage.load_texts(texts, "kz-2022").await.unwrap(), Default::default());
        assert_unchanged(storage, before, "a second load").await;

        for slug in [DOCUMENT_1995, DOCUMENT_2026] {
            let stored = storage.legal_document(slug, None).await.unwrap().unwrap();
            let built = texts.document(slug).unwrap();
            assert_eq!(stored.versions, built.versions, "{slug} on {}", store.backend_name());
            let eids =
                |d: &crate::domain::provision::Document| d.nodes.iter().map(|n| n.eid.clone()).collect::<Vec<_>>();
            assert_eq!(eids(&stored), eids(built));
            assert_eq!((stored.adopted_on, stored.in_force_to), (built.adopted_on, built.in_force_to));
        }
        let referendum = storage.current_referendum().await.unwrap().unwrap();
        let points = storage.law_points(referendum.id, None).await.unwrap();
        assert_eq!(points.len(), 35);
        let art15 = storage.law_points(referendum.id, Some("15")).await.unwrap();
        assert_eq!(art15.len(), 1);
        assert_eq!(art15[0].targets, ["art_15__para_2"]);
        assert!(art15[0].text.contains("Смертная казнь"));
        let art99 = storage.law_points(referendum.id, Some("99")).await.unwrap();
        assert!(art99[0].targets.len() > 3, "a whole new article: every provision in it");
    }
}
