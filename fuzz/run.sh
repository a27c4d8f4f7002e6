#!/usr/bin/env bash
# Runs every fuzz target (feed builder, feed reader, URL allow-list, URL query) for SECONDS
# seconds each (the first argument, else $FUZZ_SECONDS, else 60) on stable Rust.
#
# cargo-fuzz needs nightly for -Zsanitizer; with `-s none` (no sanitizer) and RUSTC_BOOTSTRAP=1
# (lets stable rustc accept the -Z flags cargo-fuzz passes) it runs on the stable toolchain.
# Install once: cargo install cargo-fuzz
set -euo pipefail
seconds="${1:-${FUZZ_SECONDS:-60}}"
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/tmp/target-karmada-fuzz}"
for target in $(cargo fuzz list); do
  echo "== fuzz target $target for ${seconds}s"
  cargo fuzz run "$target" -s none -- -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048
done
