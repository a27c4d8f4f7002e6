//! Which view an address shows: the app's routes and the not-found view. The app's
//! router (`src/router.rs`) matches the path below the app's base with [`Route::of`].

use members_feed::Lang;

use crate::query::{decode, encode};

/// A view of the app, chosen by the path below the app's base.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: the list of members (its filters live in the query).
    Members,
    /// `/members/<id>`: one member's detail view; the id is percent-decoded.
    Member(String),
    /// `/join`: the application forms.
    Join,
    /// `/stats`: adoption at a glance.
    Stats,
    /// `/logos`: the logo wall (karmada.io's home page embeds it).
    Logos,
    /// `/page/<n>` (n ≥ 2): a page of the static list for visitors without JavaScript when
    /// the feed is too long for one page; the app shows its list there.
    ListPage(usize),
    /// Anything else.
    NotFound,
}

impl Route {
    /// The route of `path`, the address's path below the app's base (`""`, `/`,
    /// `/members/bloomberg`, `/join/`…). One trailing slash is allowed, as static hosts add
    /// one to directory-like addresses. Repeated slashes count as one (`/members//bloomberg`):
    /// static servers join them into the same file, so the app agrees with the static page it
    /// takes over.
    pub fn of(path: &str) -> Route {
        if !path.is_empty() && !path.starts_with('/') {
            return Route::NotFound;
        }
        let mut segments = path.split('/').filter(|segment| !segment.is_empty());
        match (segments.next(), segments.next(), segments.next()) {
            (None, _, _) => Route::Members,
            (Some("join"), None, _) => Route::Join,
            (Some("stats"), None, _) => Route::Stats,
            (Some("logos"), None, _) => Route::Logos,
            (Some("page"), Some(number), None) => match number.parse::<usize>() {
                // One spelling per page: `/page/1` is the list itself, `/page/02` nothing.
                Ok(page) if page >= 2 && page.to_string() == number => Route::ListPage(page),
                _ => Route::NotFound,
            },
            (Some("members"), Some(id), None) if !id.is_empty() => {
                // `decode` reads `+` as a space, which in a path is a literal plus.
                Route::Member(decode(&id.replace('+', "%2B")))
            }
            _ => Route::NotFound,
        }
    }

    /// The route's path below the app's base, which [`Route::of`] reads back as this route:
    /// the one place links to a view are written.
    pub fn path(&self) -> String {
        match self {
            Route::Members => "/".into(),
            Route::Member(id) => format!("/members/{}", encode(id)),
            Route::Join => "/join".into(),
            Route::Stats => "/stats".into(),
            Route::Logos => "/logos".into(),
            Route::ListPage(page) => format!("/page/{page}"),
            Route::NotFound => "/404".into(),
        }
    }
}

/// The address of the in-app path `to` (`/`, `/?kind=adopter`, `/members/x`) under the app's
/// `base` (`""` at the root, `/adopters/` under a sub-path): the list is the base itself, as it
/// is written: a bundle's folder keeps its slash (`/adopters/?kind=adopter`, the address its
/// static page is served at, on a host that does not redirect `/adopters` either), a host
/// page's path in in-page mode stays as the host writes it (`/docs/adopters?kind=adopter`).
pub fn href_under(base: &str, to: &str) -> String {
    let list = base;
    let base = base.trim_end_matches('/');
    let below = to.strip_prefix('/').unwrap_or(to);
    let joined = if below.is_empty() || below.starts_with(['?', '#']) {
        format!("{list}{below}")
    } else {
        format!("{base}/{below}")
    };
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

/// The folder of `lang`'s tree of pages below the bundle's folder: Chinese is under `zh/`
/// (karmada.io serves Chinese under `/zh/`), English is the bundle's folder itself.
pub fn tree_folder(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "",
        Lang::Zh => "zh/",
    }
}

/// The bundle's folder, with its slash, from the base of either of its trees (`/adopters/zh/`
/// or `/adopters/zh` → `/adopters/`, `/adopters` → `/adopters/`). A bundle served from a
/// folder itself named `zh` reads as a Chinese tree.
pub fn bundle_folder(tree_base: &str) -> String {
    let base = format!("{}/", tree_base.trim_end_matches('/'));
    match base.strip_suffix(tree_folder(Lang::Zh)) {
        Some(folder) if folder.ends_with('/') => folder.to_string(),
        _ => base,
    }
}

/// Whether the path `below` a tree's base (`/zh/members/x` below `/adopters/`) is in another
/// tree of pages: another document, not a view of this one.
pub fn in_other_tree(below: &str) -> bool {
    let zh = tree_folder(Lang::Zh);
    below
        .strip_prefix('/')
        .is_some_and(|rest| rest.starts_with(zh) || rest == zh.trim_end_matches('/'))
}

/// The address of the in-app path `in_app` (`/members/x`, `/` or `` for the list) with
/// `query` in `lang`'s tree of the bundle that `tree_base` is a tree of: the same view's page
/// in that language, where a page of its own switches language to.
pub fn twin_href(tree_base: &str, in_app: &str, query: &str, lang: Lang) -> String {
    let tree = format!("{}{}", bundle_folder(tree_base), tree_folder(lang));
    let query = query.trim_start_matches('?');
    match query.is_empty() {
        true => href_under(&tree, in_app),
        false => href_under(&tree, &format!("{in_app}?{query}")),
    }
}

/// The path below the app's `base` of an address's `pathname`, or `None` when the address is
/// not the app's (outside the base, or a sibling such as `/adopters-old` of `/adopters`).
pub fn path_below<'a>(base: &str, pathname: &'a str) -> Option<&'a str> {
    let base = base.trim_end_matches('/');
    let below = pathname.strip_prefix(base)?;
    (below.is_empty() || below.starts_with('/')).then_some(below)
}

/// Where a link followed inside the host's overlay belongs: the list's frame, as the view
/// `embed.js` keeps in the host's address ([`crate::query::shareable_view`]), for a page of the
/// app's that is not a member's (the list filtered to an industry, the join page…); `None`
/// for a member's page, which the overlay shows itself, and for addresses not the app's.
pub fn list_frame_view(base: &str, pathname: &str, search: &str) -> Option<String> {
    let below = path_below(base, pathname)?;
    match Route::of(below) {
        Route::Member(_) | Route::NotFound => None,
        _ => Some(crate::query::shareable_view(below, search)),
    }
}

#[cfg(test)]
mod tests {
    use super::{href_under, list_frame_view, path_below, Route};
    use super::{in_other_tree, twin_href};
    use members_feed::Lang;

    #[test]
    fn a_view_in_the_other_language_is_its_twin_in_that_tree() {
        for (base, path, query, lang, twin) in [
            (
                "/adopters/",
                "/members/x",
                "",
                Lang::Zh,
                "/adopters/zh/members/x",
            ),
            (
                "/adopters/zh/",
                "/members/x",
                "",
                Lang::En,
                "/adopters/members/x",
            ),
            (
                "/adopters/",
                "/",
                "?kind=vendor",
                Lang::Zh,
                "/adopters/zh/?kind=vendor",
            ),
            (
                "/adopters/zh/",
                "",
                "kind=vendor",
                Lang::En,
                "/adopters/?kind=vendor",
            ),
            (
                "/adopters/zh/",
                "/stats",
                "",
                Lang::Zh,
                "/adopters/zh/stats",
            ),
            (
                "/",
                "/join",
                "program=partner",
                Lang::Zh,
                "/zh/join?program=partner",
            ),
            ("/zh/", "/join", "", Lang::En, "/join"),
            // A folder whose name merely ends in "zh" is no Chinese tree.
            ("/byzh/", "/", "", Lang::Zh, "/byzh/zh/"),
            // A base written without its slash.
            ("/adopters", "/", "", Lang::Zh, "/adopters/zh/"),
            (
                "/adopters/zh",
                "/members/x",
                "",
                Lang::En,
                "/adopters/members/x",
            ),
            ("", "/", "", Lang::Zh, "/zh/"),
        ] {
            assert_eq!(
                twin_href(base, path, query, lang),
                twin,
                "{base} {path} {query}"
            );
        }
    }

    #[test]
    fn the_chinese_tree_below_the_english_base_is_another_document() {
        assert!(in_other_tree("/zh/members/x"));
        assert!(in_other_tree("/zh/"));
        assert!(in_other_tree("/zh"));
        assert!(!in_other_tree("/members/zh"));
        assert!(!in_other_tree("/zhu"));
        assert!(!in_other_tree("/"));
        assert!(!in_other_tree(""));
    }

    #[test]
    fn links_from_the_overlay_to_other_pages_go_to_the_list_frame() {
        let base = "/adopters/";
        assert_eq!(
            list_frame_view(
                base,
                "/adopters/",
                "?industry=finance&embed=1&overlay=1&host=https%3A%2F%2Fkarmada.io&theme=dark"
            ),
            Some("/?industry=finance".to_string())
        );
        assert_eq!(
            list_frame_view(base, "/adopters", ""),
            Some("/".to_string())
        );
        assert_eq!(
            list_frame_view(base, "/adopters/join", "?program=partner&embed=1"),
            Some("/join?program=partner".to_string())
        );
        assert_eq!(
            list_frame_view(base, "/adopters/members/bloomberg", "?embed=1"),
            None
        );
        assert_eq!(list_frame_view(base, "/adopters/nowhere/at/all", ""), None);
        assert_eq!(list_frame_view(base, "/blog/", "?industry=finance"), None);
    }

    #[test]
    fn in_app_paths_go_under_the_base() {
        assert_eq!(href_under("", "/"), "/");
        assert_eq!(href_under("", "/?kind=adopter"), "/?kind=adopter");
        assert_eq!(href_under("", "/members/x"), "/members/x");
        assert_eq!(href_under("/adopters", "/"), "/adopters");
        assert_eq!(href_under("/adopters", "/?q=a"), "/adopters?q=a");
        assert_eq!(href_under("/adopters/", "/"), "/adopters/");
        assert_eq!(href_under("/adopters/", "/?q=a"), "/adopters/?q=a");
        assert_eq!(
            href_under("/adopters/", "/members/x"),
            "/adopters/members/x"
        );
        assert_eq!(
            href_under("/adopters", "/members/x?lang=zh"),
            "/adopters/members/x?lang=zh"
        );
        assert_eq!(
            href_under("/zh/adopters", "/join?program=partner"),
            "/zh/adopters/join?program=partner"
        );
    }

    #[test]
    fn only_addresses_under_the_base_are_the_apps() {
        assert_eq!(path_below("", "/members/x"), Some("/members/x"));
        assert_eq!(path_below("/adopters", "/adopters"), Some(""));
        assert_eq!(path_below("/adopters", "/adopters/"), Some("/"));
        assert_eq!(path_below("/adopters/", "/adopters/join"), Some("/join"));
        assert_eq!(path_below("/adopters", "/adopters-old/"), None);
        assert_eq!(path_below("/adopters", "/blog"), None);
    }

    #[test]
    fn every_route_writes_the_path_it_is_read_from() {
        for route in [
            Route::Members,
            Route::Member("bloomberg".into()),
            Route::Member("café & co/x".into()),
            Route::Member("a+b".into()),
            Route::Join,
            Route::Stats,
            Route::Logos,
            Route::ListPage(2),
            Route::ListPage(120),
            Route::NotFound,
        ] {
            assert_eq!(Route::of(&route.path()), route, "{}", route.path());
        }
    }

    #[test]
    fn list_pages_have_one_spelling() {
        assert_eq!(Route::of("/page/3/"), Route::ListPage(3));
        for other in [
            "/page/1",
            "/page/0",
            "/page/03",
            "/page/+3",
            "/page/x",
            "/page/",
            "/page/2/x",
        ] {
            assert_eq!(Route::of(other), Route::NotFound, "{other}");
        }
    }

    #[test]
    fn the_list_is_at_the_base_with_or_without_its_slash() {
        assert_eq!(Route::of(""), Route::Members);
        assert_eq!(Route::of("/"), Route::Members);
    }

    #[test]
    fn a_member_path_names_its_id_decoded() {
        assert_eq!(
            Route::of("/members/bloomberg"),
            Route::Member("bloomberg".into())
        );
        assert_eq!(
            Route::of("/members/bloomberg/"),
            Route::Member("bloomberg".into())
        );
        assert_eq!(
            Route::of("/members/caf%C3%A9"),
            Route::Member("café".into())
        );
        assert_eq!(Route::of("/members/a+b"), Route::Member("a+b".into()));
    }

    #[test]
    fn repeated_slashes_count_as_one() {
        // The server answers `/members//bloomberg` with Bloomberg's static page.
        assert_eq!(
            Route::of("/members//bloomberg"),
            Route::Member("bloomberg".into())
        );
        assert_eq!(
            Route::of("//members/bloomberg//"),
            Route::Member("bloomberg".into())
        );
        assert_eq!(Route::of("//"), Route::Members);
        assert_eq!(Route::of("/join//"), Route::Join);
    }

    #[test]
    fn the_join_forms_have_their_own_path() {
        assert_eq!(Route::of("/join"), Route::Join);
        assert_eq!(Route::of("/join/"), Route::Join);
        assert_eq!(Route::of("/stats"), Route::Stats);
        assert_eq!(Route::of("/stats/"), Route::Stats);
        assert_eq!(Route::of("/stats/x"), Route::NotFound);
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "/members",
            "/members/",
            "/members//",
            "/members/a/b",
            "/join/x",
            "/joined",
            "/index.html",
            "members/a",
        ] {
            assert_eq!(Route::of(path), Route::NotFound, "{path}");
        }
    }
}
