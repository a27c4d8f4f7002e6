//! The published schema must be what the types say. Regenerate with
//! `UPDATE_SCHEMA=1 cargo test -p members-feed --test schema`.

use std::path::PathBuf;

#[test]
fn published_schema_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/members.schema.json");
    let generated = members_feed::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let published = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        published == generated,
        "public/members.schema.json is out of date with the Rust types; run \
         `UPDATE_SCHEMA=1 cargo test -p members-feed --test schema` and commit the result"
    );
}
