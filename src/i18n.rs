//! Interface languages: Kazakh (the state language), Russian and English.
//! Messages live in `locales/{kk,ru,en}/main.ftl` (Fluent), compiled into the
//! binary; dates and numbers follow each language's conventions.

use std::{borrow::Cow, collections::HashMap};

use chrono::{Datelike, NaiveDate};
use fluent_templates::{LanguageIdentifier, Loader, fluent_bundle::FluentValue, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Without this every placeable is wrapped in bidi isolation marks,
        // which show up as stray characters in HTML attributes.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static KK: LanguageIdentifier = langid!("kk");
static RU: LanguageIdentifier = langid!("ru");
static EN: LanguageIdentifier = langid!("en");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Kk,
    Ru,
    En,
}

impl Lang {
    /// Splits "/ru/amendments" into (Ru, "/amendments"); "/ru" gives (Ru, "/").
    pub fn split_path(path: &str) -> Option<(Lang, &str)> {
        let rest = path.strip_prefix('/')?;
        let (code, tail) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        Self::from_code(code).map(|lang| (lang, tail))
    }

    /// In the order the language switcher shows them.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Kk => "Қазақша",
            Lang::Ru => "Русский",
            Lang::En => "English",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Kk => &KK,
            Lang::Ru => &RU,
            Lang::En => &EN,
        }
    }

    /// The message for `key`; a missing key shows as the key itself, which
    /// the message-file test makes impossible for the shipped languages.
    pub fn t(self, key: &str) -> String {
        LOCALES.try_lookup(self.id(), key).unwrap_or_else(|| key.to_owned())
    }

    pub fn t_args(self, key: &str, args: &[(&'static str, Arg<'_>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Num(n) => FluentValue::from(*n),
                    Arg::Str(s) => FluentValue::from(*s),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        LOCALES.try_lookup_with_args(self.id(), key, &args).unwrap_or_else(|| key.to_owned())
    }

    /// A message with one text argument.
    pub fn ts(self, key: &str, name: &'static str, value: &str) -> String {
        self.t_args(key, &[(name, Arg::Str(value))])
    }

    /// Picks the first supported language in an Accept-Language header,
    /// honouring q-values; `default` when none matches.
    pub fn negotiate(accept_language: Option<&str>, default: Lang) -> Lang {
        let Some(header) = accept_language else { return default };
        let mut best: Option<(f32, usize, Lang)> = None;
        for (position, item) in header.split(',').enumerate().take(32) {
            let mut parts = item.trim().split(';');
            let tag = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()))
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or_default();
            let Some(lang) = Lang::from_code(primary) else { continue };
            if quality <= 0.0 {
                continue;
            }
            let better = best.is_none_or(|(q, p, _)| quality > q || (quality == q && position < p));
            if better {
                best = Some((quality, position, lang));
            }
        }
        best.map_or(default, |(_, _, lang)| lang)
    }

    /// "5 June 2022", "5 июня 2022 г.", "2022 жылғы 5 маусым".
    pub fn date(self, date: NaiveDate) -> String {
        let (day, month, year) = (date.day(), date.month0() as usize, date.year());
        match self {
            Lang::En => format!("{day} {} {year}", EN_MONTHS[month]),
            Lang::Ru => format!("{day} {} {year} г.", RU_MONTHS_GENITIVE[month]),
            Lang::Kk => format!("{year} жылғы {day} {}", KK_MONTHS[month]),
        }
    }

    /// Integers with the language's thousands separator: 11,734,642 in
    /// English, 11 734 642 (no-break spaces) in Russian and Kazakh.
    pub fn number(self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let separator = match self {
            Lang::En => ',',
            Lang::Ru | Lang::Kk => '\u{a0}',
        };
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if n < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }

    /// A decimal with a fixed number of places: 68.05 or 68,05.
    pub fn decimal(self, value: f64, places: usize) -> String {
        let text = format!("{value:.places$}");
        match self {
            Lang::En => text,
            Lang::Ru | Lang::Kk => text.replace('.', ","),
        }
    }
}

/// An argument to a Fluent message.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Num(i64),
    Str(&'a str),
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const RU_MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const KK_MONTHS: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(Lang::negotiate(Some("kk"), Lang::En), Lang::Kk);
        assert_eq!(Lang::negotiate(Some("ru-RU,ru;q=0.9,en;q=0.8"), Lang::En), Lang::Ru);
        assert_eq!(Lang::negotiate(Some("de-DE, en;q=0.5, kk;q=0.7"), Lang::Ru), Lang::Kk);
        assert_eq!(Lang::negotiate(Some("fr, de"), Lang::Ru), Lang::Ru);
        assert_eq!(Lang::negotiate(Some("kk;q=0, en"), Lang::Ru), Lang::En);
        assert_eq!(Lang::negotiate(Some(";;;,,,q=x"), Lang::Kk), Lang::Kk);
        assert_eq!(Lang::negotiate(None, Lang::En), Lang::En);
    }

    #[test]
    fn dates_use_each_languages_month_names_and_grammar() {
        let d = NaiveDate::from_ymd_opt(2022, 6, 5).unwrap();
        assert_eq!(Lang::En.date(d), "5 June 2022");
        assert_eq!(Lang::Ru.date(d), "5 июня 2022 г.");
        assert_eq!(Lang::Kk.date(d), "2022 жылғы 5 маусым");
    }

    #[test]
    fn numbers_use_each_languages_separators() {
        assert_eq!(Lang::En.number(11_734_642), "11,734,642");
        assert_eq!(Lang::Ru.number(11_734_642), "11\u{a0}734\u{a0}642");
        assert_eq!(Lang::Kk.number(-1000), "-1\u{a0}000");
        assert_eq!(Lang::En.number(999), "999");
        assert_eq!(Lang::Ru.decimal(68.054, 2), "68,05");
        assert_eq!(Lang::En.decimal(68.054, 2), "68.05");
    }

    /// Every key of the English file exists in every other language file.
    #[test]
    fn every_message_key_exists_in_every_language() {
        let entries = |ftl: &'static str| -> Vec<(String, &'static str)> {
            ftl.lines()
                .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
                .filter_map(|l| l.split_once('=').map(|(k, v)| (k.trim().to_owned(), v.trim())))
                .collect()
        };
        let keys = |ftl: &'static str| -> Vec<String> { entries(ftl).into_iter().map(|(k, _)| k).collect() };
        let en = keys(include_str!("../locales/en/main.ftl"));
        assert!(en.len() > 50, "the English file has {} keys", en.len());
        for (code, ftl) in
            [("kk", include_str!("../locales/kk/main.ftl")), ("ru", include_str!("../locales/ru/main.ftl"))]
        {
            let other = keys(ftl);
            let missing: Vec<&String> = en.iter().filter(|k| !other.contains(k)).collect();
            assert!(missing.is_empty(), "{code} lacks {missing:?}");
            let extra: Vec<&String> = other.iter().filter(|k| !en.contains(k)).collect();
            assert!(extra.is_empty(), "{code} has keys English lacks: {extra:?}");
            // A syntax error would make the loader drop messages: every
            // message without arguments must resolve.
            for (key, value) in entries(ftl).iter().filter(|(_, v)| !v.contains('{')) {
                let found = LOCALES.try_lookup(Lang::from_code(code).unwrap().id(), key);
                assert_eq!(found.as_deref(), Some(*value), "{code}: {key}");
            }
        }
    }

    #[test]
    fn language_prefixes_are_split_from_paths() {
        assert_eq!(Lang::split_path("/ru/amendments/15"), Some((Lang::Ru, "/amendments/15")));
        assert_eq!(Lang::split_path("/kk/"), Some((Lang::Kk, "/")));
        assert_eq!(Lang::split_path("/en"), Some((Lang::En, "/")));
        assert_eq!(Lang::split_path("/amendments"), None);
        assert_eq!(Lang::split_path("/english/x"), None);
        assert_eq!(Lang::split_path(""), None);
    }
}
