//! The draft of each program's form, kept in the browser (`localStorage`) until it is cleared.

use join_form::{FormValues, Program};
use leptos::prelude::*;

fn storage() -> Option<web_sys::Storage> {
    // Natively (the static join page) there is no visitor: no draft.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    window().local_storage().ok().flatten()
}

pub(super) fn load_draft(program: Program) -> FormValues {
    storage()
        .and_then(|storage| storage.get_item(&program.draft_key()).ok().flatten())
        .map(|json| FormValues::from_json(program, &json))
        .unwrap_or_default()
}

/// Keeps the draft, or forgets it once the form is blank (a cleared draft); whether it could
/// (no storage, or storage full, loses it).
pub(super) fn save_draft(program: Program, values: &FormValues) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    if values.is_blank() {
        storage.remove_item(&program.draft_key()).is_ok()
    } else {
        storage
            .set_item(&program.draft_key(), &values.to_json())
            .is_ok()
    }
}
