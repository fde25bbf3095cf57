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
    let headings = june_1.select_text("h3.article-heading a");
    assert!(headings.len() > 95 && headings.iter().all(|h| h.starts_with("Статья ")), "every article is named");

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
    assert!(html.contains("</span>Совета"), "the removed word is struck through: {html}");
    assert!(html.contains("[добавлено: </span>Суда") || html.contains("</span>Суда"), "the added word is marked");
    assert!(Page::parse(&html).select_text("details.article-history del").iter().any(|t| t.contains("Совета")));
    assert!(visible_text(&html).contains("Прежняя редакция восстановлена"));
    let kk = visible_text(&app.page("/kk/constitution?as_of=2022-06-09").await);
    assert!(kk.contains("Ресми мәтін орыс тілінде"));
}

const LAW_POINTS: &str = include_str!("../../seeds/texts/law-2022-points.tsv");

#[tokio::test]
async fn every_point_of_the_law_is_on_its_amendment_page_verbatim_with_the_official_wording() {
    let app = TestApp::spawn().await;
    let rows = LAW_POINTS.lines().filter(|l| !l.starts_with('#')).skip(1);
    let (mut shown, mut headings) = (0, 0);
    for row in rows {
        let cells: Vec<&str> = row.split('\t').collect();
        let (point, article, verbatim) = (cells[0], cells[1], cells[5]);
        if article.starts_with("heading") {
            // A renamed section heading: on the list, beside the amendments.
            let list = visible_text(&app.page("/en/amendments").await);
            let first = verbatim.split("\\n").next().unwrap().trim_start_matches(['>', ' ']).trim();
            assert!(list.contains(&first.split_whitespace().collect::<Vec<_>>().join(" ")), "point {point}: {first}");
            headings += 1;
            continue;
        }
        let page = Page::parse(&app.page(&format!("/en/amendments/{article}")).await);
        let quoted = page.select_text(&format!("#point-{point} + blockquote.official")).join(" ");
        for line in verbatim.split("\\n").map(|l| l.trim_start_matches(['>', ' ']).trim()).filter(|l| !l.is_empty()) {
            let words = line.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(quoted.contains(&words), "point {point} (article {article}): {words:?} not in {quoted:?}");
        }
        let changes = page.count(&format!("[aria-labelledby='point-{point}'] .provision-change"));
        assert!(changes >= 1, "point {point}: at least one provision with its wording");
        shown += 1;
    }
    assert_eq!((shown, headings), (33, 2), "every point: 33 change articles, 2 rename headings");

    // Art. 15: before not found (never paraphrased in its place), after official.
    let page = Page::parse(&app.page("/en/amendments/15").await);
    let change = page.select_text("[aria-labelledby='change-art_15__para_2']").join(" ");
    assert!(change.contains("not found in the sources checked"), "{change}");
    assert!(change.contains("Смертная казнь запрещается"));
    // Art. 4: a derived earlier side and a redline.
    let html = app.page("/en/amendments/4").await;
    assert!(
        html.contains("<del><span class=\"visually-hidden\">[removed: </span>Совета"),
        "a redline on the official text"
    );
    assert!(visible_text(&html).contains("derived, not quoted"));
    // Art. 71: the June wording, then the change of 17 September 2022.
    let text = visible_text(&app.page("/en/amendments/71").await);
    assert!(text.contains("Changed again by the Law of 17 September 2022"), "{text}");
    assert!(text.contains("шесть лет") && text.contains("восемь лет"));
    // The paraphrase is labelled as ours.
    assert!(text.contains("Our paraphrase of what changed"));
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("JSON")
}

#[tokio::test]
async fn the_downloads_and_the_api_round_trip_every_version() {
    let app = TestApp::spawn().await;
    let versions = json(&app.page("/data/provision-versions.json").await);
    let versions = versions.as_array().unwrap();
    let csv_text = app.page("/data/provision-versions.csv").await;
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), versions.len(), "one CSV row per version");
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    // Unknown wording is an empty cell, never a guess; official wording is
    // the text itself (no cell here starts with a formula character).
    let unknown = rows.iter().filter(|r| &r[column("fidelity")] == "unknown").count();
    assert!(unknown > 10);
    assert!(rows.iter().filter(|r| &r[column("fidelity")] == "unknown").all(|r| r[column("text")].is_empty()));

    // The API has the same versions for a provision, oldest first.
    let provision = json(&app.page("/api/v1/constitution/kz-constitution-1995/provisions/art_71__para_1").await);
    let api_versions = provision["versions"].as_array().unwrap();
    let from_download: Vec<&serde_json::Value> =
        versions.iter().filter(|v| v["document"] == "kz-constitution-1995" && v["eid"] == "art_71__para_1").collect();
    assert_eq!(api_versions.len(), from_download.len());
    for (api, download) in api_versions.iter().zip(&from_download) {
        for field in ["text", "fidelity", "valid_from", "valid_to", "act", "act_point"] {
            assert_eq!(api[field], download[field], "{field}");
        }
    }
    assert_eq!(api_versions[1]["act_point"], 23, "the June wording is point 23's");
    assert_eq!(api_versions.last().unwrap()["valid_to"], "2026-06-30");

    // The whole text on a day.
    let on = json(&app.page("/api/v1/constitution?as_of=2022-06-09").await);
    assert_eq!(on["document"], "kz-constitution-1995");
    let art15 = on["provisions"].as_array().unwrap().iter().find(|p| p["eid"] == "art_15__para_2").unwrap();
    assert!(art15["version"]["text"].as_str().unwrap().contains("Смертная казнь запрещается"));
    let today = json(&app.page("/api/v1/constitution").await);
    assert_eq!(today["document"], "kz-constitution-2026");
    let missing = app.get("/api/v1/constitution/kz-constitution-1995/provisions/art_999").await;
    assert_eq!(missing.status(), 404);
    assert_eq!(app.get("/api/v1/constitution?as_of=2022-13-01").await.status(), 400);
    let openapi = app.page("/api/openapi.json").await;
    assert!(openapi.contains("/api/v1/constitution/{document}/provisions/{eid}"));

    let points = json(&app.page("/data/law-points.json").await);
    assert_eq!(points.as_array().unwrap().len(), 35);
}

#[tokio::test]
async fn akoma_ntoso_has_every_provision_its_dates_and_the_2022_changes() {
    let app = TestApp::spawn().await;
    let consolidated = app.get("/data/akn/kz-constitution-1995@2023-01-01.xml").await;
    assert_eq!(consolidated.status(), 200);
    assert!(consolidated.headers()["content-type"].to_str().unwrap().starts_with("application/akn+xml"));
    let xml = consolidated.text().await.unwrap();
    assert!(xml.contains("<FRBRdate date=\"2023-01-01\" name=\"Generation\"/>"), "the expression's date");
    assert!(xml.contains("<FRBRauthoritative value=\"false\"/>"), "not the authoritative publication");
    assert!(xml.contains("eId=\"art_83-1\"") && xml.contains("eId=\"art_44__subpara_10-1\""));
    assert!(xml.contains("<destination href=\"#art_15__para_2\"/>"), "a passive modification per change");
    assert!(xml.contains("<source href=\"/akn/kz/act/2022-06-08/law#art_1__point_3\"/>"));
    let law = app.page("/data/akn/law-2022-06-08.xml").await;
    assert_eq!(law.matches("<point eId=\"art_1__point_").count(), 35);
    assert!(law.contains("<activeModifications>"));
    assert!(law.contains("#art_15__para_2\"/></textualMod>"));
    assert_eq!(app.get("/data/akn/kz-constitution-1995@2022-06-09.xml").await.status(), 404, "no expression that day");
    assert_eq!(app.get("/data/akn/nothing.xml").await.status(), 404);
}

#[tokio::test]
async fn comparing_two_days_shows_every_provision_that_differs() {
    let app = TestApp::spawn().await;
    let html = app.page("/en/constitution/compare?from=2022-06-07&to=2023-01-02").await;
    let page = Page::parse(&html);
    let art15 = page.select_text("[aria-labelledby='compare-art_15__para_2']").join(" ");
    assert!(art15.contains("not found in the sources checked") && art15.contains("Смертная казнь запрещается"));
    let art4 = page.select_text("[aria-labelledby='compare-art_4__para_1'] del").join(" ");
    assert!(art4.contains("Совета"), "a redline: {art4}");
    assert!(page.exists("[aria-labelledby='compare-art_83-1__para_1']"), "a new article");
    assert!(!page.exists("[aria-labelledby='compare-art_1__para_1']"), "unchanged provisions are not listed");
    let none = visible_text(&app.page("/en/constitution/compare?from=2023-01-02&to=2023-01-03").await);
    assert!(none.contains("No provision reads differently"));
    let across = visible_text(&app.page("/en/constitution/compare?from=2023-01-02&to=2026-07-01").await);
    assert!(across.contains("different constitutions"), "{across}");
    assert_eq!(app.get("/en/constitution/compare?from=2022-02-30").await.status(), 400);
    assert_eq!(app.get("/en/constitution/compare?to=2999-01-01").await.status(), 400);
}

/// The JSON-LD block of a page, parsed.
fn json_ld(html: &str) -> serde_json::Value {
    let block = Page::parse(html).select_all("script[type='application/ld+json']").first().map(|s| s.inner_html());
    json(&block.expect("a JSON-LD block"))
}

#[tokio::test]
async fn schema_org_describes_the_texts_as_legislation_not_the_authoritative_publication() {
    let app = TestApp::spawn().await;
    let today = json_ld(&app.page("/en/constitution").await);
    assert_eq!(today["@type"], "Legislation");
    assert_eq!(today["legislationIdentifier"], "kz-constitution-2026");
    assert_eq!(today["legislationLegalForce"], "https://schema.org/InForce");
    assert!(today["description"].as_str().unwrap().contains("not the authoritative publication"));
    assert!(today["isBasedOn"].as_str().unwrap().starts_with("https://"));
    let old = json_ld(&app.page("/en/constitution/1995").await);
    assert_eq!(old["legislationDate"], "1995-08-30");
    assert_eq!(old["legislationChanges"][0]["legislationDate"], "2022-06-08");
    let article = json_ld(&app.page("/en/amendments/15?as_of=2023-01-01").await);
    assert_eq!(article["legislationLegalForce"], "https://schema.org/InForce");
    assert_eq!(article["isPartOf"]["legislationDate"], "1995-08-30");
    let page = visible_text(&app.page("/en/constitution").await);
    assert!(
        page.contains("Source: Constitution of the Republic of Kazakhstan adopted at the referendum of 15 March 2026")
    );
}

#[tokio::test]
async fn search_finds_the_official_wording_and_links_to_the_provision_on_its_day() {
    let app = TestApp::spawn().await;
    let page = Page::parse(&app.page("/ru/search?q=смертная+казнь+запрещается").await);
    let links = page.attrs("a[href*='/constitution']", "href");
    assert!(
        links.iter().any(|l| l == "/ru/constitution?as_of=2026-06-30#art_15__para_2"),
        "the 1995 wording, on its last day: {links:?}"
    );
    // The 1995 Council wording of Art. 4(1) is found on the day it ended.
    let council = Page::parse(&app.page("/ru/search?q=Конституционного+Совета+действующим+правом").await);
    let links = council.attrs("a[href*='/constitution']", "href");
    assert!(links.iter().any(|l| l == "/ru/constitution?as_of=2022-12-31#art_4__para_1"), "{links:?}");
    if app.db().is_postgres() {
        // Russian stemming: another form of the word finds it.
        let stemmed = Page::parse(&app.page("/ru/search?q=смертной+казнью").await);
        assert!(stemmed.attrs("a[href*='/constitution']", "href").iter().any(|l| l.ends_with("#art_15__para_2")));
    }
}
