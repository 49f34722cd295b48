#!/usr/bin/env bash
# Instruction profiles (valgrind callgrind) of Spindle's generation: whole run and stage by stage.
#
#   Benchmarks/profile.sh SPEC [OUTDIR]
#
# Needs the release spindle-gen (Benchmarks/run.sh builds it). Writes OUTDIR/*.cg (default
# /tmp/spindle-profile) and prints (1) instructions per stage and their ratio to the bare libyaml
# scan, (2) the top functions per stage: exclusive (self) cost, counting only instructions executed
# inside that stage's entry point, and inclusive cost, (3) who calls Foundation's
# replacingOccurrences / trimmingCharacters. callgrind counts instructions, so the numbers repeat run
# to run however loaded the machine is; it runs about 50x slower than native (minutes on Stripe).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
spec="${1:?usage: profile.sh SPEC [OUTDIR]}"
out="${2:-/tmp/spindle-profile}"
bin="$here/.build/release/spindle-gen"
mkdir -p "$out"

# Mangled entry points: YAMLEventScan.countEvents(in:), YAMLDocument.parse(_:file:limits:),
# SpecLoader.loadAPI(fragments:), IRBuilder.build(), SwiftEmitter.render().
declare -A entry=(
    [scan]='$s11SpindleYAML13YAMLEventScanO11countEvents2inSiSays5UInt8VG_tKFZ'
    [tree]='$s11SpindleYAML12YAMLDocumentC5parse_4file6limitsACSays5UInt8VG_SSAA10YAMLLimitsVtAA15DiagnosticErrorVYKFZ'
    [load]='$s14SpindleOpenAPI10SpecLoaderC04loadC09fragmentsAA14APIDescriptionVSgSaySSG_tF'
    [ir]='$s9SpindleIR9IRBuilderC5buildAA8IRModuleVyF'
    [emit]='$s16SpindleGenerator12SwiftEmitterV6renderSayAA13GeneratedFileVGyKF'
)

profile() {  # NAME MODE [TOGGLE]
    local name="$1" mode="$2" toggle="${3:-}"
    local args=(--tool=callgrind --callgrind-out-file="$out/$name.cg")
    [[ -n "$toggle" ]] && args+=(--toggle-collect="$toggle")
    valgrind "${args[@]}" "$bin" "$mode" "$spec" >"$out/$name.json" 2>"$out/$name.log"
}

# Two at a time on two cores.
profile all generate & profile scan scan "${entry[scan]}" & wait
profile tree generate "${entry[tree]}" & profile load generate "${entry[load]}" & wait
profile ir generate "${entry[ir]}" & profile emit generate "${entry[emit]}" & wait

total() { grep -E '^(summary|totals):' "$out/$1.cg" | head -1 | awk '{print $2}'; }
scan_ir=$(total scan)
echo "== instructions per stage (callgrind), ratio to the bare scan"
printf '%-10s %16s %8s\n' stage instructions "x scan"
for stage in scan tree load ir emit; do
    n=$(total "$stage")
    [[ "$stage" == emit ]] && stage="emit, main thread only"
    printf '%-10s %16s %8.2f\n' "$stage" "$n" "$(awk -v a="$n" -v b="$scan_ir" 'BEGIN { print a / b }')"
done
# The toggled emit profile counts only the thread that calls render(): files rendered on the other
# core are missing from it (its function list is still the main thread's share). The untoggled whole
# run counts every thread, so emit is also given as the whole run minus the other stages (reading the
# files and start-up, a few million instructions, stay in it).
rest=$(( $(total all) - $(total tree) - $(total load) - $(total ir) ))
printf '%-10s %16s %8.2f   (whole run minus tree, load and ir: every thread)\n' "emit, all" "$rest" \
    "$(awk -v a="$rest" -v b="$scan_ir" 'BEGIN { print a / b }')"
printf '%-10s %16s %8.2f\n' "whole run" "$(total all)" "$(awk -v a="$(total all)" -v b="$scan_ir" 'BEGIN { print a / b }')"

for stage in tree load ir emit; do
    echo
    echo "== $stage: exclusive (self) cost"
    callgrind_annotate "$out/$stage.cg" | sed -n '/PROGRAM TOTALS/,$p' | sed -n '4,28p' | cut -c1-200
    echo "== $stage: inclusive cost"
    callgrind_annotate --inclusive=yes "$out/$stage.cg" | sed -n '/PROGRAM TOTALS/,$p' | sed -n '4,40p' | cut -c1-200
done
echo
echo "== callers of Foundation's replacingOccurrences / trimmingCharacters (whole run)"
callgrind_annotate --tree=caller --inclusive=yes "$out/all.cg" |
    { grep -B14 -E '\*  .*(replacingOccurrences2of4with7options|trimmingCharacters2inSSAA12CharacterSetV_tF \[)' || echo "(none)"; } |
    cut -c1-200

echo
echo "== swift-mustache, whole run: variable lookups (calls of getChild) and instructions per lookup"
callgrind_annotate --tree=caller --inclusive=yes "$out/all.cg" 2>/dev/null | python3 -c '
import re, sys
lines = sys.stdin.read().splitlines()
def stats(symbol):
    """Calls (summed over callers) and inclusive instructions of the function whose name contains symbol."""
    for index, line in enumerate(lines):
        if re.search(r"\*  .*" + re.escape(symbol) + r" \[", line):
            calls, back = 0, index - 1
            while back >= 0 and "<" in lines[back]:
                match = re.search(r"\(([\d,]+)x\)", lines[back])
                calls += int(match.group(1).replace(",", "")) if match else 0
                back -= 1
            return calls, int(line.split()[0].replace(",", ""))
    return 0, 0
lookups, lookup_cost = stats("TemplateV8getChild5named10transforms7contextypSgSS_SaySSGAA0A7ContextVtF")
renders, render_cost = stats("LibraryV6render_12withTemplateSSSgyp_SStF")
if lookups:
    print(f"lookups {lookups:,}: {lookup_cost:,} instructions, {lookup_cost / lookups:,.0f} per lookup")
    print(f"template renders {renders:,}: {render_cost:,} instructions in all, {render_cost / lookups:,.0f} per lookup")
'
