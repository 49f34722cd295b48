#!/usr/bin/env bash
# Generates a client for every document of a corpus of real OpenAPI specs with the release-built
# `spindle` (or, with GENERATOR=sog, apple/swift-openapi-generator 1.14.3), type-checks each
# generated module with `swiftc -typecheck` (batch mode, every core, as SwiftPM's debug builds) against
# the runtime it imports, and prints a Markdown table plus a summary. Scripts/corpus-compare.py puts a
# Spindle run and a SOG run side by side.
#
#   Scripts/corpus-run.sh [CORPUS_DIR]          # default: ../shared/corpus (from the repository root)
#   GENERATOR=sog Scripts/corpus-run.sh [CORPUS_DIR]
#
# CORPUS_DIR holds INDEX.tsv (columns: name, file, ..., openapi_version, ..., notes) and
# <name>/<file> for every row.
#
# Environment:
#   GENERATOR=name     spindle (default) or sog
#   SPINDLE=path       spindle binary to use (default: build .build-robust/release/spindle)
#   SOG=path           swift-openapi-generator binary (default: build Benchmarks/SOG's release product);
#                      its output is generated with `generate: [types, client]`, `accessModifier: public`
#                      and type-checked against OpenAPIRuntime 1.13.4 and HTTPTypes, built once
#   RESULTS=dir        where logs and the table go (default: a new folder under $TMPDIR)
#   FILTER=regex       only rows whose "name/file" matches (grep -E)
#   GEN_TIMEOUT=s      limit for one generation (default 300); TC_TIMEOUT=s for one type-check (default 1200)
#   KEEP=1             keep generated sources of modules that type-check (failures are always kept)
#   SKIP_TYPECHECK=1   only generate
#
# Besides the table, RESULTS/rows.tsv has one line per document (what the corpus expects, the
# outcome, the times; for Scripts/corpus-compare.py) and RESULTS/warnings.tsv lists the warnings of
# every document by kind (document, kind, count), taken from the `[-Wkind]` each warning ends with
# (`other` for a warning without one, as a spindle from before warning kinds prints, or SOG);
# Scripts/corpus-warnings.py compares two such runs.
#
# Every document Spindle generates is also checked for lost operations: the operations the spec declares
# (Scripts/spec-operations.py: the HTTP-method keys of its path items) against the operations generated
# (the summary line); the "spec operations" column shows the first, and a difference is listed at the end.
#
# Exit status: 0 when no spec crashed or hung the generator, >= 95% of the specs that are expected to
# generate type-check, and no generated document lost an operation; 1 otherwise.
#
# Which documents are expected to generate comes from the corpus alone, the same for both
# generators: not Swagger 2.0 (openapi_version 2.x), not OpenAPI 3.2, not marked by the INDEX notes as
# invalid YAML, not an OpenAPI root document or intentionally invalid test input, and not listed in
# Scripts/corpus-expected-rejections.tsv (documents that break a MUST of the OpenAPI specification,
# each with the reason).
#
# Outcomes per spec:
#   ok / typecheck-failed / typecheck-timeout   generated; the type-check result
#   rejected:swagger2                           an expected rejection of a Swagger 2.0 document
#   rejected:unsupported-version                an expected rejection of an OpenAPI 3.2 document
#   rejected:invalid-input                      an expected rejection of an invalid document
#                                               (spindle's rejections must be located errors: file:line:col)
#   spec-errors                                 the generator reported errors for a document expected to generate
#   CRASH / HANG                                the generator died on a signal or hit GEN_TIMEOUT
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="${1:-$ROOT/../shared/corpus}"
CORPUS="$(cd "$CORPUS" && pwd)" || { echo "error: no corpus at ${1:-../shared/corpus}" >&2; exit 2; }
[[ -f "$CORPUS/INDEX.tsv" ]] || { echo "error: $CORPUS/INDEX.tsv not found" >&2; exit 2; }
GEN_TIMEOUT="${GEN_TIMEOUT:-300}"
TC_TIMEOUT="${TC_TIMEOUT:-1200}"
RESULTS="${RESULTS:-$(mktemp -d "${TMPDIR:-/tmp}/spindle-corpus.XXXXXX")}"
mkdir -p "$RESULTS"

GENERATOR="${GENERATOR:-spindle}"
JOBS="$(nproc)"
EXPECTED_REJECTIONS="$ROOT/Scripts/corpus-expected-rejections.tsv"
RUNTIME_MODULE="$RESULTS/runtime-module"

case "$GENERATOR" in
spindle)
    if [[ -z "${SPINDLE:-}" ]]; then
        echo "building spindle (release)..." >&2
        (cd "$ROOT" && swift build -c release --scratch-path "$ROOT/.build-robust" --product spindle >"$RESULTS/build.log" 2>&1) || {
            echo "error: release build failed; see $RESULTS/build.log" >&2
            exit 2
        }
        SPINDLE="$ROOT/.build-robust/release/spindle"
    fi
    GENERATOR_BINARY="$SPINDLE"
    # SpindleRuntime as a module, built once, so each generated module type-checks the way an app
    # that depends on it compiles it (`import SpindleRuntime`, Swift 6 language mode).
    if [[ -z "${SKIP_TYPECHECK:-}" ]]; then
        mkdir -p "$RUNTIME_MODULE"
        mapfile -t runtime_sources < <(find "$ROOT/Sources/SpindleRuntime" -name '*.swift' | sort)
        swiftc -emit-module -parse-as-library -swift-version 6 -module-name SpindleRuntime \
            -emit-module-path "$RUNTIME_MODULE/SpindleRuntime.swiftmodule" "${runtime_sources[@]}" \
            >"$RESULTS/runtime-module.log" 2>&1 || {
            echo "error: SpindleRuntime does not build; see $RESULTS/runtime-module.log" >&2
            exit 2
        }
    fi
    ;;
sog)
    if [[ -z "${SOG:-}" ]]; then
        echo "building swift-openapi-generator 1.14.3 (release)..." >&2
        (cd "$ROOT/Benchmarks/SOG" && swift build -c release --product swift-openapi-generator >"$RESULTS/build.log" 2>&1) || {
            echo "error: swift-openapi-generator does not build; see $RESULTS/build.log" >&2
            exit 2
        }
        SOG="$ROOT/Benchmarks/SOG/.build/release/swift-openapi-generator"
    fi
    GENERATOR_BINARY="$SOG"
    printf 'generate:\n  - types\n  - client\naccessModifier: public\n' >"$RESULTS/openapi-generator-config.yaml"
    # OpenAPIRuntime and HTTPTypes, the modules SOG's output imports, built once by SwiftPM.
    if [[ -z "${SKIP_TYPECHECK:-}" ]]; then
        package="$RESULTS/sog-runtime"
        mkdir -p "$package/Sources/SOGRuntimeModules"
        echo 'import HTTPTypes; import OpenAPIRuntime' >"$package/Sources/SOGRuntimeModules/Imports.swift"
        cat >"$package/Package.swift" <<'PACKAGE'
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "SOGRuntimeModules",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    ],
    targets: [
        .target(name: "SOGRuntimeModules", dependencies: [
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ])
    ]
)
PACKAGE
        (cd "$package" && swift build >"$RESULTS/runtime-module.log" 2>&1) || {
            echo "error: OpenAPIRuntime does not build; see $RESULTS/runtime-module.log" >&2
            exit 2
        }
        RUNTIME_MODULE="$(cd "$package" && swift build --show-bin-path)/Modules"
    fi
    ;;
*)
    echo "error: GENERATOR must be spindle or sog, not '$GENERATOR'" >&2
    exit 2
    ;;
esac

# What the corpus says of a document: generate, swagger2, unsupported-version or invalid-input.
expectation() {
    local name="$1" file="$2" version="$3" notes="$4"
    if [[ "$version" == 2* ]]; then
        echo swagger2
    elif [[ "$version" == 3.2* ]]; then
        echo unsupported-version
    elif grep -Eqi 'PARSE FAILED|not an OpenAPI root document|intentionally (invalid|malformed)' <<<"$notes" \
        || cut -f1 "$EXPECTED_REJECTIONS" | grep -Fxq -- "$name/$file"; then
        echo invalid-input
    else
        echo generate
    fi
}

TABLE="$RESULTS/table.md"
{
    echo "| # | spec | outcome | gen time (s) | peak RSS (MB) | types | operations | spec operations | warnings | warning kinds | errors | type-check (s) | first problem |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} >"$TABLE"
cat "$TABLE"

declare -A count=()
declare -A kind_total=()
lost_operations=()
WARNINGS_TSV="$RESULTS/warnings.tsv"
ROWS_TSV="$RESULTS/rows.tsv"
printf 'document\texpected\toutcome\tgenerate_s\tpeak_rss_mb\ttypecheck_s\ttypes\tfirst_problem\n' >"$ROWS_TSV"
printf 'document\tkind\tcount\n' >"$WARNINGS_TSV"
index=0
total=0
expected_total=0
ok_expected=0
# Tabs become \037 first: `read` collapses runs of whitespace separators, and some columns are empty.
while IFS=$'\037' read -r name file _ _ _ _ version _ _ notes; do
    [[ "$name" == "name" || -z "$name" ]] && continue
    if [[ -n "${FILTER:-}" ]] && ! grep -Eq -- "$FILTER" <<<"$name/$file"; then continue; fi
    index=$((index + 1))
    total=$((total + 1))
    spec="$CORPUS/$name/$file"
    work="$RESULTS/$(printf '%03d' "$index")"
    mkdir -p "$work"
    printf '%s/%s\n' "$name" "$file" >"$work/spec.txt"
    corpus_says=$(expectation "$name" "$file" "$version" "$notes")
    [[ "$corpus_says" == generate ]] && expected_total=$((expected_total + 1))

    if [[ "$GENERATOR" == sog ]]; then
        generate=("$SOG" generate "$spec" --config "$RESULTS/openapi-generator-config.yaml" --output-directory "$work/out/SOGModule")
    else
        generate=("$SPINDLE" generate --spec "$spec" --output "$work/out")
    fi
    /usr/bin/time -f '%e %M' -o "$work/time.txt" timeout -k 10 "$GEN_TIMEOUT" "${generate[@]}" \
        >"$work/generate.out" 2>"$work/generate.err"
    rc=$?
    read -r seconds rss_kb < <(tail -n 1 "$work/time.txt" 2>/dev/null || echo "? 0")
    [[ "$seconds" =~ ^[0-9.]+$ ]] || seconds="?"
    [[ "$rss_kb" =~ ^[0-9]+$ ]] || rss_kb=0
    rss=$((rss_kb / 1024))
    # Located (`file:1:2: warning: `) and unlocated (`warning: `) warnings; not the summary line.
    grep -E '(^|: )warning: ' "$work/generate.err" >"$work/warnings.txt"
    warnings=$(wc -l <"$work/warnings.txt")
    kinds=""
    while read -r kind_count kind; do
        printf '%s/%s\t%s\t%s\n' "$name" "$file" "$kind" "$kind_count" >>"$WARNINGS_TSV"
        kind_total[$kind]=$((${kind_total[$kind]:-0} + kind_count))
        kinds+="${kinds:+, }$kind_count $kind"
    done < <(sed -nE 's/.*\[-W([a-z0-9-]+)\]$/\1/p; t; s/.*/other/p' "$work/warnings.txt" | sort | uniq -c | sort -k1,1nr -k2,2)
    errors=$(grep -v 'generation failed; nothing was written' "$work/generate.err" | grep -c 'error: ')
    summary=$(grep -E '^[0-9]+ modules?, ' "$work/generate.out" | tail -n 1)
    types=$(sed -nE 's/.* ([0-9]+) types, .*/\1/p' <<<"$summary")
    operations=$(sed -nE 's/.* ([0-9]+) operations, .*/\1/p' <<<"$summary")
    spec_operations="-"
    if [[ "$GENERATOR" == spindle && $rc -eq 0 ]]; then
        spec_operations=$(python3 "$ROOT/Scripts/spec-operations.py" "$spec")
        if [[ "$spec_operations" != "${operations:-}" ]]; then
            lost_operations+=("$name/$file: the spec declares $spec_operations operations, ${operations:-none} were generated")
        fi
    fi
    # SOG prints its diagnostics as `Error: ` or `error: `, the first right after the last line of its
    # configuration (`- Additional file comments: <none>`).
    first=$(grep -h -m 1 -iE '(^|[ >])error: ' "$work/generate.err" "$work/generate.out" | head -n 1 \
        | sed -E -e 's/^- Additional file comments: <none>//' -e "s|$CORPUS/||" | cut -c1-160)
    tc="-"
    tc_time="-"

    if [[ $rc -eq 0 ]]; then
        outcome="generated"
        module_dir=$(find "$work/out" -mindepth 1 -maxdepth 1 -type d | head -n 1)
        if [[ -z "${SKIP_TYPECHECK:-}" && -n "$module_dir" ]]; then
            mapfile -t generated < <(find "$module_dir" -name '*.swift' | sort)
            tc_start=$(date +%s.%N)
            # Batch mode on every core, as SwiftPM's debug builds compile: without it the driver starts one
            # frontend per file, each parsing the whole module again (a 241-file module: 63 s, batched 14 s).
            nice -n 10 timeout -k 10 "$TC_TIMEOUT" swiftc -typecheck -enable-batch-mode -j "$JOBS" -parse-as-library -swift-version 6 \
                -module-name "$(basename "$module_dir")" -I "$RUNTIME_MODULE" "${generated[@]}" \
                >"$work/typecheck.log" 2>&1
            tc_rc=$?
            tc_time=$(printf '%.1f' "$(echo "$(date +%s.%N) - $tc_start" | bc)")
            if [[ $tc_rc -eq 0 ]]; then
                outcome="ok"
                [[ -z "${KEEP:-}" ]] && rm -rf "$work/out"
            elif [[ $tc_rc -eq 124 || $tc_rc -eq 137 ]]; then
                outcome="typecheck-timeout"
            else
                outcome="typecheck-failed"
                first=$(grep -m 1 -E '(^| )error: ' "$work/typecheck.log" | sed -E "s|$work/out/||" | cut -c1-160)
            fi
        fi
    elif [[ $rc -eq 124 || $rc -eq 137 ]]; then
        outcome="HANG"
    elif [[ $rc -ne 1 ]]; then
        outcome="CRASH"
        first="exit status $rc: $(tail -n 3 "$work/generate.err" | tr '\n' ' ' | cut -c1-160)"
    elif [[ "$corpus_says" != generate ]] && { [[ "$GENERATOR" == sog ]] \
        || grep -Eq '^[^ :]+:[0-9]+:[0-9]+: error: ' "$work/generate.err"; }; then
        outcome="rejected:$corpus_says"
    else
        outcome="spec-errors"
    fi
    count[$outcome]=$((${count[$outcome]:-0} + 1))
    [[ "$outcome" == ok && "$corpus_says" == generate ]] && ok_expected=$((ok_expected + 1))
    first=${first//|/\\|}
    row="| $index | $name/$file | $outcome | $seconds | $rss | ${types:--} | ${operations:--} | $spec_operations | $warnings | ${kinds:--} | $errors | $tc_time | ${first} |"
    echo "$row" >>"$TABLE"
    printf '%s/%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$file" "$corpus_says" "$outcome" "$seconds" "$rss" \
        "$tc_time" "${types:--}" "${first//$'\t'/ }" >>"$ROWS_TSV"
    echo "$row"
done < <(tr '\t' '\037' <"$CORPUS/INDEX.tsv")

ok=$ok_expected
expected=$expected_total
rejected=$((${count[rejected:swagger2]:-0} + ${count[rejected:invalid-input]:-0} + ${count[rejected:unsupported-version]:-0}))
crashes=$((${count[CRASH]:-0} + ${count[HANG]:-0}))
percent=$(if [[ $expected -gt 0 ]]; then echo "scale=1; 100 * $ok / $expected" | bc; else echo 0; fi)
{
    echo
    echo "Corpus: $CORPUS ($total documents), $GENERATOR: $GENERATOR_BINARY, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "| outcome | count |"
    echo "|---|---|"
    for key in ok typecheck-failed typecheck-timeout spec-errors rejected:swagger2 rejected:unsupported-version rejected:invalid-input CRASH HANG generated; do
        [[ -n "${count[$key]:-}" ]] && echo "| $key | ${count[$key]} |"
    done
    echo
    all_warnings=0
    for kind in "${!kind_total[@]}"; do all_warnings=$((all_warnings + ${kind_total[$kind]})); done
    echo "Warnings: $all_warnings in all."
    if [[ $all_warnings -gt 0 ]]; then
        echo
        echo "| warning kind | count |"
        echo "|---|---|"
        for kind in "${!kind_total[@]}"; do echo "${kind_total[$kind]} $kind"; done | sort -k1,1nr -k2,2 \
            | while read -r kind_count kind; do echo "| $kind | $kind_count |"; done
    fi
    echo
    echo "Type-check: $ok of $expected documents expected to generate ($percent%); $rejected of $((total - expected)) expected rejections rejected; $crashes crashes or hangs."
    if [[ "$GENERATOR" == spindle ]]; then
        echo
        echo "Operations: ${#lost_operations[@]} generated documents whose operations differ from the spec's."
        for line in "${lost_operations[@]}"; do echo "- $line"; done
    fi
} | tee -a "$TABLE"
echo "logs and table: $RESULTS" >&2

if [[ $crashes -eq 0 && ${#lost_operations[@]} -eq 0 ]] && [[ $expected -eq 0 || $((100 * ok)) -ge $((95 * expected)) ]]; then exit 0; fi
exit 1
