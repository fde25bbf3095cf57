use crate::helpers::{Page, StatusForm, TestApp, TestDb, visible_text};

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    (header, rows)
}

#[tokio::test]
async fn the_open_data_page_states_the_licence_and_every_download_answers() {
    let app = TestApp::spawn().await;
    let html = app.page("/en/data").await;
    let text = visible_text(&html);
    assert!(text.contains("CC BY 4.0") && text.contains("Please cite it as:"));
    let links = Page::parse(&html).attrs("[href^='/data/']:not([href^='/data/akn/'])", "href");
    assert_eq!(links.len(), 18, "nine datasets, CSV and JSON");
    let akn = Page::parse(&html).attrs("[href^='/data/akn/']", "href");
    assert_eq!(akn.len(), 5, "four expressions of the two constitutions, and the law");
    for link in links {
        let response = app.get(&link).await;
        assert_eq!(response.status(), 200, "{link}");
        let kind = response.headers()["content-type"].to_str().unwrap().to_owned();
        let body = response.text().await.unwrap();
        if link.ends_with(".csv") {
            assert!(kind.starts_with("text/csv"));
            let (header, rows) = read_csv(&body);
            assert!(!header.is_empty() && !rows.is_empty(), "{link}");
        } else {
            assert_eq!(kind, "application/json");
            assert!(serde_json::from_str::<serde_json::Value>(&body).unwrap().is_array());
        }
    }
    let (_, amendments) = read_csv(&app.page("/data/amendments.csv").await);
    assert_eq!(amendments.len(), 33);
    assert_eq!(app.get("/data/nothing.csv").await.status(), 404);
    assert_eq!(app.get("/data/amendments.xml").await.status(), 404);
}

#[tokio::test]
async fn csv_round_trips_a_value_with_a_comma_a_quote_and_a_newline() {
    let app = TestApp::builder().with_editor().spawn().await;
    let note = "Tricky, \"quoted\"\nsecond line";
    let change = StatusForm::valid()
        .status("amended_later")
        .effective_date("2023-03-01")
        .note(note)
        .source_url("https://example.org/x");
    let response = app.editor().post_status("42", change).await;
    assert_eq!(response.status(), 303);
    let (header, rows) = read_csv(&app.page("/data/status-history.csv").await);
    let column = header.iter().position(|h| h == "note").unwrap();
    assert!(rows.iter().any(|r| r[column] == note), "the note survives the round trip");
}

#[tokio::test]
async fn the_results_file_has_its_shape_before_any_figure_is_published() {
    let db = TestDb::fresh().await;
    assert!(db.cli(&["seed", "--until", "2022-06-01"]).status.success());
    let app = TestApp::spawn_on(&db).await;
    let (header, rows) = read_csv(&app.page("/data/results.csv").await);
    assert_eq!(rows.len(), 2 * 18, "two stages × (the nation and 17 units)");
    assert_eq!(&header[..4], ["stage", "published_on", "scope", "scope_name"]);
    assert!(rows.iter().all(|r| r[1].is_empty() && r[4..].iter().all(String::is_empty)), "all empty");
    let json: serde_json::Value = serde_json::from_str(&app.page("/data/results.json").await).unwrap();
    assert!(json[0]["turnout_pct"].is_null());
}

#[tokio::test]
async fn a_results_csv_with_one_bad_line_is_refused_whole_and_names_the_line() {
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    let original = app.page("/data/results.csv").await;
    let mut lines: Vec<String> = original.lines().map(str::to_owned).collect();
    // Line 2 (national preliminary): change the turnout; line 4: break a percentage.
    let head = lines[0].clone();
    let turnout = head.split(',').position(|h| h == "turnout_pct").unwrap();
    let edit = |line: &str, value: &str| {
        let mut cells: Vec<String> = csv::Reader::from_reader(format!("{head}\n{line}").as_bytes())
            .records()
            .next()
            .unwrap()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        cells[turnout] = value.to_owned();
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&cells).unwrap();
        String::from_utf8(writer.into_inner().unwrap()).unwrap().trim_end().to_owned()
    };
    lines[1] = edit(&lines[1].clone(), "70.00");
    lines[3] = edit(&lines[3].clone(), "170.5");
    let (csrf, _) = editor.form_tokens("/en/admin/results").await;
    let response =
        editor.post_form("/en/admin/results/import", &[("csrf_token", &csrf), ("csv", &lines.join("\n"))]).await;
    assert_eq!(response.status(), 422);
    let text = visible_text(&response.text().await.unwrap());
    assert!(text.contains("Line 4, column “turnout_pct”: not a percentage"), "{text}");
    assert!(text.contains("Nothing was imported"));
    assert_eq!(app.page("/data/results.csv").await, original, "nothing changed");

    // The same file without the bad line goes in, and the page shows it.
    lines[3] = edit(&lines[3].clone(), "73.81");
    let response =
        editor.post_form("/en/admin/results/import", &[("csrf_token", &csrf), ("csv", &lines.join("\n"))]).await;
    assert_eq!(response.status(), 303);
    let text = visible_text(&app.page("/en/results?stage=preliminary").await);
    assert!(text.contains("70.00 %"));
}

#[tokio::test]
async fn one_figure_is_entered_through_the_form_and_audited() {
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    let audit_before = editor.audit_count().await;
    let (csrf, _) = editor.form_tokens("/en/admin/results").await;
    let response = editor
        .post_form(
            "/en/admin/results",
            &[
                ("csrf_token", &csrf),
                ("stage", "final"),
                ("published_on", "2022-06-08"),
                ("scope", "aktobe"),
                ("field", "turnout_pct"),
                ("value", "58.5"),
                ("source_url", "https://example.org/aktobe"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let text = visible_text(&app.page("/en/results").await);
    assert!(text.contains("58.50 %"));
    assert_eq!(editor.audit_count().await, audit_before + 1);
    let response = editor
        .post_form(
            "/en/admin/results",
            &[
                ("csrf_token", &csrf),
                ("stage", "final"),
                ("published_on", "2022-06-08"),
                ("scope", "aktobe"),
                ("field", "turnout_pct"),
                ("value", "101"),
                ("source_url", "https://example.org/aktobe"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
}
