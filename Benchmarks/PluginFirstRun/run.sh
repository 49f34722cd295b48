#!/usr/bin/env bash
# First plugin run from a clean build folder (see BENCHMARKS.md), the two sides alternating in one invocation:
#
#   Benchmarks/PluginFirstRun/run.sh [--runs N]
#
# Spindle: Examples/Consumer, `swift package spindle-generate --check` (builds the spindle tool, then
#          generates), then `swift build --target Petstore` (the client module).
# SOG:     SOGConsumer (the same spec), `swift build --target Petstore`: builds swift-openapi-generator's
#          tool, runs its build plugin and compiles the client module, which a build plugin cannot separate.
# Packages are resolved before the clock starts; each run uses a new, empty scratch folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
consumer="$here/../../Examples/Consumer"
runs=3
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        -h|--help) sed -n 2,10p "$0"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
(cd "$consumer" && swift package --scratch-path "$scratch/resolve-spindle" resolve >/dev/null)
(cd "$here/SOGConsumer" && swift package --scratch-path "$scratch/resolve-sog" resolve >/dev/null)

seconds() { python3 -c 'import sys, time; print(f"{time.time() - float(sys.argv[1]):.1f}")' "$1"; }

echo "machine: $(nproc) cores, $(uname -srm), $(swift --version 2>&1 | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| run | Spindle plugin first run (tool build + generate) | Spindle + client module | SOG build (tool + plugin + client module) |\n'
printf '| --- | --- | --- | --- |\n'
for run in $(seq 1 "$runs"); do
    rm -rf "$scratch/spindle" "$scratch/sog"
    cp -R "$scratch/resolve-spindle" "$scratch/spindle"
    cp -R "$scratch/resolve-sog" "$scratch/sog"
    rm -rf "$scratch/spindle/debug" "$scratch/spindle"/*-unknown-linux-gnu "$scratch/spindle/plugins" \
        "$scratch/sog/debug" "$scratch/sog"/*-unknown-linux-gnu "$scratch/sog/plugins"
    start=$(date +%s.%N)
    (cd "$consumer" && swift package --scratch-path "$scratch/spindle" --allow-writing-to-package-directory \
        spindle-generate --check >/dev/null)
    plugin=$(seconds "$start")
    (cd "$consumer" && swift build --scratch-path "$scratch/spindle" --target Petstore >/dev/null)
    spindle_total=$(seconds "$start")
    start=$(date +%s.%N)
    (cd "$here/SOGConsumer" && swift build --scratch-path "$scratch/sog" --target Petstore >/dev/null)
    sog=$(seconds "$start")
    printf '| %s | %s s | %s s | %s s |\n' "$run" "$plugin" "$spindle_total" "$sog"
done
