//! Test totals: reading them from a runner's output while echoing it.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::process::{describe, exit_text};
use crate::Result;

#[derive(Default, Debug, PartialEq, Eq, Clone, Copy)]
pub(crate) struct Counts {
    pub(super) passed: u64,
    pub(super) failed: u64,
    pub(super) skipped: u64,
}

impl Counts {
    pub(super) fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped += other.skipped;
    }
}

/// The number before `word` in `line` ("12 passed" → 12), if any.
pub(crate) fn number_before(line: &str, word: &str) -> Option<u64> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ';' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .find(|w| w[1] == word)
        .and_then(|w| w[0].parse().ok())
}

/// Reads test totals from a runner's output line:
/// cargo / wasm-bindgen-test: `test result: ok. 3 passed; 0 failed; 1 ignored; …`
/// Playwright (list reporter): `  12 passed (30.1s)`, `  1 failed`, `  2 skipped`, `  1 flaky`.
pub(crate) fn parse_counts(line: &str) -> Option<Counts> {
    let t = line.trim();
    if let Some(rest) = t.strip_prefix("test result:") {
        return Some(Counts {
            passed: number_before(rest, "passed").unwrap_or(0),
            failed: number_before(rest, "failed").unwrap_or(0),
            skipped: number_before(rest, "ignored").unwrap_or(0),
        });
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() >= 2 && words[0].parse::<u64>().is_ok() {
        let n: u64 = words[0].parse().ok()?;
        let rest_ok = words.len() == 2 || (words.len() == 3 && words[2].starts_with('('));
        if !rest_ok {
            return None;
        }
        return match words[1] {
            "passed" => Some(Counts {
                passed: n,
                ..Counts::default()
            }),
            "failed" | "flaky" | "interrupted" => Some(Counts {
                failed: n,
                ..Counts::default()
            }),
            "skipped" => Some(Counts {
                skipped: n,
                ..Counts::default()
            }),
            _ => None,
        };
    }
    None
}

/// Runs a command echoing its stdout line by line and summing the test totals it prints.
pub(crate) fn run_counting(mut c: Command, deadline: Option<Duration>) -> (Result, Counts) {
    let shown = describe(&c);
    println!("$ {shown}");
    c.stdout(Stdio::piped()).stdin(Stdio::null());
    let mut child = match c.spawn() {
        Ok(child) => child,
        Err(e) => {
            return (
                Err(format!("could not start `{shown}`: {e}")),
                Counts::default(),
            )
        }
    };
    let stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut counts = Counts::default();
        let mut out = std::io::stdout();
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let _ = writeln!(out, "{line}");
            if let Some(c) = parse_counts(&line) {
                counts.add(c);
            }
        }
        counts
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Ok(status),
            Ok(None) => {
                if deadline.is_some_and(|d| started.elapsed() > d) {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Err(format!(
                        "`{shown}` ran longer than {} s and was stopped",
                        deadline.unwrap_or_default().as_secs()
                    ));
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(e) => break Err(format!("waiting for `{shown}`: {e}")),
        }
    };
    let counts = reader.join().unwrap_or_default();
    let result = match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("`{shown}` failed ({})", exit_text(s))),
        Err(e) => Err(e),
    };
    (result, counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cargo_test_totals() {
        let line = "test result: ok. 12 passed; 1 failed; 3 ignored; 0 measured; 0 filtered out; finished in 0.01s";
        assert_eq!(
            parse_counts(line),
            Some(Counts {
                passed: 12,
                failed: 1,
                skipped: 3
            })
        );
    }

    #[test]
    fn parses_playwright_totals() {
        assert_eq!(
            parse_counts("  14 passed (31.2s)"),
            Some(Counts {
                passed: 14,
                ..Counts::default()
            })
        );
        assert_eq!(
            parse_counts("  2 failed"),
            Some(Counts {
                failed: 2,
                ..Counts::default()
            })
        );
        assert_eq!(
            parse_counts("  1 flaky"),
            Some(Counts {
                failed: 1,
                ..Counts::default()
            })
        );
        assert_eq!(
            parse_counts("  3 skipped"),
            Some(Counts {
                skipped: 3,
                ..Counts::default()
            })
        );
        assert_eq!(parse_counts("  1 did not run"), None);
        assert_eq!(
            parse_counts("  ✓  1 [chromium] › smoke.spec.ts:3:1 › starts (2.1s)"),
            None
        );
        assert_eq!(parse_counts("Running 14 tests using 2 workers"), None);
        assert_eq!(parse_counts("200 passed members"), None);
    }
}
