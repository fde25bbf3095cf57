use crate::helpers::{Page, TestApp, listed_articles, visible_text};

#[tokio::test]
async fn the_results_page_shows_final_figures_with_sources_and_the_rules_computed() {
    let app = TestApp::spawn().await;
    let html = app.page("/en/results").await;
    let text = visible_text(&html);
    assert!(text.contains("Shown: final results"));
    assert!(text.contains("See the preliminary results"), "the preliminary set stays visible");
    for figure in ["11,734,642", "7,985,769", "68.05 %", "6,163,516", "77.18 %", "1,490,470", "205,924"] {
        assert!(text.contains(figure), "final figure {figure}");
    }
    assert!(html.contains("zakon.kz"), "each figure names its source");
    // Turnout is computed from the figures; the unit rule cannot be decided
    // from the final set, which publishes no per-unit yes shares.
    assert!(text.contains("Met — The vote counted only if more than half"));
    assert!(text.contains("Turnout 68.05 %; the rule requires more than 50.00 %."));
    assert!(text.contains("Cannot be determined from the published figures"));
    // A figure nobody published is shown as not known.
    assert!(text.contains("not known"));

    let preliminary = visible_text(&app.page("/en/results?stage=preliminary").await);
    assert!(preliminary.contains("Shown: preliminary results"));
    assert!(preliminary.contains("7,986,293") && preliminary.contains("68.06 %"));
    assert!(preliminary.contains("more than 75.00 %"), "a bound is shown as a bound");
    assert!(preliminary.contains("17 units are known to have more than 50.00 % yes"), "{preliminary}");
}

#[tokio::test]
async fn the_charts_carry_their_values_as_text() {
    let app = TestApp::spawn().await;
    let html = Page::parse(&app.page("/en/results?stage=preliminary&sort=turnout&dir=desc").await);
    assert_eq!(html.count("svg.result-bar"), 1);
    let labels = html.select_text("svg.result-bar text[text-anchor=middle]");
    assert!(labels.iter().any(|l| l == "Yes 77.18 %"), "{labels:?}");
    assert!(labels.iter().any(|l| l == "No 18.66 %"));
    assert_eq!(html.count("svg.turnout-chart"), 1);
    let values = html.select_text("svg.turnout-chart text.unit-value");
    assert_eq!(values.len(), 17);
    // Sorted by turnout, highest first: Turkistan at 80.66 %.
    assert_eq!(values[0], "80.66 %", "{:?}", values[0]);
    let names = html.select_text("svg.turnout-chart text[text-anchor=end]");
    assert_eq!(names[0], "Turkistan Region");
    let title = html.select_text("svg.turnout-chart > title#turnout-title");
    assert!(title.first().is_some_and(|t| t.starts_with("Turnout by unit: ")), "a text alternative: {title:?}");
    // Sorting works without JavaScript, through links (the page writes & as &#38;).
    assert!(html.exists("a[href='/en/results?stage=preliminary&sort=name&dir=asc']"));
}

#[tokio::test]
async fn on_29_april_2022_every_amendment_is_submitted_and_no_results_exist() {
    let app = TestApp::spawn().await;
    let html = app.page("/en/amendments?status=submitted&as_of=2022-04-29").await;
    assert_eq!(listed_articles(&html).len(), 33);
    let text = visible_text(&html);
    assert!(text.contains("You are looking at the tracker as it stood at the end of 29 April 2022."));
    assert!(Page::parse(&html).exists("a[href='/en/amendments/15?as_of=2022-04-29']"), "links keep the date");
    let results = visible_text(&app.page("/en/results?as_of=2022-04-29").await);
    assert!(results.contains("No results had been published by this date."));
    let overview = app.get("/en/?as_of=2022-04-29").await;
    assert_eq!(overview.headers()["cache-control"], "public, max-age=31536000");
}

#[tokio::test]
async fn on_6_june_2022_amendments_are_adopted_and_only_preliminary_results_exist() {
    let app = TestApp::spawn().await;
    assert_eq!(listed_articles(&app.page("/en/amendments?status=adopted&as_of=2022-06-06").await).len(), 33);
    let text = visible_text(&app.page("/en/results?as_of=2022-06-06").await);
    assert!(text.contains("Shown: preliminary results"));
    assert!(!text.contains("See the final results"));
    assert_eq!(app.get("/en/results?stage=final&as_of=2022-06-06").await.status(), 404);
    let amendment = visible_text(&app.page("/en/amendments/15?as_of=2022-06-06").await);
    assert!(amendment.contains("Current status: Adopted since 5 June 2022"));
}

#[tokio::test]
async fn on_8_june_2022_the_articles_in_force_that_day_show_in_force() {
    let app = TestApp::spawn().await;
    let in_force = listed_articles(&app.page("/en/amendments?status=in_force&as_of=2022-06-08").await);
    // Nine articles were deferred to 1 January 2023 (facts table).
    assert_eq!(in_force.len(), 24, "{in_force:?}");
    assert!(in_force.contains(&"15".to_owned()) && !in_force.contains(&"4".to_owned()));
    let adopted = listed_articles(&app.page("/en/amendments?status=adopted&as_of=2022-06-08").await);
    assert_eq!(adopted, ["4", "47", "54", "61", "62", "72", "73", "74", "78"]);
    // The timeline stops at that date.
    let timeline = visible_text(&app.page("/en/timeline?as_of=2022-06-08").await);
    assert!(timeline.contains("Referendum day") && !timeline.contains("Law No. 142-VII"));
}

#[tokio::test]
async fn malformed_future_and_too_early_dates_get_a_clear_400() {
    let app = TestApp::spawn().await;
    for (query, message) in [
        ("as_of=2022-13-01", "“2022-13-01” is not a date in the form YYYY-MM-DD."),
        ("as_of=yesterday", "is not a date"),
        ("as_of=2100-01-01", "The tracker cannot show the future"),
        ("as_of=2001-01-01", "The tracker records nothing before 2 January 2022"),
    ] {
        let response = app.get(&format!("/en/amendments?{query}")).await;
        assert_eq!(response.status(), 400, "{query}");
        assert!(visible_text(&response.text().await.unwrap()).contains(message), "{query}");
    }
    assert_eq!(app.get("/en/results?stage=semi").await.status(), 400);
    assert_eq!(app.get("/en/results?sort=colour").await.status(), 400);
}

#[tokio::test]
async fn the_overview_draws_progress_over_time_from_the_status_events() {
    let app = TestApp::spawn().await;
    let html = Page::parse(&app.page("/en/").await);
    let dates = html.attrs("table.progress-table time[datetime]", "datetime");
    assert_eq!(dates.first().map(String::as_str), Some("2022-04-22"));
    assert!(dates.iter().any(|d| d == "2022-06-05") && dates.iter().any(|d| d == "2023-01-01"));
    assert!(html.exists(".progress-chart"));
}
