use crate::helpers::{
    PASSWORD, Page, StatusForm, TestApp, TestClient, listed_articles, listed_events, search_result_links, visible_text,
};

fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

#[tokio::test]
async fn admin_without_a_session_redirects_to_the_login_page() {
    let app = TestApp::spawn().await;
    let response = app.get("/en/admin/").await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/en/admin/login?next=/en/admin/");
    let response = app.get("/admin/amendments/15").await;
    assert!(location(&response).starts_with("/kk/admin/login?next=/admin/amendments/15"));
    let login = Page::parse(&app.page("/admin/login").await);
    assert!(login.exists("input[name=username]") && login.exists("input[name=password]"));
    assert!(login.exists("form[action='/kk/admin/login']") || login.exists("form[action='/en/admin/login']"));
}

#[tokio::test]
async fn login_with_the_right_password_opens_the_dashboard_with_a_fresh_http_only_cookie() {
    let app = TestApp::builder().with_account("editor", "editor").spawn().await;
    let client = app.anonymous();
    let response = client.login("editor", PASSWORD).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/en/admin/");
    let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"), "{cookie}");
    let dashboard = client.get("/en/admin/").await;
    assert_eq!(dashboard.status(), 200);
    assert_eq!(dashboard.headers()["cache-control"], "private, no-store");
    assert!(visible_text(&dashboard.text().await.unwrap()).contains("Signed in as editor"));
    // A second log-in gets another session id.
    let again = client.login("editor", PASSWORD).await;
    assert_ne!(again.headers()["set-cookie"].to_str().unwrap(), cookie);
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_same_answer() {
    let app = TestApp::builder().with_account("editor", "editor").spawn().await;
    let wrong = app.anonymous().login("editor", "not the password at all").await;
    let unknown = app.anonymous().login("nobody", "not the password at all").await;
    assert_eq!(wrong.status(), 401);
    assert_eq!(unknown.status(), 401);
    let message = |html: String| Page::parse(&html).select_text("[role=alert]").into_iter().next();
    let (wrong, unknown) = (message(wrong.text().await.unwrap()), message(unknown.text().await.unwrap()));
    assert_eq!(wrong, unknown);
    assert_eq!(wrong.as_deref(), Some("The user name or password is wrong."));
}

#[tokio::test]
async fn repeated_failures_throttle_the_account_even_for_the_right_password() {
    let app = TestApp::builder().with_account("editor", "editor").spawn().await;
    let client = app.anonymous();
    for _ in 0..5 {
        assert_eq!(client.login("editor", "wrong password guess").await.status(), 401);
    }
    let response = client.login("editor", PASSWORD).await;
    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
    assert!(visible_text(&response.text().await.unwrap()).contains("Too many failed attempts"));
}

#[tokio::test]
async fn logging_out_ends_the_session_on_the_server() {
    let app = TestApp::builder().with_account("editor", "editor").spawn().await;
    let client = app.anonymous();
    let response = client.login("editor", PASSWORD).await;
    let cookie = response.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
    let csrf = client.csrf().await;
    let response = client.post_form("/en/admin/logout", &[("csrf_token", &csrf)]).await;
    assert_eq!(response.status(), 303);
    // Replaying the old cookie does not bring the session back.
    let replay = app.new_client();
    let response = replay.request(reqwest::Method::GET, "/en/admin/").header("cookie", cookie).send().await.unwrap();
    assert_eq!(response.status(), 303);
    assert!(location(&response).contains("/admin/login"));
}

#[tokio::test]
async fn a_status_change_appears_on_the_public_page_with_its_date_note_and_source() {
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    let before = editor.audit_count().await;
    let change = StatusForm::valid()
        .status("amended_later")
        .effective_date("2023-03-01")
        .note("Test note about a later change.")
        .source_url("https://www.akorda.kz/en/example");
    let response = editor.post_status("42", change).await;
    assert_eq!(response.status(), 303);
    assert!(location(&response).ends_with("/en/admin/amendments/42?done=status-recorded"));
    assert!(visible_text(&editor.page(&location(&response)).await).contains("The status change was recorded."));
    assert_eq!(editor.audit_count().await, before + 1, "exactly one audit record");

    let html = app.page("/en/amendments/42").await;
    let text = visible_text(&html);
    assert!(text.contains("Current status: Amended later since 1 March 2023"));
    assert!(text.contains("Test note about a later change."));
    assert!(Page::parse(&html).exists("a[href='https://www.akorda.kz/en/example']"));
    // The change log shows it, hash-chained.
    assert!(visible_text(&app.page("/en/changes").await).contains("Status recorded · 42"));
}

#[tokio::test]
async fn an_illegal_transition_is_refused_with_a_message_and_nothing_changes() {
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    let before = editor.audit_count().await;
    let backwards = StatusForm::valid().status("on_ballot").effective_date("2023-01-01").note("Going backwards");
    let response = editor.post_status("15", backwards).await;
    assert_eq!(response.status(), 422);
    let text = visible_text(&response.text().await.unwrap());
    assert!(
        text.contains("This status cannot follow the current one. Allowed next: amended_later, superseded."),
        "{text}"
    );
    assert!(text.contains("Going backwards"), "the input is kept");
    assert_eq!(editor.audit_count().await, before);
    assert!(visible_text(&app.page("/en/amendments/15").await).contains("Current status: In force since 8 June 2022"));
}

#[tokio::test]
async fn invalid_fields_are_refused_next_to_the_field_and_nothing_changes() {
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    let (csrf, version) = editor.form_tokens("/en/admin/amendments/42").await;
    let long_note = "x".repeat(2001);
    for (field, value, message) in [
        ("effective_date", "2023-02-30", "Not a date in the form YYYY-MM-DD."),
        ("effective_date", "2022-01-01", "The date is before the previous entry (2022-09-17)."),
        ("source_url", "javascript:alert(1)", "Not an http or https address."),
        ("note", long_note.as_str(), "Too long."),
    ] {
        let form = StatusForm::valid()
            .csrf_token(&csrf)
            .version(&version)
            .note("A note")
            .source_url("https://example.org/x")
            .set(field, value);
        let response = editor.post_status("42", form).await;
        assert_eq!(response.status(), 422, "{field}");
        let html = response.text().await.unwrap();
        assert!(visible_text(&html).contains(message), "{field}: {message}");
        let page = Page::parse(&html);
        assert!(page.exists(&format!("[name={field}][aria-invalid=true]")), "{field} marked invalid");
    }
    let history = app.page("/en/amendments/42").await;
    assert_eq!(listed_events(&history).len(), 7, "nothing was stored");
}

#[tokio::test]
async fn a_stale_version_gets_409_keeps_the_input_and_overwrites_nothing() {
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    let (csrf, stale) = editor.form_tokens("/en/admin/amendments/42").await;
    let first = StatusForm::valid().status("amended_later").effective_date("2023-03-01").note("First editor");
    assert_eq!(editor.post_status("42", first).await.status(), 303);
    let second = StatusForm::valid()
        .csrf_token(&csrf)
        .version(&stale)
        .status("amended_later")
        .effective_date("2023-04-01")
        .note("Second editor, from a stale page")
        .source_url("https://example.org/second");
    let response = editor.post_status("42", second).await;
    assert_eq!(response.status(), 409);
    let text = visible_text(&response.text().await.unwrap());
    assert!(text.contains("Someone changed this record after you opened the page"));
    assert!(text.contains("Second editor, from a stale page"), "the input is kept");
    assert!(text.contains("First editor"), "shows what changed meanwhile");
    let public = visible_text(&app.page("/en/amendments/42").await);
    assert!(public.contains("First editor") && !public.contains("Second editor"));
}

#[tokio::test]
async fn a_cross_site_post_is_refused_with_403_and_changes_nothing() {
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    let (csrf, version) = editor.form_tokens("/en/admin/amendments/42").await;
    let form = StatusForm::valid()
        .csrf_token(&csrf)
        .version(&version)
        .status("amended_later")
        .effective_date("2023-03-01")
        .note("Forged")
        .source_url("https://evil.example/");
    let post = || editor.request(reqwest::Method::POST, "/en/admin/amendments/42/status").form(&form.pairs());
    let forged = post().header("origin", "https://evil.example").send().await.unwrap();
    assert_eq!(forged.status(), 403);
    let forged = post().header("sec-fetch-site", "cross-site").send().await.unwrap();
    assert_eq!(forged.status(), 403);
    // Without the page's token, a same-site post is refused too.
    assert_eq!(editor.post_status("42", form.clone().csrf_token("0")).await.status(), 403);
    assert!(!visible_text(&app.page("/en/amendments/42").await).contains("Forged"));
    // The same form from our own page works.
    let own = post().header("sec-fetch-site", "same-origin").send().await.unwrap();
    assert_eq!(own.status(), 303);
}

#[tokio::test]
async fn markup_typed_into_a_note_shows_as_text_on_the_public_page() {
    let app = TestApp::builder().with_editor().spawn().await;
    let note = "<script>alert(1)</script><b>bold</b> & \"quotes\"";
    let change = StatusForm::valid().status("amended_later").effective_date("2023-03-01").note(note);
    assert_eq!(app.editor().post_status("42", change).await.status(), 303);
    let html = app.page("/en/amendments/42").await;
    assert!(!html.contains("<script>alert(1)</script>") && !html.contains("<b>bold</b>"));
    assert!(html.contains("&#60;script&#62;alert(1)&#60;") && html.contains("&#60;b&#62;bold&#60;"), "escaped");
    assert!(visible_text(&html).contains(note));
    assert!(!app.page("/en/changes").await.contains("<script>alert(1)"));
    // In the feed, the note is XML-escaped text that parses back unchanged.
    let feed: atom_syndication::Feed = app.page("/en/amendments/42/feed.atom").await.parse().unwrap();
    let content = feed.entries()[0].content().and_then(|c| c.value()).unwrap_or_default().to_owned();
    assert!(content.starts_with(note), "{content}");
}

#[tokio::test]
async fn a_correction_keeps_both_entries_and_the_public_page_shows_it() {
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    let wrong = StatusForm::valid().status("amended_later").effective_date("2023-03-01").note("Wrong date entered");
    assert_eq!(editor.post_status("42", wrong).await.status(), 303);
    let html = editor.page("/en/admin/amendments/42").await;
    let (csrf, version) = editor.form_tokens("/en/admin/amendments/42").await;
    let corrects = Page::parse(&html).attr("input[name=corrects]", "value").expect("a correctable entry");
    let correction = StatusForm::valid()
        .csrf_token(&csrf)
        .version(&version)
        .corrects(&corrects)
        .status("amended_later")
        .effective_date("2023-02-01")
        .note("Corrected date")
        .source_url("https://example.org/correct");
    let response = editor.post_correction("42", correction).await;
    assert_eq!(response.status(), 303);
    let public = app.page("/en/amendments/42").await;
    let text = visible_text(&public);
    assert!(text.contains("Wrong date entered") && text.contains("Corrected date"), "both entries stay");
    assert!(text.contains("Corrected: see the correction"));
    assert!(text.contains("Current status: Amended later since 1 February 2023"));
}

#[tokio::test]
async fn the_audit_chain_verifies_until_a_record_is_altered_in_the_database() {
    let app = TestApp::builder().with_editor().spawn().await;
    let db = app.db().clone();
    let change = StatusForm::valid().status("amended_later").effective_date("2023-03-01").note("Audited change");
    assert_eq!(app.editor().post_status("42", change).await.status(), 303);
    app.stop().await;
    let ok = db.cli(&["audit", "verify"]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    // The seed run, the official texts' load, the editor's account and the
    // status change.
    let out = String::from_utf8_lossy(&ok.stdout);
    assert!(out.contains("audit trail intact: 4 records"), "{out}");

    db.execute_sql(
        "update audit_log set after_json = replace(after_json, 'Audited', 'Forged') where action = 'status.record'",
    )
    .await;
    let broken = db.cli(&["audit", "verify"]);
    assert!(!broken.status.success());
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(stderr.contains("audit record 4") && stderr.contains("altered"), "{stderr}");

    db.execute_sql("delete from audit_log where id = 1").await;
    let broken = db.cli(&["audit", "verify"]);
    assert!(String::from_utf8_lossy(&broken.stderr).contains("audit record 2"));
}

#[tokio::test]
async fn editors_cannot_manage_users_and_admins_can() {
    let app = TestApp::builder().with_editor().with_admin().spawn().await;
    let (editor, admin) = (app.editor(), app.admin());
    assert_eq!(editor.get("/en/admin/users").await.status(), 403);
    let (csrf, _) = admin.form_tokens("/en/admin/users").await;
    let response = admin
        .post_form(
            "/en/admin/users",
            &[
                ("csrf_token", &csrf),
                ("username", "second"),
                ("role", "editor"),
                ("password", "a long enough password"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert!(visible_text(&admin.page("/en/admin/users").await).contains("second"));
    let response = admin.post_form("/en/admin/users/editor/disable", &[("csrf_token", &csrf)]).await;
    assert_eq!(response.status(), 303);
    // The disabled editor's session has ended.
    assert_eq!(editor.get("/en/admin/").await.status(), 303);
    assert_eq!(editor.login("editor", PASSWORD).await.status(), 401);
}

#[tokio::test]
async fn every_admin_page_renders_in_all_three_languages_without_english_interface_text() {
    let app = TestApp::builder().with_editor().with_admin().spawn().await;
    let admin = app.admin();
    let pages = [
        "/admin/",
        "/admin/amendments/15",
        "/admin/timeline",
        "/admin/announcements/import",
        "/admin/audit",
        "/admin/users",
        "/admin/account",
        "/admin/results",
        "/admin/referendums",
        "/admin/statements",
        "/admin/translations/statement/1",
    ];
    for lang in ["kk", "ru", "en"] {
        for page in pages {
            let html = admin.page(&format!("/{lang}{page}")).await;
            let dom = Page::parse(&html);
            assert_eq!(dom.attr("html", "lang").as_deref(), Some(lang), "/{lang}{page}");
            for other in ["kk", "ru", "en"] {
                let switcher = format!("a[hreflang={other}][href='/{other}{page}']");
                assert!(dom.exists(&switcher), "/{lang}{page} switches to {other}");
            }
            if lang != "en" {
                crate::languages::assert_interface_translated(&html, lang, page);
            }
        }
    }
    let login = app.editor().get("/ru/admin/login").await.text().await.unwrap();
    assert_eq!(Page::parse(&login).attr("html", "lang").as_deref(), Some("ru"));
}

#[tokio::test]
async fn timeline_events_can_be_added_edited_and_deleted_with_a_source() {
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    let (csrf, _) = editor.form_tokens("/en/admin/timeline").await;
    let mut form = vec![
        ("csrf_token", csrf.as_str()),
        ("starts_on", "2027-03-01"),
        ("ends_on", ""),
        ("kind", "election"),
        ("title", "A future election"),
        ("description", "Planned for testing."),
        ("uncertainty_note", ""),
        ("amendments", "50, 51"),
        ("source_url", "https://www.election.gov.kz/example"),
    ];
    assert_eq!(editor.post_form("/en/admin/timeline", &form).await.status(), 303);
    let public = app.page("/en/timeline").await;
    assert!(visible_text(&public).contains("Upcoming events (1)"));
    assert!(Page::parse(&public).exists("a[href='https://www.election.gov.kz/example']"));
    assert!(visible_text(&app.page("/en/amendments/50").await).contains("A future election"));

    // A bad date and an end before the start are refused next to the fields.
    form[1] = ("starts_on", "2027-13-01");
    let response = editor.post_form("/en/admin/timeline", &form).await;
    assert_eq!(response.status(), 422);
    form[1] = ("starts_on", "2027-03-01");
    form[2] = ("ends_on", "2027-02-01");
    let response = editor.post_form("/en/admin/timeline", &form).await;
    assert!(visible_text(&response.text().await.unwrap()).contains("The end date is before the start date."));

    let list = Page::parse(&editor.page("/en/admin/timeline").await);
    let id = list
        .attrs("a[href^='/en/admin/timeline/']", "href")
        .into_iter()
        .filter_map(|href| href.strip_prefix("/en/admin/timeline/").map(str::to_owned))
        .find(|s| s.parse::<i64>().is_ok())
        .unwrap();
    let (csrf, version) = editor.form_tokens(&format!("/en/admin/timeline/{id}")).await;
    let edited = [
        ("csrf_token", csrf.as_str()),
        ("version", version.as_str()),
        ("starts_on", "2027-03-02"),
        ("kind", "election"),
        ("title", "A renamed election"),
        ("description", "Planned for testing."),
        ("source_url", "https://www.election.gov.kz/example"),
    ];
    assert_eq!(editor.post_form(&format!("/en/admin/timeline/{id}"), &edited).await.status(), 303);
    // The same stale form again is a conflict.
    assert_eq!(editor.post_form(&format!("/en/admin/timeline/{id}"), &edited).await.status(), 409);
    assert!(visible_text(&app.page("/en/timeline").await).contains("A renamed election"));
    let (csrf, version) = editor.form_tokens(&format!("/en/admin/timeline/{id}")).await;
    let response = editor
        .post_form(&format!("/en/admin/timeline/{id}/delete"), &[("csrf_token", &csrf), ("version", &version)])
        .await;
    assert_eq!(response.status(), 303);
    assert!(visible_text(&app.page("/en/timeline").await).contains("Upcoming events (0)"));
}

#[tokio::test]
async fn an_announcement_is_previewed_then_saved_and_its_statements_get_anchors() {
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    let (csrf, _) = editor.form_tokens("/en/admin/announcements/import").await;
    let document =
        "Statement on the next steps\nOn courts\n· The Constitutional Court will hear citizens.\n· A second point.";
    let mut form = vec![
        ("csrf_token", csrf.as_str()),
        ("slug", "next-steps"),
        ("event", "Press briefing"),
        ("announced_on", "2022-07-01"),
        ("speaker", "A spokesperson"),
        ("venue", "Astana"),
        ("source_note", "Test document."),
        ("document", document),
        ("action", "preview"),
    ];
    let preview = editor.post_form("/en/admin/announcements/import", &form).await;
    assert_eq!(preview.status(), 200);
    assert!(preview.text().await.unwrap().contains("#on-courts-1"));
    assert_eq!(app.get("/en/announcements/next-steps").await.status(), 404, "a preview saves nothing");
    form.pop();
    form.push(("action", "save"));
    let saved = editor.post_form("/en/admin/announcements/import", &form).await;
    assert_eq!(saved.status(), 303);
    let page = Page::parse(&app.page("/en/announcements/next-steps").await);
    assert!(page.exists("#on-courts-2"));
    // Saving the same address twice is refused.
    assert_eq!(editor.post_form("/en/admin/announcements/import", &form).await.status(), 422);
    // A document with no statements is refused with the reason.
    form[7] = ("document", "Only a title");
    let refused = editor.post_form("/en/admin/announcements/import", &form).await;
    assert!(visible_text(&refused.text().await.unwrap()).contains("no statements"));
}

#[tokio::test]
async fn changing_a_password_ends_the_other_sessions() {
    let app = TestApp::builder().with_editor().spawn().await;
    let first = app.editor();
    let other_instance = TestApp::spawn_on(app.db()).await;
    let second = other_instance.sign_in("editor").await;
    let (csrf, _) = first.form_tokens("/en/admin/account").await;
    let response = first
        .post_form(
            "/en/admin/account",
            &[("csrf_token", &csrf), ("current_password", PASSWORD), ("new_password", "another long password")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(first.get("/en/admin/").await.status(), 200, "this session stays");
    assert_eq!(second.get("/en/admin/").await.status(), 303, "the other session ended");
    assert_eq!(second.login("editor", "another long password").await.status(), 303);
}

#[tokio::test]
async fn an_admin_prepares_the_next_referendum_unpublished_then_publishes_it() {
    let app = TestApp::builder().with_admin().spawn().await;
    let admin = app.admin();
    let (csrf, _) = admin.form_tokens("/en/admin/referendums").await;
    let mut form = vec![
        ("csrf_token", csrf.as_str()),
        ("slug", "Next Reform"),
        ("title", "A future referendum"),
        ("summary", "What it changes."),
        ("question", "Do you accept?"),
        ("thresholds", "More than half."),
        ("proposed_on", "2026-01-10"),
        ("vote_on", ""),
        ("source_url", "https://www.akorda.kz/en/future"),
        ("amendments", "1 | First change | It changes article 1.\n2 | Second | It changes article 2."),
    ];
    assert_eq!(admin.post_form("/en/admin/referendums", &form).await.status(), 303);
    // Unpublished: the public site still shows the 2022 reform.
    assert_eq!(listed_articles(&app.page("/en/amendments").await).len(), 33);
    let list = admin.page("/en/admin/referendums").await;
    assert!(visible_text(&list).contains("in preparation"));
    let response = admin.post_form("/en/admin/referendums/next-reform/publish", &[("csrf_token", &csrf)]).await;
    assert_eq!(response.status(), 303);
    let html = app.page("/en/amendments").await;
    assert_eq!(listed_articles(&html), ["1", "2"]);
    assert!(
        visible_text(&app.page("/en/amendments/1").await).contains("Current status: Drafted since 10 January 2026")
    );
    // A malformed amendment line is refused and named.
    form[1] = ("slug", "another");
    form[9] = ("amendments", "1 | ok | fine\nnot-an-article | x | y");
    let response = admin.post_form("/en/admin/referendums", &form).await;
    assert_eq!(response.status(), 422);
    assert!(visible_text(&response.text().await.unwrap()).contains("Line 2 is not of the form"));
}

#[tokio::test]
async fn translations_are_edited_side_by_side_marked_unofficial_and_searchable_at_once() {
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    let public = visible_text(&app.page("/ru/amendments/15").await);
    assert!(public.contains("Смертная казнь") || public.contains("смертн"), "seeded unofficial translation shown");
    assert!(public.contains("неофициальный перевод"));

    let admin_page = Page::parse(&editor.page("/en/admin/amendments/15").await);
    let path = admin_page.attr("a[href^='/en/admin/translations/amendment/']", "href").expect("a translation link");
    let (csrf, version) = editor.form_tokens(&path).await;
    let form = [
        ("csrf_token", csrf.as_str()),
        ("version", version.as_str()),
        ("ru.title", "Запрет смертной казни (квазиуникальное)"),
        ("ru.summary", "Конституция запрещает смертную казнь."),
        ("ru.explanation", ""),
        ("ru.official", "on"),
        ("ru.source_url", ""),
        ("kk.title", "Өлім жазасына тыйым"),
        ("kk.summary", "Конституция өлім жазасына тыйым салады."),
        ("kk.explanation", ""),
    ];
    // Official without a source is refused next to the field.
    let response = editor.post_form(&path, &form).await;
    assert_eq!(response.status(), 422);
    assert!(
        visible_text(&response.text().await.unwrap())
            .contains("An official translation needs the address of its source.")
    );
    let mut unofficial = form.to_vec();
    unofficial.retain(|(k, _)| *k != "ru.official");
    let response = editor.post_form(&path, &unofficial).await;
    assert_eq!(response.status(), 303);
    let page = visible_text(&app.page("/ru/amendments/15").await);
    assert!(page.contains("Запрет смертной казни (квазиуникальное)"));
    let links = Page::parse(&app.page("/ru/search?q=квазиуникальное").await);
    assert!(links.exists("a[href='/ru/amendments/15']"), "searchable at once");
}

#[tokio::test]
async fn timeline_events_and_statements_are_translated_side_by_side_and_shown_in_that_language() {
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    let list = Page::parse(&editor.page("/en/admin/timeline").await);
    let path = list.attr("a[href^='/en/admin/translations/timeline_event/']", "href").expect("a translation link");
    let (csrf, version) = editor.form_tokens(&path).await;
    let form = [
        ("csrf_token", csrf.as_str()),
        ("version", version.as_str()),
        ("ru.title", "Событие в переводе (бузинный)"),
        ("ru.description", "Описание события."),
    ];
    assert_eq!(editor.post_form(&path, &form).await.status(), 303);
    let stale = editor.post_form(&path, &form).await;
    assert_eq!(stale.status(), 409, "the same form again is stale");
    let timeline = visible_text(&app.page("/ru/timeline").await);
    assert!(timeline.contains("Событие в переводе (бузинный)") && timeline.contains("неофициальный перевод"));

    let statements = Page::parse(&editor.page("/en/admin/statements").await);
    let path = statements.attr("a[href^='/en/admin/translations/statement/']", "href").expect("a translation link");
    let (csrf, _) = editor.form_tokens(&path).await;
    let form = [("csrf_token", csrf.as_str()), ("kk.text", "Мәлімдеменің аудармасы (қарақат)"), ("kk.official", "on")];
    let refused = editor.post_form(&path, &form).await;
    assert_eq!(refused.status(), 422, "official needs a source");
    let form = [
        ("csrf_token", csrf.as_str()),
        ("kk.text", "Мәлімдеменің аудармасы (қарақат)"),
        ("kk.official", "on"),
        ("kk.source_url", "https://www.akorda.kz/kz/example"),
    ];
    assert_eq!(editor.post_form(&path, &form).await.status(), 303);
    let page = app.page("/kk/announcements/2022-04-29-assembly-of-the-people").await;
    assert!(page.contains("Мәлімдеменің аудармасы (қарақат)"));
    // The original stays, verbatim.
    assert!(visible_text(&page).contains("On 29 April, the President of Kazakhstan"));
    let found = search_result_links(&app.page("/kk/search?q=қарақат").await);
    assert!(found.iter().any(|l| l.starts_with("/kk/announcements/2022-04-29-assembly-of-the-people#")), "{found:?}");
}

/// Records `count` later changes to article 42, numbered from 1 in the note.
async fn record_changes(editor: &TestClient, count: usize, note: &str) {
    for n in 1..=count {
        let change =
            StatusForm::valid().status("amended_later").effective_date("2023-01-01").note(format!("{note} {n}"));
        let response = editor.post_status("42", change).await;
        assert_eq!(response.status(), 303, "change {n}");
    }
}

/// The record ids a page lists, from the `id="{prefix}N"` of its items.
fn listed_ids(html: &str, prefix: &str) -> Vec<i64> {
    Page::parse(html)
        .attrs(&format!("li[id^='{prefix}']"), "id")
        .iter()
        .map(|id| id.trim_start_matches(prefix).parse().unwrap())
        .collect()
}

/// The part after `prefix` of each link on a page that starts with it.
fn links_after(html: &str, prefix: &str) -> Vec<String> {
    Page::parse(html)
        .attrs(&format!("a[href^='{prefix}']"), "href")
        .into_iter()
        .filter_map(|href| href.strip_prefix(prefix).map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn the_public_change_log_pages_through_every_record_newest_first() {
    let app = TestApp::builder().with_editor().spawn().await;
    record_changes(app.editor(), 52, "Later change number").await;
    let first = app.page("/en/changes").await;
    let ids = |html: &str| listed_ids(html, "change-");
    let newest = ids(&first);
    assert_eq!(newest.len(), 50, "fifty records a page");
    assert!(visible_text(&first).contains("Later change number 52"));
    let older = links_after(&first, "/en/changes?before=");
    assert_eq!(older, vec![newest[49].to_string()], "a link to the older records");
    let second = app.page(&format!("/en/changes?before={}", older[0])).await;
    let rest = ids(&second);
    assert!(
        !rest.is_empty() && rest.iter().all(|id| *id < newest[49]),
        "the next page continues where the first ended"
    );
    assert!(visible_text(&second).contains("Later change number 1\""), "the oldest change is reachable");
    assert!(visible_text(&second).contains("Newest changes"));

    for bad in ["abc", "-3", "0", "1e9"] {
        let response = app.get(&format!("/en/changes?before={bad}")).await;
        assert_eq!(response.status(), 400, "before={bad}");
        assert!(response.text().await.unwrap().contains("The page address is not valid"));
    }
}

#[tokio::test]
async fn the_admin_audit_trail_pages_through_every_record_keeping_the_filters() {
    let app = TestApp::builder().with_editor().spawn().await;
    let editor = app.editor();
    record_changes(editor, 101, "Audit page check").await;
    let first = editor.page("/en/admin/audit?entity=amendment").await;
    let ids = |html: &str| listed_ids(html, "audit-");
    let newest = ids(&first);
    assert_eq!(newest.len(), 100, "a hundred records a page");
    // The page writes the link's & as &#38;; the parser gives it back as &.
    let older = links_after(&first, "/en/admin/audit?entity=amendment&before=");
    assert_eq!(older, vec![newest[99].to_string()], "the link to older records keeps the filter");
    let second = editor.page(&format!("/en/admin/audit?entity=amendment&before={}", older[0])).await;
    let rest = ids(&second);
    assert!(!rest.is_empty() && rest.iter().all(|id| *id < newest[99]));
    assert!(visible_text(&second).contains("Audit page check 1\""), "the oldest change is reachable");
    assert_eq!(editor.get("/en/admin/audit?before=x").await.status(), 400);
}
