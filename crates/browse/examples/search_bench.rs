//! Timing of the browse hot path at 10,000 synthetic members, printed as JSON:
//! building the [`SearchIndex`] once, then one keystroke = [`browse::browse_with_facets_after`]
//! for each prefix of a few typed queries, each after the one before (what the list page
//! recomputes per keystroke), and the same keystrokes searched afresh
//! (`keystroke_without_narrowing_ms`); and, apart, keystrokes of terms starting with `a`
//! (`a_keystroke_ms`).
//!
//! `cargo run --release -p browse --example search_bench [-- MEMBERS]`
//!
//! Native figures only; the same loop built for wasm32 (opt-level z, run in Node 20's V8)
//! measured about 1.5× these figures. No thresholds are asserted.

use std::time::Instant;

use browse::{browse_with_facets, browse_with_facets_after, FilterState, SearchIndex, Sort};
use members_feed::{Kind, Localized, Member};

const WORDS: &[&str] = &[
    "multi-cluster",
    "platform",
    "GPU",
    "training",
    "inference",
    "failover",
    "regions",
    "hybrid",
    "cloud",
    "edge",
    "scheduling",
    "workloads",
    "resilient",
    "elastic",
    "Istio",
    "database",
    "big data",
    "AI",
    "PaaS",
    "containers",
    "Zürich",
    "São Paulo",
    "Kraków",
];
const ZH_WORDS: &[&str] = &[
    "多集群",
    "平台",
    "训练",
    "推理",
    "故障迁移",
    "混合云",
    "边缘",
    "调度",
    "弹性",
    "数据库",
];
const NAME_PARTS: &[&str] = &[
    "Alpha", "Béta", "Nova", "Øresund", "Straße", "Blue", "Quantum", "Stellar", "Pioneer", "Łódź",
    "Crimson", "Summit", "Horizon", "Vertex", "Cobalt", "Jade", "Árbol", "Delta",
];
const ZH_NAMES: &[&str] = &["云", "星", "数", "智", "联", "信", "通", "科", "技", "网"];
const INDUSTRIES: &[&str] = &[
    "cloud",
    "finance",
    "internet",
    "telecom",
    "ai",
    "ecommerce",
    "education",
    "gaming",
    "manufacturing",
    "automotive",
    "logistics",
    "media",
];
const COUNTRIES: &[&str] = &[
    "CN", "US", "KR", "IT", "BR", "SG", "JP", "DE", "GB", "FR", "IN",
];

/// A small deterministic generator (xorshift), so every run measures the same feed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn member(i: usize, rng: &mut Rng) -> Member {
    let name = format!("{} {} {i}", rng.pick(NAME_PARTS), rng.pick(NAME_PARTS));
    let zh_name =
        (rng.below(2) == 0).then(|| (0..3).map(|_| rng.pick(ZH_NAMES)).collect::<String>());
    let usage_en = format!(
        "Uses Karmada to build a {} {} for {} {} across {} {}.",
        rng.pick(WORDS),
        rng.pick(WORDS),
        rng.pick(WORDS),
        rng.pick(WORDS),
        rng.pick(WORDS),
        rng.pick(WORDS)
    );
    let usage_zh = (rng.below(2) == 0).then(|| {
        format!(
            "使用 Karmada 构建{}{}{}。",
            rng.pick(ZH_WORDS),
            rng.pick(ZH_WORDS),
            rng.pick(ZH_WORDS)
        )
    });
    let kinds = match rng.below(6) {
        0 => vec![Kind::Vendor],
        1 => vec![Kind::Partner],
        2 => vec![Kind::Adopter, Kind::Vendor],
        _ => vec![Kind::Adopter],
    };
    let joined = (rng.below(3) != 0).then(|| {
        format!(
            "20{:02}-{:02}-{:02}",
            18 + rng.below(8),
            1 + rng.below(12),
            1 + rng.below(28)
        )
    });
    Member {
        id: format!("member-{i}"),
        name: Localized {
            en: name,
            zh: zh_name,
        },
        aliases: if rng.below(5) == 0 {
            vec![format!("alias{i}")]
        } else {
            Vec::new()
        },
        kinds,
        website: format!("https://m{i}.example/"),
        logo: None,
        industry: (rng.below(8) != 0).then(|| rng.pick(INDUSTRIES).to_string()),
        country: (rng.below(8) != 0).then(|| rng.pick(COUNTRIES).to_string()),
        usage: Localized {
            en: usage_en,
            zh: usage_zh,
        },
        joined,
        announcement: None,
        case_studies: Vec::new(),
        partner: None,
        featured: None,
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at]
}

/// Types each query one character at a time, ten rounds, every other round under filters and
/// another sort: the time of each keystroke after the one before, of the same keystroke
/// searched afresh, and a figure of the last result (so the work is not optimised away).
fn type_queries(
    members: &[Member],
    index: &SearchIndex,
    typed: &[&str],
) -> (Vec<f64>, Vec<f64>, usize) {
    let mut base = FilterState::default();
    let mut samples = Vec::new();
    let mut fresh_samples = Vec::new();
    let mut previous = None;
    let mut last_shown = 0;
    for round in 0..10 {
        base.kinds.clear();
        base.industries.clear();
        base.sort = Sort::Name;
        if round % 2 == 1 {
            base.kinds.insert(Kind::Adopter);
            base.industries.insert("cloud".into());
            base.sort = Sort::Newest;
        }
        for query in typed {
            let chars: Vec<char> = query.chars().collect();
            for end in 1..=chars.len() {
                let state = FilterState {
                    query: chars[..end].iter().collect(),
                    ..base.clone()
                };
                let start = Instant::now();
                let (shown, facets) = browse_with_facets(members, index, &state);
                fresh_samples.push(start.elapsed().as_secs_f64() * 1e3);
                std::hint::black_box((shown, facets));
                let start = Instant::now();
                let (shown, facets, matches) =
                    browse_with_facets_after(members, index, &state, previous.as_ref());
                samples.push(start.elapsed().as_secs_f64() * 1e3);
                previous = Some(matches);
                last_shown = std::hint::black_box(shown.len() + facets.kinds.len());
            }
        }
    }
    (samples, fresh_samples, last_shown)
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let members: Vec<Member> = (0..count).map(|i| member(i, &mut rng)).collect();

    // The index is built once per feed load; take the best of a few builds.
    let mut index = SearchIndex::new(&members);
    let mut build_ms = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        index = SearchIndex::new(&members);
        build_ms = build_ms.min(start.elapsed().as_secs_f64() * 1e3);
    }

    let typed = [
        "gpu training",
        "multi-cluster failover",
        "zurich",
        "多集群",
        "straße",
        "nothing-matches-this",
    ];
    let (mut samples, mut fresh_samples, last_shown) = type_queries(&members, &index, &typed);
    // Apart from the figures above, so that they stay comparable with earlier runs: terms
    // starting with `a`, the letter every adopter's kind name ("adopters") starts a word with.
    let (mut a_samples, _, _) =
        type_queries(&members, &index, &["alpha nova", "automotive", "alibaba"]);
    let mut unfiltered = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        let result = browse_with_facets(&members, &index, &FilterState::default());
        unfiltered.push(start.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(result);
    }
    samples.sort_by(f64::total_cmp);
    fresh_samples.sort_by(f64::total_cmp);
    a_samples.sort_by(f64::total_cmp);
    unfiltered.sort_by(f64::total_cmp);
    println!(
        "{{\"members\":{count},\"index_build_ms\":{build_ms:.3},\"keystrokes\":{},\"keystroke_ms\":{{\"median\":{:.3},\"p95\":{:.3},\"max\":{:.3}}},\"keystroke_without_narrowing_ms\":{{\"median\":{:.3},\"p95\":{:.3}}},\"a_keystroke_ms\":{{\"median\":{:.3},\"p95\":{:.3}}},\"unfiltered_ms\":{{\"median\":{:.3},\"p95\":{:.3}}},\"check\":{last_shown}}}",
        samples.len(),
        percentile(&samples, 0.5),
        percentile(&samples, 0.95),
        samples[samples.len() - 1],
        percentile(&fresh_samples, 0.5),
        percentile(&fresh_samples, 0.95),
        percentile(&a_samples, 0.5),
        percentile(&a_samples, 0.95),
        percentile(&unfiltered, 0.5),
        percentile(&unfiltered, 0.95),
    );
}
