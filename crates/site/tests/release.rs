//! The rehearsal of publishing from the release archive, as a website's CI does it: unpack the
//! archive (`SHOWCASE_RELEASE_ARCHIVE`, which `cargo xtask test` builds and sets), check its
//! checksum and contents, run its `showcase-site build` on the karmada.io snapshot in
//! `../shared/karmada-site/website`, and check the site it wrote. Skipped with a message when
//! the archive or the snapshot is absent.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use members_feed::{parse_feed, Lang};

fn snapshot() -> Option<PathBuf> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/karmada-site/website");
    if dir.join("src/pages/adopters.md").exists() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: the karmada.io snapshot is not at {}",
            dir.display()
        );
        None
    }
}

fn archive() -> Option<PathBuf> {
    match std::env::var_os("SHOWCASE_RELEASE_ARCHIVE") {
        Some(path) => Some(PathBuf::from(path)),
        None => {
            eprintln!(
                "SKIPPED: SHOWCASE_RELEASE_ARCHIVE is not set (`cargo xtask test` builds the \
                 archive with `cargo xtask release` and runs this with it)"
            );
            None
        }
    }
}

fn run(command: &mut Command) -> String {
    let output = command.output().expect("the command runs");
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_archive_publishes_the_real_site() {
    let (Some(archive), Some(website)) = (archive(), snapshot()) else {
        return;
    };
    let work = std::env::temp_dir().join(format!("showcase-release-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();

    // What a website's CI downloads: the archive and its checksum, checked before use.
    let sum_file = PathBuf::from(format!("{}.sha256", archive.display()));
    run(Command::new("sha256sum")
        .arg("--check")
        .arg(sum_file.file_name().unwrap())
        .current_dir(archive.parent().unwrap()));
    run(Command::new("tar")
        .arg("-xzf")
        .arg(&archive)
        .arg("-C")
        .arg(&work));
    let unpacked = std::fs::read_dir(&work)
        .unwrap()
        .flatten()
        .next()
        .expect("the archive holds one folder")
        .path();
    let listing: BTreeSet<String> = run(Command::new("tar").arg("-tzf").arg(&archive))
        .lines()
        .map(|line| {
            line.split_once('/')
                .map_or("", |(_, rest)| rest)
                .to_string()
        })
        .filter(|line| !line.is_empty())
        .collect();
    // Nothing from the development build's sample content, nothing a website does not need.
    for needed in [
        "showcase-site",
        "facts.toml",
        "bundle/index.html",
        // The pages with their own binaries, and the entries their static pages are made from.
        "bundle/join.html",
        "bundle/karmada-showcase-join_bg.wasm",
        "bundle/stats.html",
        "bundle/karmada-showcase-stats_bg.wasm",
        "bundle/logos.html",
        "bundle/karmada-showcase-logos_bg.wasm",
        "bundle/embed.js",
        "bundle/members.schema.json",
    ] {
        assert!(listing.contains(needed), "{needed} is missing: {listing:?}");
    }
    for generated in [
        "bundle/members.json",
        "bundle/members/",
        "bundle/zh/",
        "bundle/sitemap.xml",
    ] {
        assert!(
            !listing.contains(generated),
            "{generated} is in the archive"
        );
    }
    let shipped_index = read(&unpacked.join("bundle/index.html"));
    assert!(
        !shipped_index.contains("prerendered") && !shipped_index.contains("card-link"),
        "the archive's index.html carries a list"
    );

    // The website's CI step: the archive's program on the checkout, into the site's folder.
    let site = work.join("static/adopters");
    let printed = run(Command::new(unpacked.join("showcase-site"))
        .args(["build", "--website"])
        .arg(&website)
        .arg("--out")
        .arg(&site));
    assert!(printed.contains("46 members"), "{printed}");

    // The feed is exactly what the builder makes of the checkout, and valid.
    let feed_text = read(&site.join("members.json"));
    let expected = feedgen::build(
        &website,
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/facts.toml"),
        None,
    );
    assert_eq!(feed_text, expected.json(), "the feed is not the checkout's");
    let feed = parse_feed(&feed_text).expect("the feed parses");
    assert!(feed.problems.is_empty(), "{:?}", feed.problems);
    assert_eq!(feed.members.len(), 46);
    // The same members for a spreadsheet: a header and one row each.
    let csv = read(&site.join("members.csv"));
    assert!(
        csv.starts_with("\"id\",\"name\",\"name_zh\""),
        "{}",
        &csv[..80.min(csv.len())]
    );
    assert_eq!(csv.matches("\r\n").count(), 1 + feed.members.len());
    for member in &feed.members {
        assert!(
            csv.contains(&format!("\r\n\"{}\",", member.id)),
            "{}",
            member.id
        );
    }
    // One feed for both trees, preloaded from where the app reads it: one cached copy.
    assert!(!site.join("zh/members.json").exists());
    let member_page = format!("zh/members/{}/index.html", feed.members[0].id);
    for page in ["index.html", "zh/index.html", member_page.as_str()] {
        assert!(
            read(&site.join(page))
                .contains("<link rel=\"preload\" href=\"/adopters/members.json\""),
            "{page}"
        );
    }
    // The join pages start the form's own binary, built for the site's base, and read no feed.
    for page in ["join/index.html", "zh/join/index.html"] {
        let html = read(&site.join(page));
        assert!(
            html.contains("data-js=\"/adopters/karmada-showcase-join.js\""),
            "{page}"
        );
        assert!(!html.contains("members.json"), "{page}");
    }

    // Every member's page in both languages, each with its whole announcement.
    for member in &feed.members {
        for (folder, lang) in [("", Lang::En), ("zh/", Lang::Zh)] {
            let page = read(&site.join(format!("{folder}members/{}/index.html", member.id)));
            let name = escape(member.name.text(lang));
            assert!(page.contains(&name), "{folder}{}: no name", member.id);
            if let Some(announcement) = &member.announcement {
                let title = escape(announcement.title.text(lang));
                assert!(
                    page.contains(&title),
                    "{folder}{}: no announcement",
                    member.id
                );
            }
        }
    }
    let announced = feed
        .members
        .iter()
        .filter(|m| m.announcement.is_some())
        .count();
    // The snapshot's seven "officially joined" posts, each in English and Chinese.
    assert_eq!(announced, 7);

    // The list, the join page, the statistics, the logo wall, 404 and the sitemap; the list's
    // first screen from this feed.
    for page in [
        "index.html",
        "zh/index.html",
        "join/index.html",
        "zh/join/index.html",
        "stats/index.html",
        "zh/stats/index.html",
        "logos/index.html",
        "zh/logos/index.html",
        "404.html",
        "zh/404.html",
    ] {
        assert!(site.join(page).is_file(), "{page}");
    }
    let index = read(&site.join("index.html"));
    for variant in ["en", "embed-en", "zh", "embed-zh"] {
        assert!(
            index.contains(&format!("<template data-copy=\"{variant}\"")),
            "no {variant} first screen"
        );
    }
    let first = &feed.members[0];
    assert!(index.contains(&format!("members/{}", first.id)));
    let sitemap = read(&site.join("sitemap.xml"));
    assert_eq!(
        sitemap.matches("<loc>").count(),
        2 * (feed.members.len() + 4)
    );
    // The app itself came along, under karmada.io's base.
    for file in ["embed.js", "start.js", "main.css", "members.schema.json"] {
        assert!(site.join(file).is_file(), "{file}");
    }
    assert!(index.contains("<base href=\"/adopters/\""));

    // After the website's own build: the first screen into the pages that embed the showcase,
    // here a page as React renders the README's component (`static/` standing for `build/`).
    let placeholder = "<div data-karmada-showcase-copy=\"/adopters/\" data-lang=\"zh\" \
                       style=\"position:absolute;top:0;left:0;right:0;height:1400px;overflow:hidden\"></div>";
    let host_page = work.join("static/embedding/index.html");
    std::fs::create_dir_all(host_page.parent().unwrap()).unwrap();
    std::fs::write(
        &host_page,
        format!("<!DOCTYPE html><html><body><main><h1>Adopters</h1><div data-karmada-showcase=\"true\" style=\"position:relative\"><iframe data-karmada-showcase-frame=\"true\" src=\"/adopters/?embed=1&amp;lang=zh\"></iframe>{placeholder}<noscript><a href=\"/adopters/\">Adopters</a></noscript></div></main></body></html>"),
    )
    .unwrap();
    let fill = |host: &Path| {
        Command::new(unpacked.join("showcase-site"))
            .args(["fill-host", "--host"])
            .arg(host)
            .output()
            .unwrap()
    };
    let filled = fill(&work.join("static"));
    assert!(
        filled.status.success(),
        "{}",
        String::from_utf8_lossy(&filled.stderr)
    );
    assert!(String::from_utf8_lossy(&filled.stdout).contains("1 places in 1 pages"));
    let page = read(&host_page);
    let copy = &page[page.find(placeholder.trim_end_matches("</div>")).unwrap()..];
    assert!(
        copy.contains("><template shadowrootmode=\"open\"><script>"),
        "{}",
        &copy[..300]
    );
    // Chinese cards linking to the static pages (no frame's query), then the host's own markup.
    let first = feed
        .members
        .iter()
        .find(|m| m.logo.is_some())
        .unwrap_or(&feed.members[0]);
    assert!(
        copy.contains(&format!("href=\"/adopters/zh/members/{}\"", first.id)),
        "{}",
        first.id
    );
    assert!(!copy.contains("embed=1"));
    assert!(copy.contains("</template></div><noscript>"));
    // Again after the next build: the same page, not a second copy.
    assert!(fill(&work.join("static")).status.success());
    assert_eq!(read(&host_page), page);
    // Docusaurus copies `static/` into each locale's tree: `/zh/adopters/` holds the site built
    // for `/adopters/`, and the Chinese page's copy links to that site's Chinese pages.
    let zh_tree = work.join("static/zh");
    std::fs::create_dir_all(&zh_tree).unwrap();
    std::os::unix::fs::symlink(&site, zh_tree.join("adopters")).unwrap();
    let zh_page = zh_tree.join("embedding/index.html");
    std::fs::create_dir_all(zh_page.parent().unwrap()).unwrap();
    std::fs::write(
        &zh_page,
        read(&host_page)
            .split("<template")
            .next()
            .unwrap()
            .replace("\"/adopters/\" data-lang", "\"/zh/adopters/\" data-lang")
            .to_string()
            + "</div><noscript></noscript></div></main></body></html>",
    )
    .unwrap();
    let both = fill(&work.join("static"));
    assert!(
        both.status.success(),
        "{}",
        String::from_utf8_lossy(&both.stderr)
    );
    let zh_copy = read(&zh_page);
    assert!(
        zh_copy.contains(&format!("href=\"/adopters/zh/members/{}\"", first.id)),
        "{}",
        &zh_copy[..zh_copy.len().min(400)]
    );
    std::fs::remove_file(&zh_page).unwrap();
    // A placeholder naming no showcase site fails, naming the page.
    std::fs::write(
        &host_page,
        page.replace("\"/adopters/\" data-lang", "\"/elsewhere/\" data-lang"),
    )
    .unwrap();
    let refused = fill(&work.join("static"));
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("embedding/index.html"));
    std::fs::remove_dir_all(&work).unwrap();
}

/// As the renderer writes text.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
