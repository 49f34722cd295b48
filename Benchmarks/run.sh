#!/usr/bin/env bash
# Builds the benchmarks and runs them all, printing one table per spec (see BENCHMARKS.md).
#
#   Benchmarks/run.sh [--stripe SPEC] [--runs N] [--compile-runs N] [--no-compile] [--no-stripe-compile]
#                     [--skip-touch] [--compile-timeout SECONDS] [--work DIR]
#
# --stripe defaults to ../shared/corpus/stripe/spec3.yaml relative to the repository root (the corpus
# lives outside the repository; pass the path of any copy of Stripe's spec3.yaml); when the file is
# absent, Stripe is skipped. The merged Stigg specs in specs/stigg always run. Every ratio in the
# output comes from this one run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

stripe="$root/../shared/corpus/stripe/spec3.yaml"
runs=5
compile_runs=1
compile=1
stripe_compile=1
compile_timeout=3600
skip_touch=()
work="${TMPDIR:-/tmp}/spindle-bench"
decode_rounds=30

while [[ $# -gt 0 ]]; do
    case "$1" in
        --stripe) stripe="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --compile-runs) compile_runs="$2"; shift 2 ;;
        --no-compile) compile=0; shift ;;
        --no-stripe-compile) stripe_compile=0; shift ;;
        --skip-touch) skip_touch=(--skip-touch); shift ;;
        --compile-timeout) compile_timeout="$2"; shift 2 ;;
        --decode-rounds) decode_rounds="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        -h|--help) sed -n 2,10p "$0"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
if [[ ! -f "$stripe" ]]; then
    echo "note: no Stripe spec at $stripe; Stripe is skipped (pass --stripe PATH), running Stigg only" >&2
    stripe=""
fi

quiet_build() {
    # Generated SOG code and dependencies print many warnings; keep errors and the summary.
    local log
    log="$(mktemp)"
    if ! "$@" >"$log" 2>&1; then
        grep -E "error|Error" "$log" | head -40 >&2 || tail -40 "$log" >&2
        rm -f "$log"
        return 1
    fi
    tail -1 "$log" >&2
    rm -f "$log"
}

echo "== building swift-openapi-generator 1.14.3 (release; the first build takes ~12 minutes on 2 cores)" >&2
(cd "$here/SOG" && quiet_build swift build -c release --product swift-openapi-generator)
sog="$here/SOG/.build/release/swift-openapi-generator"

echo "== generating SOG's Stigg types for the decode benchmark" >&2
"$sog" generate "$root/specs/stigg/customers.yaml" --mode types --access-modifier public \
    --output-directory "$here/Sources/SOGStiggTypes" >/dev/null 2>&1

echo "== building Spindle benchmarks and the spindle CLI (release)" >&2
(cd "$here" && quiet_build swift build -c release && quiet_build swift build -c release --product spindle)
bin="$here/.build/release"

mkdir -p "$work"
{
    echo "## Machine and toolchain"
    echo
    echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores available"
    echo "- Memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
    echo "- Toolchain: $(swift --version 2>&1 | head -1)"
    echo "- Spindle: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$( [[ -n "$(git -C "$root" status --porcelain -- Sources Templates Package.swift 2>/dev/null)" ]] && echo ' + uncommitted changes in Sources/Templates' ); SOG: swift-openapi-generator 1.14.3"
    echo "- Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $runs generation runs, $compile_runs compile run(s); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
} >"$work/machine.md"
cat "$work/machine.md"

specs=()
compiles=()
if [[ -n "$stripe" ]]; then
    specs+=(--spec "stripe=$stripe")
    [[ $compile == 1 && $stripe_compile == 1 ]] && compiles+=(--compile stripe)
fi
specs+=(--spec "stigg=$root/specs/stigg:$root/specs/stigg/customers.yaml+$root/specs/stigg/customer-integrations.yaml")
[[ $compile == 1 ]] && compiles+=(--compile stigg)

python3 "$here/bench.py" \
    --spindle-gen "$bin/spindle-gen" --spindle "$bin/spindle" --sog "$sog" --decode-bench "$bin/decode-bench" \
    --spindle-root "$root" --work "$work" --runs "$runs" --compile-runs "$compile_runs" \
    --compile-timeout "$compile_timeout" --decode-fixture "$root/Tests/Fixtures/stigg/customers-list-200.json" \
    --decode-rounds "$decode_rounds" --report "$work/report.md" "${skip_touch[@]+"${skip_touch[@]}"}" \
    "${specs[@]}" "${compiles[@]+"${compiles[@]}"}"

echo "- Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$work/machine.md"
cat "$work/machine.md" "$work/report.md" >"$work/BENCHMARK-RESULTS.md"
echo "== written: $work/BENCHMARK-RESULTS.md (tables), $work/results.json (raw)" >&2
