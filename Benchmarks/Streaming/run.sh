#!/usr/bin/env bash
# Transfer benchmarks (see BENCHMARKS.md): each client in a process of its own, the two sides of each
# comparison alternating run by run, in one invocation.
#
#   Benchmarks/Streaming/run.sh [--runs N] [--bytes N] [--events N] [--only download|events|rps]
#
# download, events: Spindle against swift-openapi-generator + swift-openapi-urlsession, Python server.
# rps: Spindle's URLSessionTransport against its AsyncHTTPClientTransport, SwiftNIO server (stream-bench serve).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runs=5
bytes=$((1 << 30))
events=100000
only=""
port=8799
nio_port=8798
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --bytes) bytes="$2"; shift 2 ;;
        --events) events="$2"; shift 2 ;;
        --only) only="$2"; shift 2 ;;
        -h|--help) sed -n 2,9p "$0"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

(cd "$here" && swift build -c release --product stream-bench 2>&1 | tail -1) >&2
bench="$here/.build/release/stream-bench"
python3 "$here/server.py" "$port" "$bytes" "$events" &
python_server=$!
"$bench" serve "$nio_port" &
nio_server=$!
trap 'kill $python_server $nio_server 2>/dev/null' EXIT
sleep 1

wanted() { [[ -z "$only" || "$only" == "$1" ]]; }

echo "machine: $(nproc) cores, $(uname -srm); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
{
    for kind in download events; do
        wanted "$kind" || continue
        for run in $(seq 1 "$runs"); do
            for client in spindle sog; do
                printf '%s\t%s\t%s\t%s\n' "$kind" "$client" "$run" "$("$bench" "$kind" "$client" "http://127.0.0.1:$port")"
            done
        done
    done
    if wanted rps; then
        # size tasks requests
        for shape in "1024 1 2000" "1024 16 5000" "1048576 1 200" "1048576 16 400"; do
            read -r size tasks requests <<<"$shape"
            for run in $(seq 1 "$runs"); do
                for transport in urlsession ahc; do
                    printf '%s\t%s\t%s\t%s\n' "rps ${size}B x${tasks}" "$transport" "$run" \
                        "$("$bench" rps "$transport" "http://127.0.0.1:$nio_port" "$size" "$tasks" "$requests")"
                done
            done
        done
    fi
} | python3 -c '
import json, statistics, sys
rows = {}
for line in sys.stdin:
    kind, client, run, report = line.rstrip("\n").split("\t", 3)
    print(line, end="")
    rows.setdefault((kind, client), []).append(json.loads(report))
print()
print("| measurement | client | runs | median s | median rate | peak memory above baseline (max) |")
print("| --- | --- | --- | --- | --- | --- |")
for (kind, client), reports in rows.items():
    seconds = statistics.median(r["seconds"] for r in reports)
    items = reports[0]["items"]
    if kind == "download":
        rate = f"{items / seconds / 1e6:.0f} MB/s"
    elif kind == "events":
        rate = f"{items / seconds:,.0f} events/s"
    else:
        rate = f"{items / seconds:,.0f} requests/s"
    growth = max(r["peak"] - r["baseline"] for r in reports) / 1048576
    print(f"| {kind} | {client} | {len(reports)} | {seconds:.2f} | {rate} | {growth:.0f} MiB |")
'
