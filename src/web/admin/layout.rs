//! What every admin page shows around its content: the language, the user,
//! the navigation and the confirmation of the last action.

use crate::{
    domain::account::Role,
    i18n::Lang,
    web::view::{Alternate, CONTENT_LANG, NavItem},
};

use super::session::Admin;

/// Shared by every admin page: language, signed-in user, CSRF token, the
/// confirmation of the last action, and the active navigation entry.
pub struct AdminLayout {
    pub lang: Lang,
    pub base: &'static str,
    pub title: String,
    /// The admin navigation, with the page's own section marked; entries
    /// for admins only are left out for editors.
    pub nav_items: Vec<NavItem>,
    pub username: Option<String>,
    pub csrf_token: String,
    pub flash: Option<String>,
    /// The same admin page in each language, for the language switcher.
    pub alternates: Vec<Alternate>,
}

/// The admin section a page belongs to, marked in the admin navigation.
/// Translation pages are reached from what they translate: there nothing is
/// marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminNav {
    Dashboard,
    Timeline,
    Statements,
    Import,
    Results,
    Audit,
    Referendums,
    Users,
    Account,
    Translations,
}

impl AdminNav {
    /// The admin navigation in order: the section (none for the link to the
    /// public site), the path after the language prefix, the label's message
    /// key, and whether only admins, not editors, see the entry.
    const ENTRIES: [(Option<AdminNav>, &'static str, &'static str, bool); 10] = [
        (Some(AdminNav::Dashboard), "/admin/", "admin-dashboard", false),
        (Some(AdminNav::Timeline), "/admin/timeline", "admin-timeline", false),
        (Some(AdminNav::Statements), "/admin/statements", "admin-statements", false),
        (Some(AdminNav::Import), "/admin/announcements/import", "admin-import", false),
        (Some(AdminNav::Results), "/admin/results", "admin-results", false),
        (Some(AdminNav::Audit), "/admin/audit", "admin-audit", false),
        (Some(AdminNav::Referendums), "/admin/referendums", "admin-referendums", true),
        (Some(AdminNav::Users), "/admin/users", "admin-users", true),
        (Some(AdminNav::Account), "/admin/account", "admin-account", false),
        (None, "/", "admin-public-site", false),
    ];

    fn items(self, base: &str, is_admin: bool, lang: Lang) -> Vec<NavItem> {
        Self::ENTRIES
            .iter()
            .filter(|&&(_, _, _, admin_only)| is_admin || !admin_only)
            .map(|&(section, path, label, _)| NavItem {
                href: format!("{base}{path}"),
                label: lang.t(label),
                current: section == Some(self),
            })
            .collect()
    }
}

impl AdminLayout {
    pub fn new(admin: &Admin, title: String, nav: AdminNav, flash: Option<&str>) -> Self {
        let lang = admin.at.lang;
        Self {
            lang,
            base: admin.at.base,
            title,
            nav_items: nav.items(admin.at.base, admin.role == Role::Admin, lang),
            username: Some(admin.username.clone()),
            csrf_token: admin.csrf_token.clone(),
            flash: flash.and_then(|key| flash_message(key, lang)),
            alternates: admin.at.alternates(),
        }
    }

    pub fn content_lang(&self) -> &'static str {
        CONTENT_LANG.code()
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn ts(&self, key: &str, name: &'static str, value: &str) -> String {
        self.lang.ts(key, name, value)
    }
}

/// Confirmation messages travel as a key in the redirect's query string;
/// only known keys are shown, so the URL cannot inject text.
pub(super) fn flash_message(key: &str, lang: Lang) -> Option<String> {
    const KNOWN: [&str; 19] = [
        "translations-saved",
        "results-saved",
        "results-imported",
        "referendum-created",
        "referendum-published",
        "status-recorded",
        "status-corrected",
        "amendment-saved",
        "link-saved",
        "link-removed",
        "event-created",
        "event-saved",
        "event-deleted",
        "announcement-imported",
        "user-created",
        "user-disabled",
        "user-enabled",
        "password-changed",
        "signed-out",
    ];
    KNOWN.contains(&key).then(|| lang.t(&format!("flash-{key}")))
}

#[derive(Debug, serde::Deserialize, Default)]
pub struct FlashQuery {
    pub done: Option<String>,
}
