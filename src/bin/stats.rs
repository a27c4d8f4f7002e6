//! The statistics page's binary: the same library, mounting only the statistics (see `start_stats`).
fn main() {
    // As in main.rs: release panics are traps, and public/start.js says the page stopped.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    karmada_showcase::start_stats();
}
