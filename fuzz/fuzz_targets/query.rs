#![no_main]
//! The address bar's query: any text gives a view, and writing that view back reads the same.

use browse::query::{shareable_view, FilterState};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let state = FilterState::from_query(query);
    let written = state.to_query();
    assert_eq!(
        FilterState::from_query(&written),
        state,
        "{query:?} read as a view that {written:?} does not give back"
    );
    let view = shareable_view("/", query);
    assert!(view.starts_with('/') && !view.starts_with("//"), "{view:?}");
});
