//! The logo wall's binary: the same library, mounting only the logo wall (see `start_logos`).
fn main() {
    // As in main.rs: release panics are traps, and public/start.js says the page stopped.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    karmada_showcase::start_logos();
}
