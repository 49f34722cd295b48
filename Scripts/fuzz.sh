#!/usr/bin/env bash
# Builds the libFuzzer target in Fuzz/ (its own package: the main package never links libFuzzer)
# and runs it over a copy of the seed corpus. Linux, with an open-source Swift toolchain.
#
#   Scripts/fuzz.sh [RUNS]            # default 1000000 runs; extra libFuzzer flags via FUZZ_FLAGS
#
# Findings (crash-*, timeout-*, oom-*, leak-*) land in Fuzz/findings/; the corpus grows in
# $WORK/corpus (default: a new folder under $TMPDIR). See docs/ROBUSTNESS.md.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-1000000}"
WORK="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/spindle-fuzz.XXXXXX")}"
mkdir -p "$WORK/corpus" "$ROOT/Fuzz/findings"
cp "$ROOT"/Fuzz/corpus/* "$WORK/corpus/"

cd "$ROOT/Fuzz"
swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -DSPINDLE_FUZZING --product SpindleFuzz

# -close_fd_mask=3: the pipeline prints nothing, but keep libFuzzer's own output readable.
"$ROOT/Fuzz/.build/debug/SpindleFuzz" \
    -runs="$RUNS" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -dict="$ROOT/Fuzz/openapi.dict" -artifact_prefix="$ROOT/Fuzz/findings/" \
    -print_final_stats=1 ${FUZZ_FLAGS:-} \
    "$WORK/corpus"
