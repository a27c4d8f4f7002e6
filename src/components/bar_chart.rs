use leptos::prelude::*;

/// One row of a [`BarChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub count: usize,
    /// The list filtered to this row, when the list has such a filter.
    pub href: Option<String>,
}

/// A bar chart that is its own table: each row is its label (a link to the list filtered to it,
/// when there is one), its count, and a bar drawn here in SVG, scaled to the largest count.
/// Screen readers, keyboards and pages without JavaScript get the table; the bars are drawn
/// for the eye only (`aria-hidden`), the row's link is the way in.
#[component]
pub fn BarChart(
    /// The chart's heading, which names its table.
    title: String,
    /// What a row is ("Industry"), the first column's header.
    row_header: String,
    /// What is counted ("Members"), the second column's header.
    count_header: String,
    /// The rows, in the order shown.
    rows: Vec<Bar>,
    /// The chart's `data-testid` and the stem of its heading's id.
    test_id: &'static str,
) -> impl IntoView {
    let largest = rows.iter().map(|bar| bar.count).max().unwrap_or(0).max(1);
    let heading = format!("{test_id}-title");
    let rows = rows
        .into_iter()
        .map(|bar| {
            // In the SVG's own units: 0–100 across, so the bar's width is its share.
            let width = format!("{:.2}", bar.count as f64 * 100.0 / largest as f64);
            let label = match bar.href {
                Some(href) => view! { <a href=href>{bar.label}</a> }.into_any(),
                None => view! { <span>{bar.label}</span> }.into_any(),
            };
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td class="stat-count">{bar.count}</td>
                    <td class="stat-bar">
                        <svg aria-hidden="true" focusable="false" viewBox="0 0 100 10" preserveAspectRatio="none">
                            <rect x="0" y="0" height="10" width=width></rect>
                        </svg>
                    </td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <section class="stat-chart" data-testid=test_id>
            <h2 id=heading.clone()>{title}</h2>
            <table aria-labelledby=heading>
                <thead>
                    <tr>
                        <th scope="col">{row_header}</th>
                        // Over the count and its bar. (No empty cell: literal-only markup is
                        // filled through innerHTML, which Trusted Types refuse.)
                        <th scope="col" colspan="2">{count_header}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
