use crate::helpers::{Page, TestApp};

const PAGES: [&str; 13] = [
    "/",
    "/search?q=death",
    "/search?q=zzzz",
    "/data",
    "/results",
    "/results?stage=preliminary",
    "/changes",
    "/amendments",
    "/amendments/83-1",
    "/announcements",
    "/announcements/2022-04-29-assembly-of-the-people",
    "/timeline",
    "/council",
];

fn location(response: &reqwest::Response) -> &str {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default()
}

#[tokio::test]
async fn a_bare_path_redirects_by_accept_language_and_keeps_the_query() {
    let app = TestApp::spawn().await;
    let get = |path: &'static str, accept: &'static str| {
        app.anonymous().request(reqwest::Method::GET, path).header("accept-language", accept).send()
    };
    let response = get("/", "kk").await.unwrap();
    assert!(response.status().is_redirection());
    assert_eq!(location(&response), "/kk/");
    assert_eq!(response.headers()["vary"], "Accept-Language");

    let response = get("/amendments?status=adopted", "ru-RU,ru;q=0.9,en;q=0.8").await.unwrap();
    assert_eq!(location(&response), "/ru/amendments?status=adopted");
    let response = get("/amendments/83-1", "de, en;q=0.5").await.unwrap();
    assert_eq!(location(&response), "/en/amendments/83-1");
    // No supported language asked for: the configured default, Kazakh.
    let response = get("/timeline", "de").await.unwrap();
    assert_eq!(location(&response), "/kk/timeline");
    let response = app.get("/ru").await;
    assert_eq!(location(&response), "/ru/");
}

#[tokio::test]
async fn every_page_sets_its_language_and_links_the_same_page_in_the_others() {
    let app = TestApp::spawn().await;
    for lang in ["kk", "ru", "en"] {
        for page in PAGES {
            let html = Page::parse(&app.page(&format!("/{lang}{page}")).await);
            assert_eq!(html.attr("html", "lang").as_deref(), Some(lang), "/{lang}{page}");
            for other in ["kk", "ru", "en"] {
                let href = format!("/{other}{page}");
                assert!(
                    html.exists(&format!("link[rel=alternate][hreflang={other}][href='{href}']")),
                    "/{lang}{page} lacks hreflang {other}"
                );
                // The visible switcher keeps the page.
                assert!(html.exists(&format!("a[href='{href}'][lang={other}]")), "/{lang}{page} switcher");
            }
            // and marks the language the page is in.
            let current = html.attrs("nav.languages a[aria-current=true]", "lang");
            assert_eq!(current, [lang], "/{lang}{page} switcher marks the current language");
        }
    }
}

/// Interface texts of a Fluent file, without placeables, for "is any English
/// interface text left on this page" checks.
fn messages(ftl: &str) -> Vec<(String, String)> {
    ftl.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

/// Fails if a page in `lang` shows an English interface text (a message of
/// two or more words) or a raw message key; content marked lang="en" is
/// left out, since untranslated content is shown in its original language.
pub fn assert_interface_translated(html: &str, lang: &str, page: &str) {
    let english = messages(include_str!("../../locales/en/main.ftl"));
    let text = Page::parse(html).text_without("[lang=en]");
    for (key, value) in &english {
        if value.contains('{') || value.split_whitespace().count() < 2 {
            continue;
        }
        assert!(!text.contains(value.as_str()), "/{lang}{page} shows English “{value}”");
        if key.contains('-') {
            assert!(!text.contains(key.as_str()), "/{lang}{page} shows the raw key {key}");
        }
    }
}

#[tokio::test]
async fn kazakh_and_russian_pages_have_no_english_interface_text_and_no_raw_keys() {
    let app = TestApp::spawn().await;
    let english = messages(include_str!("../../locales/en/main.ftl"));
    for (lang, ftl) in
        [("kk", include_str!("../../locales/kk/main.ftl")), ("ru", include_str!("../../locales/ru/main.ftl"))]
    {
        assert!(messages(ftl).len() == english.len(), "{lang} has every message");
        for page in PAGES {
            let html = app.page(&format!("/{lang}{page}")).await;
            assert_interface_translated(&html, lang, page);
        }
    }
}

#[tokio::test]
async fn dates_follow_the_language() {
    let app = TestApp::spawn().await;
    for (lang, date) in [("ru", "4 мая 2022 г."), ("kk", "2022 жылғы 4 мамыр"), ("en", "4 May 2022")] {
        let page = Page::parse(&app.page(&format!("/{lang}/amendments/15")).await);
        let shown = page.select_text("time[datetime='2022-05-04']");
        assert!(shown.iter().any(|text| text == date), "/{lang}: {shown:?}");
    }
}

#[tokio::test]
async fn error_pages_speak_the_language_of_the_address() {
    let app = TestApp::spawn().await;
    let response = app.get("/ru/amendments/999").await;
    assert_eq!(response.status(), 404);
    let html = Page::parse(&response.text().await.unwrap());
    assert_eq!(html.attr("html", "lang").as_deref(), Some("ru"));
    assert!(html.exists("[href='/ru/amendments']"));
    let response = app.get("/kk/amendments?status=nope").await;
    assert_eq!(response.status(), 400);
    assert_eq!(Page::parse(&response.text().await.unwrap()).attr("html", "lang").as_deref(), Some("kk"));
}
