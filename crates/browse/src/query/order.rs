//! The list's order and its layout, with their names in the URL (`sort=`, `view=`).

/// The order of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// By English name, A to Z.
    #[default]
    Name,
    /// Most recently joined (or announced) first.
    Newest,
    /// Members with an announcement or a case study first.
    Featured,
}

impl Sort {
    /// Every order, as offered in the sort menu.
    pub const ALL: [Sort; 3] = [Sort::Name, Sort::Newest, Sort::Featured];

    /// The value of the `sort` parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Newest => "newest",
            Sort::Featured => "featured",
        }
    }

    /// Reads a sort name, ignoring ASCII case; unknown names are `None`.
    pub fn parse(value: &str) -> Option<Sort> {
        Sort::ALL
            .into_iter()
            .find(|sort| sort.as_str().eq_ignore_ascii_case(value.trim()))
    }
}

/// How the list shows its members: cards, or a compact table for people who scan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Layout {
    /// A card per member, with its logo and usage.
    #[default]
    Cards,
    /// A row per member: name, kinds, industry, country, joined.
    Table,
}

impl Layout {
    /// Every layout, as offered by the list's switch.
    pub const ALL: [Layout; 2] = [Layout::Cards, Layout::Table];

    /// The value of the `view` parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Cards => "cards",
            Layout::Table => "table",
        }
    }

    /// Reads a layout name, ignoring ASCII case; unknown names are `None`.
    pub fn parse(value: &str) -> Option<Layout> {
        Layout::ALL
            .into_iter()
            .find(|layout| layout.as_str().eq_ignore_ascii_case(value.trim()))
    }
}
