fn main() {
    // The release build's panics are traps (`panic = immediate-abort`): no hook runs there,
    // and public/start.js says the page stopped.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    karmada_showcase::start();
}
