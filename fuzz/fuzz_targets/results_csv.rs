#![no_main]

use libfuzzer_sys::fuzz_target;
use referendum_tracker::domain::results_csv;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = results_csv::parse(text, &["almaty".to_owned(), "akmola".to_owned()]);
    }
});
