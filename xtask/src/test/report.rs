//! How `cargo xtask test` reports its steps: a banner before each, one summary after all.

use std::io::Write;
use std::process::exit;
use std::time::Duration;

use super::counts::Counts;
use crate::Result;

pub(crate) enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

pub(crate) struct StepReport {
    pub(super) name: &'static str,
    pub(super) outcome: Outcome,
    pub(super) seconds: f64,
    pub(super) counts: Option<Counts>,
}

pub(crate) fn banner(name: &str, index: Option<(usize, usize)>) {
    match index {
        Some((i, n)) => println!("\n==> [{i}/{n}] {name}"),
        None => println!("\n==> {name}"),
    }
}

pub(crate) fn summary(reports: &[StepReport], total_steps: usize, elapsed: Duration) -> Result {
    println!("\n==> summary ({:.0} s)", elapsed.as_secs_f64());
    let mut tests = Counts::default();
    let mut checks = Counts::default();
    let mut first_failure = None;
    for r in reports {
        let (word, detail) = match &r.outcome {
            Outcome::Passed => ("ok     ", String::new()),
            Outcome::Failed(e) => ("FAILED ", format!(": {e}")),
            Outcome::Skipped(why) => ("skipped", format!(": {why}")),
        };
        let counted = r
            .counts
            .map(|c| {
                format!(
                    " [{} passed, {} failed, {} skipped]",
                    c.passed, c.failed, c.skipped
                )
            })
            .unwrap_or_default();
        println!("  {word} {:>7.1} s  {}{counted}{detail}", r.seconds, r.name);
        match (&r.outcome, r.counts) {
            (Outcome::Skipped(_), _) => checks.skipped += 1,
            (Outcome::Passed, Some(c)) if c.passed + c.failed > 0 => tests.add(c),
            (Outcome::Failed(_), Some(c)) if c.failed > 0 => tests.add(c),
            (Outcome::Failed(_), Some(c)) => {
                tests.add(c);
                checks.failed += 1;
            }
            (Outcome::Passed, _) => checks.passed += 1,
            (Outcome::Failed(_), None) => checks.failed += 1,
        }
        if first_failure.is_none() {
            if let Outcome::Failed(e) = &r.outcome {
                first_failure = Some((r.name, e.clone()));
            }
        }
    }
    let not_run = total_steps - reports.len();
    if not_run > 0 {
        println!("  ({not_run} later step(s) not run after the failure)");
    }
    println!(
        "  tests: {} passed, {} failed, {} ignored/skipped; other checks: {} passed, {} failed, {} skipped",
        tests.passed, tests.failed, tests.skipped, checks.passed, checks.failed, checks.skipped
    );
    let passed = tests.passed + checks.passed;
    let failed = tests.failed + checks.failed;
    let skipped = tests.skipped + checks.skipped;
    match first_failure {
        Some((name, e)) => {
            println!("FAILED at `{name}`: {e}");
            println!("{passed} passed, {failed} failed, {skipped} skipped");
            let _ = std::io::stdout().flush();
            exit(1);
        }
        None => {
            println!("{passed} passed, {failed} failed, {skipped} skipped");
            Ok(())
        }
    }
}
