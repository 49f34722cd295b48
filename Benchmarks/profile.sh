#!/usr/bin/env bash
# Instruction profiles (valgrind callgrind) of Spindle's generation, whole run and per stage.
#
#   Benchmarks/profile.sh SPEC [OUTDIR]
#
# Needs the release spindle-gen (Benchmarks/run.sh builds it). Writes OUTDIR/{all,load,ir,emit}.cg
# (default /tmp/spindle-profile) and prints the top functions of each: exclusive cost for the
# stage profiles (only instructions inside that stage's entry point are counted), inclusive for the
# whole run. callgrind counts instructions, so the numbers repeat run to run whatever the machine load.
# Each profile takes several minutes on Stripe's spec (about 50x slower than a native run).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
spec="${1:?usage: profile.sh SPEC [OUTDIR]}"
out="${2:-/tmp/spindle-profile}"
bin="$here/.build/release/spindle-gen"
mkdir -p "$out"

# Mangled entry points of the stages (SpecLoader.loadAPI(fragments:), IRBuilder.build(), SwiftEmitter.render()).
declare -A stages=(
    [load]='$s14SpindleOpenAPI10SpecLoaderC04loadC09fragmentsAA14APIDescriptionVSgSaySSG_tF'
    [ir]='$s9SpindleIR9IRBuilderC5buildAA8IRModuleVyF'
    [emit]='$s16SpindleGenerator12SwiftEmitterV6renderSayAA13GeneratedFileVGyKF'
)

valgrind --tool=callgrind --callgrind-out-file="$out/all.cg" "$bin" generate "$spec" >/dev/null 2>"$out/all.log" &
for stage in load ir emit; do
    valgrind --tool=callgrind --toggle-collect="${stages[$stage]}" --callgrind-out-file="$out/$stage.cg" \
        "$bin" generate "$spec" >/dev/null 2>"$out/$stage.log" &
    # Two at a time on two cores.
    [[ $stage == ir ]] && wait
done
wait

echo "== whole run, inclusive"
callgrind_annotate --inclusive=yes "$out/all.cg" | sed -n '/PROGRAM TOTALS/,$p' | head -60 | cut -c1-220
for stage in load ir emit; do
    echo "== $stage, exclusive"
    callgrind_annotate "$out/$stage.cg" | sed -n '/PROGRAM TOTALS/,$p' | head -30 | cut -c1-220
    echo "== $stage, inclusive"
    callgrind_annotate --inclusive=yes "$out/$stage.cg" | sed -n '/PROGRAM TOTALS/,$p' | head -40 | cut -c1-220
done
echo "== callers of Foundation's replacingOccurrences / trimmingCharacters (whole run)"
callgrind_annotate --tree=caller --inclusive=yes "$out/all.cg" |
    grep -B14 -E '\*  .*(replacingOccurrences2of4with7options|trimmingCharacters2inSSAA12CharacterSetV_tF \[)' | cut -c1-220
