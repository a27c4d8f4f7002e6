//! The pages with a wasm binary of their own beside the list's (DEVELOPERS.md, "Pages with
//! their own binary"): their trunk builds, moved into the bundle, and the checks that the
//! list's binary left their views out and that each carries only the code it needs.

use std::fs;
use std::path::Path;

use crate::Result;

/// A page built as a binary of its own beside the list's (`index.html`).
pub(crate) struct OwnBinaryPage {
    /// The trunk entry is `<name>.html`, the binary `karmada-showcase-<name>`.
    pub(crate) name: &'static str,
    /// Bytes only this page's view has (a text, a class name): in its binary and not in the
    /// list's, or the split saves nothing.
    probe: &'static [u8],
    /// Bytes of code this page does without, which its binary must not carry: the feed's
    /// reader, for a page that reads no feed.
    lacks: Option<&'static [u8]>,
}

/// The feed's reader (src/net.rs, `CACHE_PREFIX`): in a binary only if it loads the feed.
const FEED_READER: &[u8] = b"karmada-showcase:feed:";

impl OwnBinaryPage {
    pub(crate) fn entry(&self) -> String {
        format!("{}.html", self.name)
    }

    pub(crate) fn binary(&self) -> String {
        format!("karmada-showcase-{}", self.name)
    }

    pub(crate) fn wasm(&self) -> String {
        format!("{}_bg.wasm", self.binary())
    }
}

/// The pages with a binary of their own; `showcase-site` makes their static pages from their
/// entries (`static_pages::Templates`).
pub(crate) const OWN_BINARY_PAGES: [OwnBinaryPage; 3] = [
    OwnBinaryPage {
        name: "join",
        // src/pages/join/texts.rs, PRIVACY.
        probe: b"This form sends nothing anywhere.",
        lacks: Some(FEED_READER),
    },
    OwnBinaryPage {
        name: "stats",
        // src/components/bar_chart.rs.
        probe: b"stat-chart",
        lacks: None,
    },
    OwnBinaryPage {
        name: "logos",
        // src/pages/logos.rs.
        probe: b"logo-grid",
        lacks: None,
    },
];

/// Fails when the list's binary carries `own`'s view (something the list draws reached it),
/// or when the probe no longer finds the view in its own binary.
fn left_out_of_the_list(dist_dir: &Path, own: &OwnBinaryPage) -> Result {
    let holds_bytes = |file: &str, probe: &[u8]| -> Result<bool> {
        let bytes = fs::read(dist_dir.join(file))
            .map_err(|e| format!("cannot read {}: {e}", dist_dir.join(file).display()))?;
        Ok(bytes.windows(probe.len()).any(|window| window == probe))
    };
    let holds = |file: &str| holds_bytes(file, own.probe);
    if let Some(lacks) = own.lacks {
        if holds_bytes(&own.wasm(), lacks)? {
            return Err(format!(
                "{} carries code its page does without ({:?}): its Binary must not reach it",
                own.wasm(),
                String::from_utf8_lossy(lacks)
            ));
        }
        if !holds_bytes("karmada-showcase_bg.wasm", lacks)? {
            return Err(format!(
                "the list's binary lacks {:?}: update FEED_READER",
                String::from_utf8_lossy(lacks)
            ));
        }
    }
    if !holds(&own.wasm())? {
        return Err(format!(
            "{} lacks the bytes dist looks for ({:?}): update its probe in OWN_BINARY_PAGES",
            own.wasm(),
            String::from_utf8_lossy(own.probe)
        ));
    }
    if holds("karmada-showcase_bg.wasm")? {
        return Err(format!(
            "the list's binary carries the {} page: App must not reach its view (ARCHITECTURE.md, invariants)",
            own.name
        ));
    }
    Ok(())
}

/// Builds each page's entry with `trunk` (an entry and a `--dist` folder) and moves its page
/// and binary into `dist_dir`. trunk empties its `--dist`, so each builds beside the bundle and
/// only its own files move in; the styles and the icon are the list's, the same files.
pub(crate) fn build(dist_dir: &Path, trunk: &dyn Fn(&str, &Path) -> Result) -> Result {
    for own in &OWN_BINARY_PAGES {
        let own_dist = dist_dir.with_file_name(format!(
            "{}.{}",
            dist_dir.file_name().unwrap_or_default().to_string_lossy(),
            own.name
        ));
        trunk(&own.entry(), &own_dist)?;
        // trunk names its page index.html whatever the entry's name.
        let moves = [
            ("index.html".to_string(), own.entry()),
            (
                format!("{}.js", own.binary()),
                format!("{}.js", own.binary()),
            ),
            (own.wasm(), own.wasm()),
        ];
        for (from, to) in moves {
            let (from, to) = (own_dist.join(from), dist_dir.join(to));
            fs::rename(&from, &to)
                .or_else(|_| fs::copy(&from, &to).map(|_| ()))
                .map_err(|e| format!("cannot move {} to {}: {e}", from.display(), to.display()))?;
        }
        let _ = fs::remove_dir_all(&own_dist);
        left_out_of_the_list(dist_dir, own)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each own binary's entry is `index.html` for its binary: the same document around it (so
    /// its static pages look and start as the others), its own binary, and none of the list's
    /// extras (the copied files, the feed's preload, unless it reads the feed).
    #[test]
    fn each_own_binary_entry_follows_the_list_entry() {
        let root = crate::process::repo_root();
        let list = fs::read_to_string(root.join("index.html")).unwrap();
        let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap();
        let own_lines = |line: &str| {
            ["<title>", "<meta name=\"description\"", "<!-- app notice"]
                .iter()
                .any(|start| line.trim_start().starts_with(start))
                || line.contains("rel=\"rust\"")
        };
        let rust_link = |html: &str| {
            html.lines()
                .find(|line| line.contains("data-trunk rel=\"rust\""))
                .unwrap()
                .to_string()
        };
        // The static pages are made from the same entries (src/static_pages/mod.rs).
        let static_pages = fs::read_to_string(root.join("src/static_pages/mod.rs")).unwrap();
        let names: Vec<String> = OWN_BINARY_PAGES
            .iter()
            .map(|own| format!("{:?}", own.name))
            .collect();
        let declared = format!(
            "pub const OWN_BINARY_PAGES: [&str; {}] = [{}];",
            names.len(),
            names.join(", ")
        );
        assert!(static_pages.contains(&declared), "{declared}");
        for own in &OWN_BINARY_PAGES {
            let page = fs::read_to_string(root.join(own.entry())).unwrap();
            let main = fs::read_to_string(root.join(format!("src/bin/{}.rs", own.name))).unwrap();
            assert!(
                main.contains(&format!("start_{}()", own.name)),
                "{}",
                own.name
            );
            assert_eq!(
                rust_link(&page),
                rust_link(&list).replace(
                    "data-bin=\"karmada-showcase\"",
                    &format!("data-bin=\"{}\"", own.binary())
                ),
                "{}",
                own.entry()
            );
            assert!(
                manifest.contains(&format!("name = \"{}\"", own.binary())),
                "{}",
                own.binary()
            );
            let reads_feed = page.contains("rel=\"preload\"");
            let shared: Vec<&str> = list
                .lines()
                .filter(|line| !own_lines(line) && !line.contains("rel=\"copy-file\""))
                .filter(|line| {
                    reads_feed
                        || !(line.contains("rel=\"preload\"") || line.contains("<!-- The feed"))
                })
                .collect();
            let own_shared: Vec<&str> = page.lines().filter(|line| !own_lines(line)).collect();
            assert_eq!(own_shared, shared, "{}", own.entry());
        }
    }
}
