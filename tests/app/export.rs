use std::path::{Path, PathBuf};

use crate::helpers::{Page, TestApp, TestDb, visible_text};

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

/// The text of the page's main element.
fn main_text(html: &str) -> String {
    let main = Page::parse(html).select_text("main");
    assert_eq!(main.len(), 1, "one main element");
    main.into_iter().next().unwrap()
}

#[tokio::test]
async fn the_static_export_is_a_self_contained_tree_that_matches_the_live_pages() {
    let db = TestDb::fresh().await;
    let app = TestApp::spawn_on(&db).await;
    let out = tempfile::tempdir().unwrap();
    let result = db.cli(&["export-static", out.path().to_str().unwrap()]);
    assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr));

    let mut files = Vec::new();
    html_files(out.path(), &mut files);
    assert!(files.len() > 150, "{} pages", files.len());
    let mut checked = 0;
    for file in &files {
        let page = Page::parse(&std::fs::read_to_string(file).unwrap());
        let links =
            page.select_all("[href], [src]").into_iter().flat_map(|e| [e.attr("href"), e.attr("src")]).flatten();
        for link in links {
            if link.starts_with("http") || link.starts_with('#') || link.starts_with("mailto:") {
                continue;
            }
            assert!(!link.starts_with('/'), "{}: absolute link {link}", file.display());
            // The parser has decoded the attribute (&#38; is & again).
            let target = link.split('#').next().unwrap();
            let resolved = file.parent().unwrap().join(target);
            assert!(resolved.exists(), "{}: {link} does not resolve", file.display());
            checked += 1;
        }
    }
    assert!(checked > 1000, "{checked} links checked");
    for needed in [
        "index.html",
        "assets/style.css",
        "feed.atom",
        "timeline.ics",
        "data/results.csv",
        "en/amendments/83-1/index.html",
    ] {
        assert!(out.path().join(needed).exists(), "{needed}");
    }
    // The amendment pages say what the live pages say.
    for article in ["15", "83-1", "91"] {
        let exported = std::fs::read_to_string(out.path().join(format!("en/amendments/{article}/index.html"))).unwrap();
        let live = app.page(&format!("/en/amendments/{article}")).await;
        assert_eq!(main_text(&exported), main_text(&live), "article {article}");
        assert!(visible_text(&exported).contains("Static copy of the tracker, made on"));
    }
}
