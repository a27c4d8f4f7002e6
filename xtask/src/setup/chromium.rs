//! Debian's Chromium and its chromedriver, a matching pair, for the browser tests and benchmark.

use std::path::Path;

use super::{Status, CHROMEDRIVER, CHROMIUM};
use crate::process::{cmd, is_root, output_of, run};
use crate::Result;

pub(crate) fn ensure_chromium() -> Result<Status> {
    let have = |p: &str| Path::new(p).exists();
    let mut status = Status::Present;
    if !(have(CHROMIUM) && have(CHROMEDRIVER)) {
        let install = "apt-get update && apt-get install -y chromium chromium-driver";
        let apt = Path::new("/usr/bin/apt-get").exists();
        if !(is_root() && apt) {
            return Err(format!(
                "Debian's chromium and chromium-driver are needed ({CHROMIUM}, {CHROMEDRIVER}); run:\n    \
                 sudo sh -c '{install}'\nthen `cargo xtask setup` again"
            ));
        }
        println!("installing: chromium chromium-driver (apt)");
        run(cmd("apt-get", &["update"])).map_err(|e| format!("{e}\nrun: {install}"))?;
        let mut c = cmd("apt-get", &["install", "-y", "chromium", "chromium-driver"]);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        run(c).map_err(|e| format!("{e}\nrun: {install}"))?;
        status = Status::Installed;
    }
    let chromium = output_of(CHROMIUM, &["--version"]).unwrap_or_default();
    let driver = output_of(CHROMEDRIVER, &["--version"]).unwrap_or_default();
    let major = |s: &str| {
        s.split_whitespace()
            .find_map(|w| w.split('.').next()?.parse::<u32>().ok())
    };
    match (major(&chromium), major(&driver)) {
        (Some(a), Some(b)) if a == b => {
            println!("ok: chromium {a} and chromedriver {b} present ({CHROMIUM}, {CHROMEDRIVER})")
        }
        (a, b) => {
            return Err(format!(
                "chromium ({a:?}) and chromedriver ({b:?}) versions differ or cannot be read: \
                 run `apt-get update && apt-get install -y chromium chromium-driver` to get the \
                 matching pair"
            ))
        }
    }
    Ok(status)
}
