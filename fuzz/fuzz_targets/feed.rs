#![no_main]
//! The app's feed reader and validator (`members_feed`), on any text the network could bring.

use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let whole = members_feed::parse_feed(text).ok();
    // The app reads big feeds a batch at a time between frames: the same feed must come out.
    let batched = members_feed::FeedReader::new(text).ok().map(|mut reader| {
        while !reader.read(3) {}
        reader.finish()
    });
    assert_eq!(
        whole, batched,
        "batched reading differs from reading at once"
    );
    if let Some(feed) = whole {
        let mut ids = HashSet::new();
        for member in &feed.members {
            assert!(ids.insert(&member.id), "duplicate id {:?} kept", member.id);
        }
    }
});
