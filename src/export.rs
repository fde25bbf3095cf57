//! `export-static DIR`: the whole public site as static files that any web
//! server, mirror or a laptop can serve. Pages are rendered by the real
//! router in-process and crawled from each language's overview; internal
//! links are rewritten to relative paths, so the tree works from a
//! sub-folder or straight from disk.

use std::{
    collections::{BTreeSet, VecDeque},
    path::{Path, PathBuf},
};

use axum::{body::Body, http::Request};
use tower::ServiceExt;

use crate::{config::Config, i18n::Lang, storage::Storage, web};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write {path}: {source}")]
    Write { path: String, source: std::io::Error },
    #[error("rendering {0} failed")]
    Render(String),
}

/// Where a URL of the site lives in the export.
pub fn file_for(url: &str) -> String {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let path = path.trim_start_matches('/');
    let has_extension = path.rsplit('/').next().is_some_and(|last| last.contains('.'));
    let mut file = if has_extension {
        path.to_owned()
    } else {
        let dir = path.trim_end_matches('/');
        if dir.is_empty() { String::new() } else { format!("{dir}/") }
    };
    if !query.is_empty() {
        let safe: String = query
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else if c == '&' {
                    '~'
                } else {
                    '-'
                }
            })
            .collect();
        file.push_str(&format!("q/{safe}/"));
    }
    if !has_extension || !query.is_empty() {
        file.push_str("index.html");
    }
    file
}

/// A relative link from the file `from` to the file `to`.
pub fn relative(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> =
        from.split('/').collect::<Vec<_>>().split_last().map(|(_, d)| d.to_vec()).unwrap_or_default();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dirs.iter().zip(&to_parts).take_while(|(a, b)| a == b).count();
    let mut out = "../".repeat(from_dirs.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    if out.is_empty() { "./".to_owned() } else { out }
}

fn internal_links(html: &str) -> Vec<String> {
    let mut links = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attribute) {
            rest = &rest[i + attribute.len()..];
            let Some(end) = rest.find('"') else { break };
            let value = &rest[..end];
            if value.starts_with('/') && !value.starts_with("//") {
                links.push(value.replace("&#38;", "&").replace("&amp;", "&"));
            }
            rest = &rest[end..];
        }
    }
    links
}

fn exportable(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    !path.contains("/admin") && !url.contains("as_of=")
}

/// Rewrites every internal link of a page to a relative path and drops the
/// forms that need a server (the date control and the filter form).
fn rewrite(html: &str, file: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let next = ["href=\"/", "src=\"/"].iter().filter_map(|a| rest.find(a).map(|i| (i, a.len() - 1))).min();
        let Some((i, len)) = next else { break };
        out.push_str(&rest[..i + len]);
        rest = &rest[i + len..];
        let end = rest.find('"').unwrap_or(rest.len());
        let value = rest[..end].replace("&#38;", "&").replace("&amp;", "&");
        if value.starts_with("//") {
            out.push_str(&rest[..end]);
        } else {
            let (target, fragment) = value.split_once('#').map_or((value.as_str(), ""), |(t, f)| (t, f));
            out.push_str(&relative(file, &file_for(target)));
            if !fragment.is_empty() {
                out.push('#');
                out.push_str(fragment);
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    for form in ["<form class=\"as-of-form\"", "<form class=\"filters\""] {
        while let Some(start) = out.find(form) {
            let Some(end) = out[start..].find("</form>") else { break };
            out.replace_range(start..start + end + "</form>".len(), "");
        }
    }
    out
}

pub async fn export(storage: Storage, config: &Config, dir: &Path) -> Result<usize, ExportError> {
    let router = web::router(web::app_state(storage, config));
    let write = |path: PathBuf, bytes: &[u8]| -> Result<(), ExportError> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|source| ExportError::Write { path: parent.display().to_string(), source })?;
        }
        std::fs::write(&path, bytes).map_err(|source| ExportError::Write { path: path.display().to_string(), source })
    };
    let made = chrono::Utc::now();
    let mut queue: VecDeque<String> = Lang::ALL.iter().map(|l| format!("/{}/", l.code())).collect();
    queue.extend(["/assets/style.css", "/feed.atom", "/timeline.ics"].map(str::to_owned));
    queue.extend(
        web::data::Dataset::ALL
            .iter()
            .map(|d| d.name())
            .flat_map(|d| [format!("/data/{d}.csv"), format!("/data/{d}.json")]),
    );
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut written = 0;
    while let Some(url) = queue.pop_front() {
        let request = Request::get(&url).header("host", "export.invalid").body(Body::empty()).expect("a valid request");
        let response = router.clone().oneshot(request).await.map_err(|_| ExportError::Render(url.clone()))?;
        if !response.status().is_success() {
            continue;
        }
        let is_html = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        let bytes = axum::body::to_bytes(response.into_body(), 64 * 1024 * 1024)
            .await
            .map_err(|_| ExportError::Render(url.clone()))?;
        let file = file_for(&url);
        if is_html {
            let html = String::from_utf8_lossy(&bytes).into_owned();
            for link in internal_links(&html) {
                let target = link.split('#').next().unwrap_or_default().to_owned();
                if exportable(&target) && seen.insert(target.clone()) {
                    queue.push_back(target);
                }
            }
            let lang = crate::i18n::Lang::split_path(&url).map(|(lang, _)| lang).unwrap_or(Lang::En);
            let note = format!(
                "<p class=\"export-note\">{} {}.</p>\n</footer>",
                lang.t("export-made"),
                made.format("%Y-%m-%d %H:%M UTC")
            );
            let html = rewrite(&html, &file).replacen("</footer>", &note, 1);
            write(dir.join(&file), html.as_bytes())?;
        } else {
            write(dir.join(&file), &bytes)?;
        }
        written += 1;
    }
    let index = format!(
        "<!doctype html>\n<html lang=\"kk\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Referendum tracker</title><link rel=\"stylesheet\" href=\"assets/style.css\"></head>\n<body><main class=\"wrap\">\
         <h1>Referendum tracker</h1><ul>{}</ul><p>{} {}.</p></main></body></html>\n",
        Lang::ALL
            .iter()
            .map(|l| format!(
                "<li><a href=\"{}/index.html\" lang=\"{}\">{}</a></li>",
                l.code(),
                l.code(),
                l.native_name()
            ))
            .collect::<String>(),
        Lang::En.t("export-made"),
        made.format("%Y-%m-%d %H:%M UTC")
    );
    write(dir.join("index.html"), index.as_bytes())?;
    Ok(written + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_map_to_files_and_links_become_relative() {
        assert_eq!(file_for("/en/"), "en/index.html");
        assert_eq!(file_for("/en/amendments/83-1"), "en/amendments/83-1/index.html");
        assert_eq!(file_for("/assets/style.css"), "assets/style.css");
        assert_eq!(
            file_for("/en/amendments?status=in_force&theme=x"),
            "en/amendments/q/status-in_force~theme-x/index.html"
        );
        assert_eq!(
            relative("en/amendments/15/index.html", "en/announcements/a/index.html"),
            "../../announcements/a/index.html"
        );
        assert_eq!(relative("en/index.html", "assets/style.css"), "../assets/style.css");
        assert_eq!(relative("index.html", "en/index.html"), "en/index.html");
        let page =
            "<a href=\"/en/amendments/15#event-3\">x</a><form class=\"as-of-form\" action=\"/en/\"><input></form>";
        assert_eq!(rewrite(page, "en/index.html"), "<a href=\"amendments/15/index.html#event-3\">x</a>");
    }
}
