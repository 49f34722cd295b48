#!/usr/bin/env python3
"""Prints how many operations an OpenAPI document declares: the HTTP-method keys of its path items
(`paths`, following local `$ref`s to path items), which is what a client generated from it should have.

    Scripts/spec-operations.py SPEC

Used by Scripts/corpus-run.sh to compare with the operations Spindle generated. Prints `?` when the
document cannot be read (the generator reports why)."""
import json
import sys

METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def load(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if path.endswith(".json"):
        try:
            return json.loads(data)
        except ValueError:
            pass
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(data, Loader=loader)


def resolve(document, node):
    seen = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/") and seen < 32:
        target = document
        for part in node["$ref"][2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target.get(part) if isinstance(target, dict) else None
        node = target
        seen += 1
    return node


def main():
    try:
        document = load(sys.argv[1])
    except Exception:
        print("?")
        return
    paths = document.get("paths") if isinstance(document, dict) else None
    count = 0
    for item in (paths or {}).values() if isinstance(paths, dict) else []:
        item = resolve(document, item)
        if isinstance(item, dict):
            count += sum(1 for key in item if isinstance(key, str) and key in METHODS)
    print(count)


main()
