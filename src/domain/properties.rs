//! Property tests of the parsers that take outside input: they never panic,
//! and what they accept round-trips.

use proptest::prelude::*;

use super::{announcement, article::ArticleNumber, input, results, results_csv};

fn config() -> ProptestConfig {
    ProptestConfig { cases: 1000, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn article_numbers_never_panic_and_accepted_ones_round_trip(text in "\\PC{0,12}") {
        if let Ok(article) = ArticleNumber::parse(&text) {
            prop_assert_eq!(article.to_string(), text);
        }
    }

    #[test]
    fn well_formed_article_numbers_are_accepted(main in 1u16..1000, sub in proptest::option::of(1u16..100)) {
        let text = match sub { Some(s) => format!("{main}-{s}"), None => main.to_string() };
        let parsed = ArticleNumber::parse(&text).unwrap();
        prop_assert_eq!(parsed.to_string(), text);
    }

    #[test]
    fn dates_never_panic_and_accepted_ones_are_iso(text in "\\PC{0,14}") {
        if let Ok(date) = input::parse_date(&text) {
            prop_assert_eq!(date.format("%Y-%m-%d").to_string(), text.trim());
        }
    }

    #[test]
    fn the_announcement_parser_never_panics_and_keeps_words_verbatim(doc in "(\\PC{0,60}\\n){0,20}") {
        if let Ok(parsed) = announcement::parse(&doc) {
            for statement in parsed.sections.iter().flat_map(|s| &s.statements) {
                prop_assert!(!statement.text.is_empty());
                prop_assert!(!statement.text.contains("[bookmark:"));
            }
        }
    }

    #[test]
    fn results_csv_never_panics(body in "(\\PC{0,40}[,\\n\\\"]){0,30}") {
        let text = format!("{}\n{body}", results_csv::header().join(","));
        let _ = results_csv::parse(&text, &["almaty".to_owned()]);
    }

    #[test]
    fn percentages_parse_only_into_the_range(text in "\\PC{0,8}") {
        if let Some(value) = results::parse_hundredths(&text) {
            prop_assert!((0..=10_000).contains(&value));
        }
    }

    #[test]
    fn search_queries_keep_only_words(text in "\\PC{0,300}") {
        let words = crate::domain::search::query_words(&text);
        prop_assert!(words.len() <= 10);
        prop_assert!(words.iter().all(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric)));
    }
}
