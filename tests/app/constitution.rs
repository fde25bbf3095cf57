//! The Constitution as it stood on a day, built from its versions.

use crate::helpers::{Page, TestApp, visible_text};

fn provision(page: &Page, eid: &str) -> String {
    page.select_text(&format!("[id='{eid}']")).pop().unwrap_or_else(|| panic!("no provision {eid}"))
}

#[tokio::test]
async fn the_text_in_force_changes_on_each_day_a_law_took_effect() {
    let app = TestApp::spawn().await;
    let on = |day: &str| {
        let path = format!("/en/constitution?as_of={day}");
        let app = &app;
        async move { Page::parse(&app.page(&path).await) }
    };

    // 1 June 2022: before the law; Art. 15(2)'s wording then was not found,
    // and the Human Rights Commissioner's article did not exist.
    let june_1 = on("2022-06-01").await;
    assert!(provision(&june_1, "art_15__para_2").contains("not found in the sources checked"));
    assert!(!june_1.exists("[id='art_83-1']"));
    assert!(provision(&june_1, "art_4__para_1").contains("Конституционного Совета"), "derived, Council");
    assert!(provision(&june_1, "art_4__para_1").contains("Derived wording"));

    // 9 June 2022: the death penalty banned; Art. 4(1) adopted but deferred.
    let june_9 = on("2022-06-09").await;
    assert!(provision(&june_9, "art_15__para_2").contains("Смертная казнь запрещается"));
    assert!(june_9.exists("[id='art_83-1']"));
    let art4 = provision(&june_9, "art_4__para_1");
    assert!(
        art4.contains("Конституционного Совета") && art4.contains("Adopted, in force from 1 January 2023"),
        "{art4}"
    );
    assert!(provision(&june_9, "art_71__para_1").contains("шесть лет"), "the June wording of Art. 71");

    // 2 January 2023: the Court's provisions in force; Art. 71 as changed
    // on 17 September 2022.
    let january = on("2023-01-02").await;
    assert!(provision(&january, "art_4__para_1").contains("Конституционного Суда"));
    assert!(!provision(&january, "art_4__para_1").contains("Adopted, in force"));
    assert!(provision(&january, "art_71__para_1").contains("восемь лет"));
    let history = january.select_text("details.article-history").join(" ");
    assert!(history.contains("Law of 8 June 2022"), "{history}");

    // Today: the 2026 Constitution, and the 1995 one said to have ceased.
    let today = Page::parse(&app.page("/en/constitution").await);
    let text = visible_text(&app.page("/en/constitution").await);
    assert!(text.contains("ceased to have effect on 1 July 2026"), "{text}");
    assert!(today.exists("[id='art_96']"));
    assert!(provision(&today, "art_2__para_4").contains("Астана"));
    assert!(today.exists("a[href='/en/constitution/1995']"));
    let last_day = visible_text(&app.page("/en/constitution/1995").await);
    assert!(last_day.contains("takes effect on 1 July 2026") && last_day.contains("30 June 2026"), "{last_day}");
}

#[tokio::test]
async fn redlines_mark_the_words_a_point_changed_and_anchors_are_stable() {
    let app = TestApp::spawn().await;
    let html = app.page("/ru/constitution?as_of=2023-01-02").await;
    let page = Page::parse(&html);
    assert!(page.exists("h3#art_83-1"), "an article's anchor is its identifier");
    // Art. 4(1): «Совета» → «Суда», derived on the earlier side.
    assert!(html.contains("<del>Совета"), "the removed word is struck through");
    assert!(html.contains("<ins>Суда"), "the added word is marked");
    assert!(visible_text(&html).contains("Прежняя редакция восстановлена"));
    let kk = visible_text(&app.page("/kk/constitution?as_of=2022-06-09").await);
    assert!(kk.contains("Ресми мәтін орыс тілінде"));
}
