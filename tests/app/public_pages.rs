use crate::helpers::{Page, TestApp, TestDb, between, listed_articles, listed_events, visible_text};

const ARTICLES_IN_ORDER: [&str; 33] = [
    "4", "6", "15", "23", "24", "42", "43", "44", "46", "47", "50", "51", "52", "53", "54", "55", "56", "57", "58",
    "61", "62", "71", "72", "73", "74", "78", "82", "83", "83-1", "87", "88", "91", "99",
];
const ANNOUNCEMENT: &str = "/en/announcements/2022-04-29-assembly-of-the-people";
const SEED_DOCUMENT: &str = include_str!("../../seeds/2022-04-29-assembly-of-the-people-factsheet.txt");

#[tokio::test]
async fn all_33_amendments_are_listed_in_constitutional_order() {
    let app = TestApp::spawn().await;
    let html = app.page("/en/amendments").await;
    assert_eq!(listed_articles(&html), ARTICLES_IN_ORDER);
    assert!(visible_text(&html).contains("33 of 33 amendments shown"));
}

#[tokio::test]
async fn the_overview_says_what_the_reform_is_where_amendments_stand_and_what_happened_last() {
    let app = TestApp::spawn().await;
    let text = visible_text(&app.page("/en/").await);
    assert!(text.contains("Where the 33 amendments stand"));
    // The status bar has labels and counts as text, not colour alone.
    assert!(text.contains("In force"), "{text}");
    assert!(text.contains("Amended later"));
    assert!(text.contains("Latest status changes"));
    assert!(text.contains("Data as of"));
    let html = Page::parse(&app.page("/en/").await);
    assert!(html.exists("a[href='/en/amendments?status=in_force']"));
}

#[tokio::test]
async fn the_status_bar_link_leads_to_a_filtered_list_that_can_be_bookmarked() {
    let app = TestApp::spawn().await;
    let html = app.page("/en/amendments?status=amended_later").await;
    assert_eq!(listed_articles(&html), ["42", "71", "91"]);
    let html = app.page("/en/amendments?theme=death-penalty").await;
    assert_eq!(listed_articles(&html), ["15"]);
    let html = app.page("/en/amendments?status=in_force&theme=death-penalty").await;
    assert_eq!(listed_articles(&html), ["15"]);
    // An empty filter value, as the form sends for "any", means no filter.
    let html = app.page("/en/amendments?status=&theme=").await;
    assert_eq!(listed_articles(&html).len(), 33);
}

#[tokio::test]
async fn a_bad_filter_gets_a_400_page_that_says_what_is_allowed() {
    let app = TestApp::spawn().await;
    let response = app.get("/en/amendments?status=passed").await;
    assert_eq!(response.status(), 400);
    let text = visible_text(&response.text().await.unwrap());
    assert!(text.contains("Unknown status filter “passed”"), "{text}");
    assert!(text.contains("drafted, submitted, council_compliant"));

    let response = app.get("/en/amendments?theme=%3Cscript%3E").await;
    assert_eq!(response.status(), 400);
    let body = response.text().await.unwrap();
    assert!(!body.contains("<script>"), "the bad value is escaped");
    assert!(visible_text(&body).contains("death-penalty"), "lists the allowed themes");

    let response = app.get(&format!("/en/amendments?status={}", "x".repeat(5000))).await;
    assert_eq!(response.status(), 400);
    assert!(response.text().await.unwrap().len() < 20_000, "the value is not echoed in full");
}

#[tokio::test]
async fn every_amendment_links_to_a_statement_anchor_that_exists_on_the_announcement_page() {
    let app = TestApp::spawn().await;
    let ids = Page::parse(&app.page(ANNOUNCEMENT).await).attrs("[id]", "id");
    for article in ARTICLES_IN_ORDER {
        let html = Page::parse(&app.page(&format!("/en/amendments/{article}")).await);
        let anchors: Vec<String> = html
            .attrs(&format!("a[href^='{ANNOUNCEMENT}#']"), "href")
            .into_iter()
            .filter_map(|href| href.strip_prefix(&format!("{ANNOUNCEMENT}#")).map(str::to_owned))
            .collect();
        assert!(!anchors.is_empty(), "article {article} links to no statement");
        for anchor in anchors {
            assert!(ids.contains(&anchor), "article {article} links to missing anchor #{anchor}");
        }
    }
}

#[tokio::test]
async fn the_announcement_page_shows_every_line_of_the_seed_document_verbatim() {
    let app = TestApp::spawn().await;
    let text = visible_text(&app.page(ANNOUNCEMENT).await);
    let mut checked = 0;
    for raw in SEED_DOCUMENT.lines() {
        // Word's bookmark markers and the bullet glyph are not part of the words.
        let mut line = raw.to_owned();
        while let (Some(start), Some(end)) = (line.find("[bookmark:"), line.find(']')) {
            line.replace_range(start..=end, "");
        }
        let line = line.trim().trim_start_matches('·').trim();
        if line.is_empty() {
            continue;
        }
        assert!(text.contains(line), "missing from the page: {line}");
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} lines checked");
}

#[tokio::test]
async fn statements_link_back_to_their_amendments_and_unlinked_ones_say_so() {
    let app = TestApp::spawn().await;
    let html = Page::parse(&app.page(ANNOUNCEMENT).await);
    // The Senate bullet motivated article 50 and says so next to it.
    assert!(html.exists("li#on-the-assembly-of-the-people-3"));
    assert!(html.exists("#on-the-assembly-of-the-people-3 a[href='/en/amendments/50']"));
    // The state-language bullets motivated nothing, and the page does not pretend otherwise.
    let language = html.select_text("li#on-the-state-language-1");
    assert_eq!(language.len(), 1, "one statement with that anchor");
    assert!(language[0].contains("Motivated no amendment"));
    assert!(!html.exists("#on-the-state-language-1 [href*='/en/amendments/']"));
    assert!(!language[0].contains("/en/amendments/"));
}

#[tokio::test]
async fn the_inserted_article_83_1_has_its_own_page() {
    let app = TestApp::spawn().await;
    let text = visible_text(&app.page("/en/amendments/83-1").await);
    assert!(text.contains("Article 83-1 (new)"));
    assert!(text.contains("Human Rights Commissioner"));
    assert!(text.contains("← Article 83"));
    assert!(text.contains("Article 87 →"));
}

#[tokio::test]
async fn an_amendment_page_shows_its_stepper_history_sources_and_diff() {
    let app = TestApp::spawn().await;
    let html = app.page("/en/amendments/15").await;
    let text = visible_text(&html);
    assert!(text.contains("Death penalty"));
    assert!(text.contains("Council conclusion: compliant"));
    assert!(text.contains("(current step, 8 June 2022)"));
    let page = Page::parse(&html);
    assert_eq!(listed_events(&html).len(), 6, "six dated, sourced status events");
    assert!(page.select_text("time[datetime='2022-05-04']").iter().any(|t| t == "4 May 2022"));
    assert!(page.exists("[aria-labelledby='official-text'] blockquote.official"), "the law's point, verbatim");
    let redlined = Page::parse(&app.page("/en/amendments/4").await);
    assert!(
        redlined.exists("[aria-labelledby='official-text'] del")
            && redlined.exists("[aria-labelledby='official-text'] ins"),
        "a redline"
    );
    assert!(text.contains("Source: Constitutional Council Conclusion of 4 May 2022 No. 1"));
}

#[tokio::test]
async fn later_changes_show_as_amended_later_on_42_71_and_91() {
    let app = TestApp::spawn().await;
    for article in ["42", "71", "91"] {
        let text = visible_text(&app.page(&format!("/en/amendments/{article}")).await);
        assert!(text.contains("Current status: Amended later since 17 September 2022"), "article {article}");
    }
    let text = visible_text(&app.page("/en/amendments/4").await);
    assert!(text.contains("Current status: In force since 1 January 2023"));
}

#[tokio::test]
async fn since_1_july_2026_every_amendment_is_superseded_and_no_page_calls_it_in_force() {
    let app = TestApp::builder().on(TestDb::fresh().await).spawn().await;
    let list = app.page("/en/amendments?status=superseded").await;
    assert_eq!(listed_articles(&list), ARTICLES_IN_ORDER);
    for article in ["15", "71", "4"] {
        let text = visible_text(&app.page(&format!("/en/amendments/{article}")).await);
        assert!(
            text.contains("Current status: Superseded (no longer in force) since 1 July 2026"),
            "{article}: {text}"
        );
        assert!(text.contains("Article 94(1) of the 2026 Constitution"), "the reason, with its source");
        assert!(text.contains("Constitution of the Republic of Kazakhstan adopted at the referendum of 15 March 2026"));
    }
    let overview = visible_text(&app.page("/en/").await);
    assert!(overview.contains("History, not law in force."), "{overview}");
    assert!(overview.contains("On 1 July 2026 the Constitution of 1995, with every amendment of this reform, ceased"));
    assert!(!overview.contains("In force 30"), "{overview}");
    // On the last day of the 1995 Constitution the counts are as they were.
    let last_day = visible_text(&app.page("/en/?as_of=2026-06-30").await);
    assert!(!last_day.contains("History, not law in force."));
    let text = visible_text(&app.page("/en/amendments/15?as_of=2026-06-30").await);
    assert!(text.contains("Current status: In force since 8 June 2022"), "{text}");
    let ru = visible_text(&app.page("/ru/amendments/15").await);
    assert!(ru.contains("Утратила силу"));
}

#[tokio::test]
async fn unknown_articles_and_pages_get_a_styled_404_with_links_back() {
    let app = TestApp::spawn().await;
    for path in [
        "/en/amendments/999",
        "/en/amendments/abc",
        "/en/amendments/83-0",
        "/en/announcements/nope",
        "/en/no/such/page",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        let html = Page::parse(&response.text().await.unwrap());
        assert!(html.exists("main"), "{path} is a full page");
        assert!(html.exists("a[href='/en/amendments']"), "{path} links back");
    }
}

#[tokio::test]
async fn the_timeline_marks_today_and_uncertain_dates() {
    let app = TestApp::spawn().await;
    let text = visible_text(&app.page("/en/timeline").await);
    assert!(text.contains("Today:"));
    assert!(text.contains("Referendum"));
    assert!(text.contains("Uncertain:"));
    assert!(text.contains("Past events (34)"));
}

#[tokio::test]
async fn the_council_page_gives_the_conclusion_the_outcomes_and_what_is_open() {
    let app = TestApp::spawn().await;
    let text = visible_text(&app.page("/en/council").await);
    assert!(text.contains("No. 1"));
    assert!(text.contains("4 May 2022"));
    assert!(text.contains("What the sources leave open"));
    assert!(text.contains("for each of the 33 amendments it reviewed"));
}

#[tokio::test]
async fn every_page_is_one_html5_document_with_main_and_data_as_of() {
    let app = TestApp::spawn().await;
    for path in [
        "/en/",
        "/en/amendments",
        "/en/amendments/15",
        ANNOUNCEMENT,
        "/en/announcements",
        "/en/timeline",
        "/en/council",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let csp = response.headers()["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
        let html = response.text().await.unwrap();
        assert!(html.starts_with("<!doctype html>"), "{path}");
        let page = Page::parse(&html);
        assert_eq!(page.attr("html", "lang").as_deref(), Some("en"), "{path}");
        assert_eq!(page.count("main"), 1, "{path}");
        let data_as_of = page.select_text("p.data-as-of");
        assert!(data_as_of.first().is_some_and(|t| t.starts_with("Data as of ")), "{path}: {data_as_of:?}");
        assert!(page.exists("p.data-as-of > time[datetime]"), "{path}");
        assert!(!page.exists("[style]"), "{path} has no inline style");
    }
    let css = app.get("/assets/style.css").await;
    assert_eq!(css.status(), 200);
    assert!(css.headers()["content-type"].to_str().unwrap().starts_with("text/css"));
    assert_eq!(app.get("/healthz").await.status(), 200);
}

#[tokio::test]
async fn discovery_a_sitemap_robots_and_open_graph_on_every_page() {
    let app = TestApp::spawn().await;
    let sitemap = app.page("/sitemap.xml").await;
    let urls = between(&sitemap, "<loc>", "</loc>");
    assert_eq!(urls.len(), 3 * (10 + 33 + 1));
    assert!(urls.iter().any(|u| u.ends_with("/ru/amendments/83-1")));
    assert!(
        urls.iter().any(|u| u.ends_with("/kk/constitution"))
            && urls.iter().any(|u| u.ends_with("/en/constitution/1995"))
    );
    let robots = app.page("/robots.txt").await;
    assert!(robots.contains("Disallow: /admin") && robots.contains("Sitemap: http://127.0.0.1:"));
    for path in ["/en/", "/kk/amendments/15", "/ru/timeline", "/en/results", "/en/data"] {
        let html = Page::parse(&app.page(path).await);
        for tag in [
            "meta[property='og:title'][content]",
            "meta[property='og:description'][content]",
            "meta[property='og:url'][content]",
            "meta[name=description][content]",
            "link[rel=canonical][href]",
        ] {
            assert!(html.exists(tag), "{path} lacks {tag}");
        }
    }
}
