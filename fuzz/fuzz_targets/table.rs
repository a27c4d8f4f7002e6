#![no_main]
//! Table readers: adopters table, case-study cells, partners file, code.json, facts.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = feedgen::source::check_text(data, "fuzz.md") else {
        return;
    };
    let _ = feedgen::table::parse_adopters(&text, "fuzz.md");
    let _ = feedgen::table::parse_case_cell(&text);
    let _ = feedgen::table::split_row(&text);
    let _ = feedgen::partners::parse_partners(&text, "fuzz.tsx");
    let _ = feedgen::partners::parse_code_json(&text, "fuzz.json");
    let _ = feedgen::facts::Facts::parse(&text, "fuzz.toml");
    let _ = feedgen::logos::sniff(data);
});
