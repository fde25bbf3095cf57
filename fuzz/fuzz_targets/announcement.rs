#![no_main]

use libfuzzer_sys::fuzz_target;
use referendum_tracker::domain::announcement;

// The importer must never panic, and every statement it keeps is non-empty
// text without Word's bookmark markers.
fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(parsed) = announcement::parse(text)
    {
        for statement in parsed.sections.iter().flat_map(|s| &s.statements) {
            assert!(!statement.text.is_empty());
            assert!(!statement.text.contains("[bookmark:"));
        }
    }
});
