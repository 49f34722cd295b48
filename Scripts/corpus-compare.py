#!/usr/bin/env python3
"""Puts two runs of Scripts/corpus-run.sh side by side, usually Spindle's and swift-openapi-generator's.

    Scripts/corpus-compare.py SPINDLE_RESULTS SOG_RESULTS [--labels Spindle,SOG]

Each argument is a results folder with the rows.tsv the script writes. Prints Markdown: the share of
the documents the corpus expects to generate that each generator generates and that type-check, the
type-check times of the documents both type-check, and one row per document expected to generate.
"""

import argparse
import csv
import os
import statistics
import sys

GENERATED = {"ok", "typecheck-failed", "typecheck-timeout"}


def load(folder):
    path = os.path.join(folder, "rows.tsv")
    if not os.path.exists(path):
        sys.exit(f"error: {path} not found (a run of Scripts/corpus-run.sh writes it)")
    with open(path, newline="") as f:
        return {row["document"]: row for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}


def seconds(row):
    try:
        return float(row["typecheck_s"])
    except (KeyError, ValueError):
        return None


def share(part, whole):
    return f"{part} of {whole} ({100 * part / whole:.1f}%)" if whole else "0 of 0"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("first")
    parser.add_argument("second")
    parser.add_argument("--labels", default="Spindle,SOG")
    args = parser.parse_args()
    labels = args.labels.split(",")
    runs = [load(args.first), load(args.second)]

    documents = sorted(set(runs[0]) | set(runs[1]))
    missing = [d for d in documents if d not in runs[0] or d not in runs[1]]
    if missing:
        print(f"warning: {len(missing)} documents are in one run only (a FILTER?); they are left out", file=sys.stderr)
    documents = [d for d in documents if d not in missing]
    expected = [d for d in documents if runs[0][d]["expected"] == "generate"]
    disagree = [d for d in expected if runs[1][d]["expected"] != "generate"]
    if disagree:
        sys.exit(f"error: the runs disagree on what is expected to generate: {disagree[:3]}")

    print(f"| {len(expected)} documents expected to generate | {labels[0]} | {labels[1]} |")
    print("|---|---|---|")
    cells = {"generates": [], "type-checks": [], "type-check fails": [], "type-check times out": [], "crashes or hangs": []}
    for run in runs:
        outcomes = [run[d]["outcome"] for d in expected]
        cells["generates"].append(share(sum(o in GENERATED for o in outcomes), len(expected)))
        cells["type-checks"].append(share(outcomes.count("ok"), len(expected)))
        cells["type-check fails"].append(str(outcomes.count("typecheck-failed")))
        cells["type-check times out"].append(str(outcomes.count("typecheck-timeout")))
        crashes = sum(run[d]["outcome"] in ("CRASH", "HANG") for d in documents)
        cells["crashes or hangs"].append(f"{crashes} (of all {len(documents)} documents)")
    for key, values in cells.items():
        print(f"| {key} | {values[0]} | {values[1]} |")

    both = [d for d in expected if runs[0][d]["outcome"] == "ok" and runs[1][d]["outcome"] == "ok"]
    if both:
        times = [[seconds(run[d]) for d in both] for run in runs]
        ratios = [b / a for a, b in zip(*times) if a and b]
        generation = [sum(float(run[d]["generate_s"]) for d in both) for run in runs]
        print()
        print(f"Times of the {len(both)} documents both generate and type-check:")
        print()
        print(f"| | {labels[0]} | {labels[1]} |")
        print("|---|---|---|")
        print(f"| generation, total (s) | {generation[0]:.0f} | {generation[1]:.0f} |")
        print(f"| type-check, total (s) | {sum(times[0]):.0f} | {sum(times[1]):.0f} |")
        print(f"| type-check, median (s) | {statistics.median(times[0]):.1f} | {statistics.median(times[1]):.1f} |")
        print(f"| type-check, largest (s) | {max(times[0]):.0f} | {max(times[1]):.0f} |")
        if ratios:
            print(f"| type-check, {labels[1]} ÷ {labels[0]}, median per document | | {statistics.median(ratios):.1f}x |")

    print()
    print(
        f"| document | {labels[0]} | types | generate (s) | type-check (s) | {labels[1]} | generate (s) "
        f"| type-check (s) | {labels[1]}'s first problem |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for d in expected:
        a, b = runs[0][d], runs[1][d]
        problem = b["first_problem"].replace("|", "\\|")[:120] if b["outcome"] != "ok" else ""
        print(
            f"| {d} | {a['outcome']} | {a['types']} | {a['generate_s']} | {a['typecheck_s']} "
            f"| {b['outcome']} | {b['generate_s']} | {b['typecheck_s']} | {problem} |"
        )


if __name__ == "__main__":
    main()
