//! Every UI string in English and Simplified Chinese.
//!
//! A typed table rather than `leptos_i18n`: two languages and ~80 strings do not need a macro
//! framework, its locale files or its runtime. A missing translation is a compile error (each
//! table is a struct literal that must name every field), nothing is parsed at run time, and
//! the cost in wasm is the strings themselves.

use leptos::prelude::*;
use members_feed::{Kind, Lang};

/// The current language, provided at the root of the app (it follows the URL's `lang`).
#[derive(Clone, Copy)]
pub struct LangContext(pub Signal<Lang>);

/// The language of the page, for views below the app root (English where none is provided,
/// as in component tests).
pub fn use_lang() -> Signal<Lang> {
    use_context::<LangContext>()
        .map(|context| context.0)
        .unwrap_or_else(|| Signal::stored(Lang::En))
}

/// The language the browser prefers, when it is one of ours: a view with nothing else to go by
/// (no `lang` in its address, no static copy, the English tree) is in it.
pub fn browser_lang() -> Option<Lang> {
    window()
        .navigator()
        .language()
        .and_then(|tag| Lang::from_tag(&tag))
}

/// The document title of a member's page: the static page's and the running app's.
pub fn member_title(name: &str, lang: Lang) -> String {
    format!("{name} · {}", strings(lang).site_title)
}

thread_local! {
    /// Whether a page has been shown since the document loaded.
    static PAGE_SHOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The document's title and meta description, as the page's static twin has them (crawlers and
/// link previews read those; the running app keeps them right on every in-app navigation).
pub fn set_document_meta(title: &str, text: &str) {
    let document = leptos::prelude::document();
    // A screen reader hears the new page's title after an in-app navigation (WCAG 2.4.2); the
    // first page of a load has its title read by the browser already.
    let first_page = !PAGE_SHOWN.replace(true);
    if !first_page && document.title() != title {
        if let Some(announcer) = document.get_element_by_id(crate::components::ROUTE_ANNOUNCER) {
            announcer.set_text_content(Some(title));
        }
    }
    document.set_title(title);
    if let Ok(Some(meta)) = document.query_selector("meta[name=\"description\"]") {
        let _ = meta.set_attribute("content", &description(text));
    }
}

/// A page's meta description: at most about 160 characters, cut at a word where it can be.
pub fn description(text: &str) -> String {
    const MAX_CHARS: usize = 160;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= MAX_CHARS {
        return text;
    }
    let cut: String = text.chars().take(MAX_CHARS - 1).collect();
    // A space past the middle, counted in characters like the limit (Chinese is 3 bytes each).
    let at_word = cut
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .map(|(at, _)| at)
        .rfind(|&at| cut[..at].chars().count() > MAX_CHARS / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end())
}

/// The strings of `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

pub struct Strings {
    /// The language of this table.
    pub lang: Lang,
    pub page_title: &'static str,
    /// The site name after a page's own title: "Bloomberg · Karmada adopters".
    pub site_title: &'static str,
    pub page_intro: &'static str,
    pub loading: &'static str,
    pub slow_notice: &'static str,
    pub cached_notice: fn(&str) -> String,
    pub feed_error_title: &'static str,
    pub retry: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub kinds_label: &'static str,
    pub members_count: fn(usize) -> String,
    pub showing_of: fn(usize, usize) -> String,
    /// A page of the static list (for visitors without JavaScript): page, pages.
    pub list_page: fn(usize, usize) -> String,
    pub list_pages_label: &'static str,
    /// Above the list for visitors without JavaScript: how many members it holds, and that a
    /// link's search or filters cannot narrow it there.
    pub static_list_note: fn(usize) -> String,
    /// The host copy's link to the whole static list, shown where the host runs no script.
    pub see_all_members: fn(usize) -> String,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub skipped_notice: fn(usize) -> String,
    pub industry: &'static str,
    pub country: &'static str,
    pub website: &'static str,
    pub joined: &'static str,
    pub usage: &'static str,
    pub more_filters: &'static str,
    pub has_case_study: &'static str,
    pub has_announcement: &'static str,
    pub sort_label: &'static str,
    pub sort_name: &'static str,
    pub sort_newest: &'static str,
    pub sort_featured: &'static str,
    /// The list's layout switch (`view=`): its label, its two choices, the table's name column.
    pub layout_label: &'static str,
    pub layout_cards: &'static str,
    pub layout_table: &'static str,
    pub name_column: &'static str,
    /// The table view's column of what each member does with Karmada.
    pub usage_column: &'static str,
    pub active_filters: &'static str,
    pub remove_filter: fn(&str) -> String,
    pub clear_all: &'static str,
    pub empty_title: &'static str,
    pub empty_body: &'static str,
    pub show_more: &'static str,
    pub show_all_industries: fn(usize) -> String,
    pub show_all_countries: fn(usize) -> String,
    pub show_fewer: &'static str,
    pub filters_toggle: fn(usize) -> String,
    /// The phone's filter sheet, as a dialog's name.
    pub filters_title: &'static str,
    /// The phone's filter sheet: its button that closes it (shown as ×).
    pub close_filters: &'static str,
    /// The phone's filter sheet's button back to the list: how many members it shows.
    pub show_results: fn(usize) -> String,
    pub back_to_list: &'static str,
    /// A member's way back to the list it was opened from, when that list is searched or filtered.
    pub back_to_results: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub page_not_found_title: &'static str,
    pub page_not_found_body: &'static str,
    /// Before the CSV and JSON links of the list's current view.
    pub download_view: &'static str,
    /// The badge of a member who joined lately.
    pub new_badge: &'static str,
    /// On a member's page: the link to where its entry is kept.
    pub suggest_edit: &'static str,
    /// Before the members a not-found address may have meant.
    pub did_you_mean: &'static str,
    /// Sorted by newest: how many of the shown members have a date (the rest follow by name).
    pub newest_note: fn(usize, usize) -> String,
    pub announcement: &'static str,
    pub read_original: &'static str,
    pub case_studies: &'static str,
    pub video: &'static str,
    pub document: &'static str,
    pub product_page: &'static str,
    pub partner_program: &'static str,
    pub previous: &'static str,
    pub more_in_industry: fn(&str) -> String,
    pub all_in_industry: fn(usize, &str) -> String,
    pub next: &'static str,
    pub join_cta: &'static str,
    pub join_cta_body: &'static str,
    pub language_switch: &'static str,
    pub other_language: &'static str,
    pub open_details: fn(&str) -> String,
    pub logo_of: fn(&str) -> String,
    pub opens_new_tab: &'static str,
    pub skip_to_results: &'static str,
    pub debug_title: &'static str,
    /// `?debug=feed`: the address's filters that no member has, dropped.
    pub ignored_filters: fn(usize) -> String,
    /// Under a facet with more options than it lists.
    pub facet_unlisted: fn(usize) -> String,
    /// `/stats`: its title, introduction and link from the list.
    pub stats_title: &'static str,
    pub stats_intro: &'static str,
    pub stats_by_kind: &'static str,
    pub stats_by_industry: &'static str,
    pub stats_by_country: &'static str,
    pub stats_joined: &'static str,
    pub stats_announcements: &'static str,
    /// Under the time series: members it cannot place.
    pub stats_undated: fn(usize) -> String,
    /// Dated members and all members, when too few have a date to chart the growth.
    pub stats_too_few_dates: fn(usize, usize) -> String,
    /// Under the countries: members the feed gives no country.
    pub stats_no_country: fn(usize) -> String,
    /// Column headers of the charts' tables.
    pub stats_kind: &'static str,
    pub stats_period: &'static str,
    pub stats_count: &'static str,
    pub stats_announcement_count: &'static str,
    /// The logo wall's title and introduction (`/logos`).
    pub logos_title: &'static str,
    pub logos_intro: &'static str,
    /// The heading over the members the feed features.
    pub featured_title: &'static str,
    /// A featured member's link, named after the member: "Bloomberg: their story with Karmada".
    pub read_story_of: fn(&str) -> String,
}

impl Strings {
    /// A kind's name for one member (`browse::labels::kind_names`, where the search finds it).
    pub fn kind(&self, kind: Kind) -> &'static str {
        browse::labels::kind_names(kind).0.get(self.lang)
    }

    /// A page's heading and description by its route, as its document title (with
    /// [`member_title`], but for the list's own), its static page and a link to it name it.
    /// None for a member's page, which its member names.
    pub fn page_of(&self, route: &browse::route::Route) -> Option<(&'static str, &'static str)> {
        use browse::route::Route;
        match route {
            Route::Members | Route::ListPage(_) => Some((self.page_title, self.page_intro)),
            Route::Join => Some((self.join_cta, self.join_cta_body)),
            Route::Stats => Some((self.stats_title, self.stats_intro)),
            Route::Logos => Some((self.logos_title, self.logos_intro)),
            Route::NotFound => Some((self.page_not_found_title, self.page_not_found_body)),
            Route::Member(_) => None,
        }
    }

    /// The name of an order of the list, as its menu offers it.
    pub fn sort(&self, sort: browse::Sort) -> &'static str {
        match sort {
            browse::Sort::Name => self.sort_name,
            browse::Sort::Newest => self.sort_newest,
            browse::Sort::Featured => self.sort_featured,
        }
    }

    /// The name of a layout of the list, as its switch offers it.
    pub fn layout(&self, layout: browse::Layout) -> &'static str {
        match layout {
            browse::Layout::Cards => self.layout_cards,
            browse::Layout::Table => self.layout_table,
        }
    }

    /// A kind's name for many members.
    pub fn kinds_plural(&self, kind: Kind) -> &'static str {
        browse::labels::kind_names(kind).1.get(self.lang)
    }
}

pub static EN: Strings = Strings {
    lang: Lang::En,
    page_title: "Who runs Karmada",
    site_title: "Karmada adopters",
    page_intro: "Organisations running Karmada in production, products built on it, and partners offering commercial support.",
    loading: "Loading members…",
    slow_notice: "The members list is still loading: it is large or the connection is slow. This page is complete as soon as it arrives.",
    cached_notice: |date| format!("Showing the copy this browser saved on {date}; it may be out of date."),
    feed_error_title: "The members list could not be loaded",
    retry: "Retry",
    search_label: "Search members",
    search_placeholder: "Name, usage, industry…",
    kinds_label: "Show",
    members_count: |n| if n == 1 { "1 member".into() } else { format!("{n} members") },
    showing_of: |shown, total| format!("Showing {shown} of {total} members"),
    list_page: |page, pages| format!("Page {page} of {pages}"),
    see_all_members: |n| match n {
        1 => "See the member".into(),
        n => format!("See all {n} members"),
    },
    list_pages_label: "Pages of the list",
    static_list_note: |total| match total {
        1 => "1 member, by name. Search and filters need JavaScript.".to_string(),
        total => format!("All {total} members, by name. Search and filters need JavaScript."),
    },
    previous_page: "Previous page",
    next_page: "Next page",
    skipped_notice: |n| {
        if n == 1 {
            "1 entry of the feed could not be shown.".into()
        } else {
            format!("{n} entries of the feed could not be shown.")
        }
    },
    industry: "Industry",
    country: "Country/region",
    website: "Website",
    joined: "Joined",
    usage: "How they use Karmada",
    more_filters: "More",
    has_case_study: "Has a case study",
    has_announcement: "Has an announcement",
    sort_label: "Sort by",
    sort_name: "Name (A–Z)",
    sort_newest: "Newest members",
    sort_featured: "With a story first",
    layout_label: "View",
    layout_cards: "Cards",
    layout_table: "Table",
    name_column: "Name",
    usage_column: "Usage",
    active_filters: "Active filters",
    remove_filter: |what| format!("Remove filter: {what}"),
    clear_all: "Clear all",
    empty_title: "No members match",
    empty_body: "Try fewer filters or another search.",
    show_more: "Show more",
    show_all_industries: |total| format!("Show all {total} industries"),
    show_all_countries: |total| format!("Show all {total} countries/regions"),
    show_fewer: "Show fewer",
    filters_title: "Filters",
    close_filters: "Close filters",
    show_results: |shown| match shown {
        0 => "Show the list (no members)".into(),
        1 => "Show 1 member".into(),
        shown => format!("Show {shown} members"),
    },
    filters_toggle: |active| match active {
        0 => "Filters".to_string(),
        active => format!("Filters ({active})"),
    },
    back_to_list: "Back to all members",
    back_to_results: "Back to the results",
    not_found_title: "Member not found",
    not_found_body: "There is no member with this address. It may have been renamed.",
    page_not_found_title: "Page not found",
    page_not_found_body: "There is no page at this address.",
    did_you_mean: "Did you mean:",
    download_view: "Download this view:",
    new_badge: "New",
    suggest_edit: "Suggest an edit to this entry",
    newest_note: |dated, shown| match dated {
        0 => "None of these members has a date yet: they are listed by name.".into(),
        1 => format!("1 of {shown} members has a date and comes first; the others follow by name."),
        dated => format!("{dated} of {shown} members have a date and come first, newest first; the others follow by name."),
    },
    announcement: "Announcement",
    read_original: "Read the original post on karmada.io",
    case_studies: "Case studies and talks",
    video: "Video",
    document: "Document",
    product_page: "Product page",
    partner_program: "Commercial support",
    previous: "Previous",
    more_in_industry: |industry| format!("More in {industry}"),
    all_in_industry: |count, industry| format!("All {count} members in {industry}"),
    next: "Next",
    join_cta: "How to join",
    join_cta_body: "Running Karmada in production, building on it or offering support? Tell us in a short form, then post it as a GitHub issue.",
    language_switch: "Language",
    other_language: "中文",
    open_details: |name| format!("Details of {name}"),
    logo_of: |name| format!("{name} logo"),
    opens_new_tab: "(opens in a new tab)",
    skip_to_results: "Skip to content",
    debug_title: "Feed diagnostics",
    ignored_filters: |n| match n {
        1 => "Ignored 1 unknown filter in the address.".into(),
        n => format!("Ignored {n} unknown filters in the address."),
    },
    facet_unlisted: |n| format!("{n} more not listed: the search finds them."),
    stats_title: "Adoption at a glance",
    stats_intro: "How many organisations run Karmada, build on it or support it, in which industries and where, and how the list has grown. A kind, an industry or a country opens the list filtered to it.",
    stats_by_kind: "By kind",
    stats_by_industry: "By industry",
    stats_by_country: "By country or region",
    stats_joined: "Members over time (cumulative, by quarter)",
    stats_announcements: "Announcements per year",
    stats_undated: |n| match n {
        1 => "1 member has no date and is not counted here.".into(),
        n => format!("{n} members have no date and are not counted here."),
    },
    stats_too_few_dates: |dated, members| {
        format!("Members over time: only {dated} of the {members} members have a date, too few to chart.")
    },
    stats_no_country: |n| match n {
        1 => "1 member has no country or region given and is not counted here.".into(),
        n => format!("{n} members have no country or region given and are not counted here."),
    },
    stats_kind: "Kind",
    stats_period: "Period",
    stats_count: "Members",
    stats_announcement_count: "Announcements",
    logos_title: "Logo wall",
    logos_intro: "The organisations that run Karmada in production, by their logos. Each opens its page.",
    featured_title: "Featured stories",
    read_story_of: |name| format!("{name}: their story with Karmada"),
};

pub static ZH: Strings = Strings {
    lang: Lang::Zh,
    page_title: "谁在使用 Karmada",
    site_title: "Karmada 采用者",
    page_intro:
        "在生产环境中运行 Karmada 的组织、基于 Karmada 构建的产品，以及提供商业支持的合作伙伴。",
    loading: "正在加载成员…",
    slow_notice: "成员列表仍在加载：列表较大或网络较慢，加载完成后本页即会完整显示。",
    cached_notice: |date| format!("正在显示本浏览器于 {date} 保存的副本，内容可能已过时。"),
    feed_error_title: "无法加载成员列表",
    retry: "重试",
    search_label: "搜索成员",
    search_placeholder: "按名称、使用场景、行业搜索…",
    kinds_label: "显示",
    members_count: |n| format!("{n} 个成员"),
    showing_of: |shown, total| format!("显示 {shown} / {total} 个成员"),
    list_page: |page, pages| format!("第 {page} 页，共 {pages} 页"),
    see_all_members: |n| format!("查看全部 {n} 个成员"),
    list_pages_label: "列表分页",
    static_list_note: |total| format!("全部 {total} 个成员，按名称排列。搜索和筛选需要启用 JavaScript。"),
    previous_page: "上一页",
    next_page: "下一页",
    skipped_notice: |n| format!("数据中有 {n} 个条目无法显示。"),
    industry: "行业",
    country: "国家/地区",
    website: "网站",
    joined: "加入时间",
    usage: "如何使用 Karmada",
    more_filters: "更多",
    has_case_study: "有案例研究",
    has_announcement: "有加入公告",
    sort_label: "排序",
    // The order is the English names': said, so that a Chinese reader does not take it for none.
    sort_name: "英文名称（A–Z）",
    sort_newest: "最新加入",
    sort_featured: "有故事的在前",
    layout_label: "视图",
    layout_cards: "卡片",
    layout_table: "表格",
    name_column: "名称",
    usage_column: "使用场景",
    active_filters: "已选筛选条件",
    remove_filter: |what| format!("移除筛选条件：{what}"),
    clear_all: "全部清除",
    empty_title: "没有匹配的成员",
    empty_body: "请减少筛选条件或换个关键词。",
    show_more: "显示更多",
    show_all_industries: |total| format!("显示全部 {total} 个行业"),
    show_all_countries: |total| format!("显示全部 {total} 个国家/地区"),
    show_fewer: "收起",
    filters_title: "筛选",
    close_filters: "关闭筛选",
    show_results: |shown| format!("查看 {shown} 个成员"),
    filters_toggle: |active| match active {
        0 => "筛选".to_string(),
        active => format!("筛选（{active}）"),
    },
    back_to_list: "返回成员列表",
    back_to_results: "返回筛选结果",
    not_found_title: "未找到该成员",
    not_found_body: "没有对应此地址的成员，它可能已被重命名。",
    page_not_found_title: "页面不存在",
    page_not_found_body: "此地址没有对应的页面。",
    did_you_mean: "你要找的是不是：",
    download_view: "下载当前列表：",
    new_badge: "新成员",
    suggest_edit: "建议修改此条目",
    newest_note: |dated, shown| match dated {
        0 => "这些成员都还没有日期：按名称排列。".into(),
        dated => {
            format!("{shown} 个成员中有 {dated} 个有日期，按日期从新到旧排在前面；其余按名称排列。")
        }
    },
    announcement: "加入公告",
    read_original: "在 karmada.io 阅读原文",
    case_studies: "案例研究与演讲",
    video: "视频",
    document: "文档",
    product_page: "产品页面",
    partner_program: "商业支持",
    previous: "上一个",
    more_in_industry: |industry| format!("{industry}领域的更多成员"),
    all_in_industry: |count, industry| format!("查看{industry}领域的全部 {count} 个成员"),
    next: "下一个",
    join_cta: "如何加入",
    join_cta_body: "在生产环境中使用 Karmada、基于它构建产品或提供商业支持？填写一份简短的表格，然后以 GitHub issue 提交。",
    language_switch: "语言",
    other_language: "English",
    open_details: |name| format!("{name} 的详情"),
    logo_of: |name| format!("{name} 的标志"),
    opens_new_tab: "（在新标签页中打开）",
    skip_to_results: "跳到主要内容",
    debug_title: "数据诊断",
    ignored_filters: |n| format!("已忽略地址中 {n} 个未知的筛选条件。"),
    facet_unlisted: |n| format!("另有 {n} 项未列出：可用搜索查找。"),
    stats_title: "采用概览",
    stats_intro: "有多少组织在生产中使用 Karmada、基于它构建产品或提供商业支持，分布在哪些行业和地区，以及名单如何增长。点击类型、行业或地区，即可打开按其筛选的列表。",
    stats_by_kind: "按类型",
    stats_by_industry: "按行业",
    stats_by_country: "按国家或地区",
    stats_joined: "成员增长（按季度累计）",
    stats_announcements: "每年公告数",
    stats_undated: |n| format!("{n} 个成员没有日期，未计入此图。"),
    stats_too_few_dates: |dated, members| {
        format!("成员增长：{members} 个成员中只有 {dated} 个有日期，不足以绘制图表。")
    },
    stats_no_country: |n| format!("{n} 个成员未注明国家或地区，未计入此表。"),
    stats_kind: "类型",
    stats_period: "时间",
    stats_count: "成员数",
    stats_announcement_count: "公告数",
    logos_title: "Logo 墙",
    logos_intro: "在生产环境中运行 Karmada 的组织及其 Logo。点击 Logo 可打开其页面。",
    featured_title: "精选故事",
    read_story_of: |name| format!("{name}：他们与 Karmada 的故事"),
};

#[cfg(test)]
mod tests {
    use super::description;

    #[test]
    fn chinese_texts_use_full_width_punctuation() {
        // The Chinese table as written here: a comma or a parenthesis beside a Chinese
        // character is the ASCII one by mistake (`地区,即可`), where Chinese writes `，` `（`.
        let source = include_str!("i18n.rs");
        let start = source
            .find("pub static ZH: Strings")
            .expect("the Chinese table");
        let end = start + source[start..].find("\n};").expect("its end");
        let chinese = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for (number, line) in source[start..end].lines().enumerate() {
            let chars: Vec<char> = line.chars().collect();
            for pair in chars.windows(2) {
                let wrong = (chinese(pair[0]) && matches!(pair[1], ',' | '(' | ')'))
                    || (matches!(pair[0], ',' | '(' | ')') && chinese(pair[1]));
                assert!(!wrong, "line {} of the Chinese table: {line}", number + 1);
            }
        }
    }

    #[test]
    fn descriptions_are_cut_at_a_word_within_160_characters() {
        assert_eq!(description("  Runs   Karmada.\n"), "Runs Karmada.");
        let long = "word ".repeat(60);
        let cut = description(&long);
        assert!(
            cut.chars().count() <= 160 && cut.ends_with("word…"),
            "{cut}"
        );
        // Chinese has no spaces: cut at the limit, counted in characters, not bytes.
        let chinese = "多集群".repeat(80);
        assert_eq!(description(&chinese).chars().count(), 160);
        let mixed = format!("{} and more words here", "集".repeat(150));
        assert_eq!(description(&mixed), format!("{} and…", "集".repeat(150)));
    }
}
