#!/usr/bin/env python3
"""Compares the warnings of two corpus runs (Scripts/corpus-run.sh RESULTS folders).

    Scripts/corpus-warnings.py BEFORE_RESULTS AFTER_RESULTS > table.md

Prints Markdown: warnings per document (the documents with a warning in either run), the totals,
and the count of every warning kind in each run. A warning's kind is the `[-Wkind]` it ends with;
a spindle from before warning kinds printed none, so those lines are classified by their message
with the patterns below (one per message that spindle could print).
"""

import collections
import os
import re
import sys

# Messages of spindle before warning kinds, by the kind the same warning has now.
LEGACY_PATTERNS = [
    ("multiple-documents", r"more than one YAML document"),
    ("property-names", r"'propertyNames' is not supported yet"),
    ("unsupported-keyword", r"' (is|are) not supported yet; ignored"),
    ("false-schema", r"the schema 'false' accepts no value"),
    ("no-responses", r"declares no responses"),
    ("path-parameter-required", r"path parameter '.*' must be required"),
    ("unsupported-security-scheme", r"security scheme '.*' is not supported yet"),
    ("allof-non-object", r"allOf with a part that is not an object"),
    ("enum-duplicate", r"enum lists a value twice"),
    ("enum-type", r"enum values are not all strings|enum of .* values is typed as plain"),
    ("mixed-types", r"values of several types"),
    ("inline-cycle", r"leads back to a schema that contains it"),
    ("spindle-extension", r"x-spindle-timestamp must be"),
    ("unused-config", r"this entry has no effect"),
]
WARNING = re.compile(r"(^|: )warning: (?P<message>.*)$")
KIND = re.compile(r"\[-W(?P<kind>[a-z0-9-]+)\]$")


def kind_of(message):
    tagged = KIND.search(message)
    if tagged:
        return tagged.group("kind")
    for kind, pattern in LEGACY_PATTERNS:
        if re.search(pattern, message):
            return kind
    return "other"


def read_run(folder):
    """Document name -> Counter of warning kinds, for every document of the run."""
    documents = {}
    for entry in sorted(os.listdir(folder)):
        spec = os.path.join(folder, entry, "spec.txt")
        if not os.path.isfile(spec):
            continue
        with open(spec) as handle:
            name = handle.read().strip()
        kinds = collections.Counter()
        errors = os.path.join(folder, entry, "generate.err")
        if os.path.isfile(errors):
            with open(errors, errors="replace") as handle:
                for line in handle:
                    match = WARNING.search(line.rstrip("\n"))
                    if match:
                        kinds[kind_of(match.group("message"))] += 1
        documents[name] = kinds
    return documents


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    before, after = read_run(sys.argv[1]), read_run(sys.argv[2])
    names = sorted(set(before) | set(after))
    print("| document | warnings before | after |")
    print("|---|---|---|")
    quiet = 0
    for name in names:
        old, new = sum(before.get(name, {}).values()), sum(after.get(name, {}).values())
        if old == 0 and new == 0:
            quiet += 1
            continue
        print(f"| {name} | {old} | {new} |")
    total_before = sum(sum(kinds.values()) for kinds in before.values())
    total_after = sum(sum(kinds.values()) for kinds in after.values())
    print(f"| **total ({len(names)} documents, {quiet} without a warning in either run)** | **{total_before}** | **{total_after}** |")
    print()
    by_kind_before, by_kind_after = collections.Counter(), collections.Counter()
    for kinds in before.values():
        by_kind_before.update(kinds)
    for kinds in after.values():
        by_kind_after.update(kinds)
    print("| warning kind | before | after |")
    print("|---|---|---|")
    for kind in sorted(set(by_kind_before) | set(by_kind_after), key=lambda k: (-by_kind_before[k], k)):
        print(f"| {kind} | {by_kind_before[kind]} | {by_kind_after[kind]} |")


if __name__ == "__main__":
    main()
