//! A feed of N members made from a real one by repeating its members under new ids, for the
//! benchmark of `showcase-site build` on a large feed: every member keeps its announcement,
//! case studies and partner details, so the pages weigh what real ones do.
//!
//! `cargo run --release -p showcase-site --example scaled_feed -- FEED N OUT`

use serde_json::Value;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [feed, count, out] = args.as_slice() else {
        eprintln!("usage: scaled_feed FEED N OUT");
        std::process::exit(2);
    };
    let count: usize = count.parse().expect("N is a number");
    let text = std::fs::read_to_string(feed).expect("the feed is readable");
    let mut feed: Value = serde_json::from_str(&text).expect("the feed is JSON");
    let originals = feed["members"].as_array().cloned().unwrap_or_default();
    assert!(!originals.is_empty(), "the feed has no members");
    let members: Vec<Value> = (0..count)
        .map(|i| {
            let mut member = originals[i % originals.len()].clone();
            let copy = i / originals.len();
            if copy > 0 {
                let id = format!("{}-{copy}", member["id"].as_str().unwrap_or("member"));
                member["id"] = Value::String(id);
                if let Some(name) = member["name"]["en"].as_str() {
                    member["name"]["en"] = Value::String(format!("{name} {copy}"));
                }
                if let Some(name) = member["name"]["zh"].as_str() {
                    member["name"]["zh"] = Value::String(format!("{name} {copy}"));
                }
                // Aliases are unique across the feed.
                member["aliases"] = Value::Array(Vec::new());
            }
            member
        })
        .collect();
    feed["members"] = Value::Array(members);
    std::fs::write(out, serde_json::to_string(&feed).expect("serialises")).expect("writable");
}
