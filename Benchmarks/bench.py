#!/usr/bin/env python3
"""Runs Spindle and swift-openapi-generator (SOG) side by side and prints one table per spec.

Called by run.sh, which builds the binaries first. Every number in one report comes from one
invocation of this script, so ratios compare runs made minutes apart on the same machine.

Measurements
  generation  one process per run: `spindle generate --spec SPEC --output DIR` (the real CLI, release)
              and `swift-openapi-generator generate DOC --mode types --mode client --access-modifier public`
              (release); wall from spawn to exit (perf_counter), peak RSS and CPU from wait4's rusage.
  stages      `spindle-gen generate SPEC DIR`: the same pipeline split with ContinuousClock in-process
              (read, YAML tree, load+refs, IR, emit, write), one process per run; `spindle-gen scan SPEC`:
              the bare libyaml event scan of the same bytes (the floor), its own process.
  paired      `spindle-gen load SPEC ROUNDS`: scan and full load alternating in one process, and `spindle-gen
              pipeline SPEC ROUNDS`: scan and whole generation alternating (the targets' ratios; medians of
              separate processes move by a quarter with the machine's drift).
  size        lines and bytes of the generated .swift files.
  compile     a scratch package per generator, debug `swift build`s: clean, the runtime packages included;
              the generated module alone, clean (its build products deleted, dependencies built); every
              generated file touched; for Stripe, after a one-field spec bump (the sources regenerated in
              place, only the files that differ written). For Stigg also a small app calling the client,
              clean. Peak memory: largest single process (wait4 maxrss); the sampled sum over the process
              tree is in results.json.
  decode      decode-bench: 1,000 Stigg customers, Spindle's Stigg models vs hand-written Codable vs SOG types.
"""

import argparse
import functools
import glob
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

PAGE = os.sysconf("SC_PAGE_SIZE")


# ---------------------------------------------------------------- process measurement


def process_table():
    """pid -> (ppid, rss bytes) for every process, from /proc."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            fields = stat[stat.rindex(")") + 2 :].split()
            table[int(entry)] = (int(fields[1]), int(fields[21]) * PAGE)
        except (OSError, ValueError, IndexError):
            continue
    return table


def descendants(root, table):
    tree = {root}
    changed = True
    while changed:
        changed = False
        for pid, (parent, _) in table.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                changed = True
    return tree


def kill_tree(root):
    """SIGKILL `root` and every descendant (swift-build starts compilers in sessions of their own)."""
    for pid in descendants(root, process_table()):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def descendants_rss(root):
    """Sum of RSS (bytes) of `root` and every descendant, read from /proc."""
    parents = {}
    rss = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            # comm may hold spaces; fields after the closing parenthesis are fixed.
            fields = stat[stat.rindex(")") + 2 :].split()
            pid = int(entry)
            parents[pid] = int(fields[1])
            rss[pid] = int(fields[21]) * PAGE
        except (OSError, ValueError, IndexError):
            continue
    total = 0
    tree = {root}
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                changed = True
    for pid in tree:
        total += rss.get(pid, 0)
    return total


def run_measured(cmd, cwd=None, timeout=None, sample_tree=False, env=None, log=None):
    """Runs `cmd`; returns dict(wall_s, maxrss_kib, cpu_s, tree_peak_kib, returncode, stdout, timed_out)."""
    out_path = (log or "/tmp/spindle-bench-last") + ".out"
    err_path = (log or "/tmp/spindle-bench-last") + ".err"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, env=env, start_new_session=True)
        peak = [0]
        done = threading.Event()
        timed_out = [False]

        def sampler():
            while not done.wait(0.2):
                try:
                    peak[0] = max(peak[0], descendants_rss(proc.pid))
                except Exception:
                    pass

        def killer():
            if not done.wait(timeout):
                timed_out[0] = True
                kill_tree(proc.pid)

        threads = []
        if sample_tree:
            threads.append(threading.Thread(target=sampler, daemon=True))
        if timeout:
            threads.append(threading.Thread(target=killer, daemon=True))
        for t in threads:
            t.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        proc.returncode = os.waitstatus_to_exitcode(status)
    with open(out_path, "rb") as f:
        stdout = f.read().decode("utf-8", "replace")
    with open(err_path, "rb") as f:
        stderr = f.read().decode("utf-8", "replace")
    return {
        "wall_s": wall,
        "maxrss_kib": usage.ru_maxrss,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "tree_peak_kib": peak[0] // 1024,
        "returncode": proc.returncode,
        "timed_out": timed_out[0],
        "stdout": stdout,
        "stderr": stderr,
    }


def check(result, what):
    if result["returncode"] != 0:
        sys.stderr.write(f"{what} failed ({result['returncode']}):\n{result['stderr'][-4000:]}\n{result['stdout'][-2000:]}\n")
        sys.exit(1)
    return result


# ---------------------------------------------------------------- statistics and formatting


def med(values):
    return statistics.median(values)


def spread(values):
    return f"{min(values):.{prec(values)}f}–{max(values):.{prec(values)}f}"


def prec(values):
    m = max(abs(v) for v in values)
    return 0 if m >= 100 else 1 if m >= 10 else 2 if m >= 1 else 3


def fmt(values, unit=""):
    values = list(values)
    if len(values) == 1:
        return f"{values[0]:.{prec(values)}f}{unit}"
    return f"{med(values):.{prec(values)}f}{unit} ({spread(values)})"


def ratio(a, b):
    return a / b if b else float("nan")


def swift_size(directory):
    lines = 0
    size = 0
    files = 0
    for root, _, names in os.walk(directory):
        for name in names:
            if name.endswith(".swift"):
                with open(os.path.join(root, name), "rb") as f:
                    data = f.read()
                files += 1
                size += len(data)
                lines += data.count(b"\n")
    return {"files": files, "lines": lines, "bytes": size}


def copy_swift(source, destination):
    os.makedirs(destination, exist_ok=True)
    for root, _, names in os.walk(source):
        for name in names:
            if name.endswith(".swift"):
                relative = os.path.relpath(os.path.join(root, name), source)
                target = os.path.join(destination, relative)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copyfile(os.path.join(root, name), target)


def sync_swift(source_dir, dest_dir):
    """Makes the .swift files under `dest_dir` those of `source_dir`, writing only the files whose bytes
    differ (unchanged files keep their modification times); returns the number of files changed."""
    wanted = set()
    changed = 0
    for root, _, names in os.walk(source_dir):
        for name in names:
            if name.endswith(".swift"):
                relative = os.path.relpath(os.path.join(root, name), source_dir)
                wanted.add(relative)
                with open(os.path.join(root, name), "rb") as f:
                    data = f.read()
                target = os.path.join(dest_dir, relative)
                if os.path.exists(target):
                    with open(target, "rb") as f:
                        if f.read() == data:
                            continue
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as f:
                    f.write(data)
                changed += 1
    for root, _, names in os.walk(dest_dir):
        for name in names:
            path = os.path.join(root, name)
            if name.endswith(".swift") and os.path.relpath(path, dest_dir) not in wanted:
                os.remove(path)
                changed += 1
    return changed


# ---------------------------------------------------------------- generation


SOG_CONFIG = "generate:\n  - types\n  - client\naccessModifier: public\n"


def bench_generation(spec, args, work):
    name = spec["name"]
    out = os.path.join(work, name)
    os.makedirs(out, exist_ok=True)
    config = os.path.join(out, "openapi-generator-config.yaml")
    with open(config, "w") as f:
        f.write(SOG_CONFIG)

    runs = {"scan": [], "stages": [], "spindle": [], "sog": []}
    spindle_out = os.path.join(out, "spindle-cli")
    stages_out = os.path.join(out, "spindle-stages")
    sog_out = os.path.join(out, "sog")
    for run in range(args.runs):
        print(f"  [{name}] generation run {run + 1}/{args.runs}", file=sys.stderr, flush=True)
        r = check(run_measured([args.spindle_gen, "scan", spec["path"]], log=os.path.join(out, "scan")), "spindle-gen scan")
        r["json"] = json.loads(r["stdout"])
        runs["scan"].append(r)

        # Spindle's process for the head-to-head: the whole pipeline, files written, in one process.
        # The previous run's output is removed first, outside the timing (the CLI's is too, below).
        shutil.rmtree(stages_out, ignore_errors=True)
        r = check(run_measured([args.spindle_gen, "generate", spec["path"], stages_out], log=os.path.join(out, "stages")), "spindle-gen generate")
        r["json"] = json.loads(r["stdout"])
        runs["stages"].append(r)

        # The spindle CLI itself (VendorGenerator.run() plus argument parsing and the name lock), when it runs.
        if args.spindle:
            shutil.rmtree(spindle_out, ignore_errors=True)
            r = run_measured([args.spindle, "generate", "--spec", spec["path"], "--output", spindle_out], log=os.path.join(out, "spindle"))
            if r["returncode"] == 0:
                runs["spindle"].append(r)
            else:
                first = next((l for l in r["stderr"].splitlines() if "rror" in l or "crash" in l or "Fatal" in l), r["stderr"][:200])
                runs.setdefault("spindle_failures", []).append(f"exit {r['returncode']}: {first.strip()}")

        # SOG takes one document: a merged spec is generated document by document (the walls add up).
        total = {"wall_s": 0.0, "cpu_s": 0.0, "maxrss_kib": 0}
        for doc in spec["sog_docs"]:
            stem = os.path.splitext(os.path.basename(doc))[0]
            target = os.path.join(sog_out, stem)
            shutil.rmtree(target, ignore_errors=True)
            os.makedirs(target)
            r = check(
                run_measured(
                    [args.sog, "generate", doc, "--config", config, "--output-directory", target],
                    log=os.path.join(out, "sog-" + stem),
                ),
                "swift-openapi-generator generate " + doc,
            )
            total["wall_s"] += r["wall_s"]
            total["cpu_s"] += r["cpu_s"]
            total["maxrss_kib"] = max(total["maxrss_kib"], r["maxrss_kib"])
        runs["sog"].append(total)

    # The staged pipeline must produce exactly what the CLI writes (when the CLI ran).
    identical = None
    if runs["spindle"]:
        module_dirs = [d for d in os.listdir(spindle_out) if os.path.isdir(os.path.join(spindle_out, d))]
        assert len(module_dirs) == 1, module_dirs
        cli_module = os.path.join(spindle_out, module_dirs[0])
        identical = check(run_measured([args.spindle_gen, "compare", stages_out, cli_module]), "compare staged output with spindle CLI output")["stdout"].strip()

    # The full load against the scan, paired round by round in one process: the machine's speed drifts by
    # a quarter between the processes above, which moves a ratio of their medians as much as any change.
    print(f"  [{name}] paired scan and full load", file=sys.stderr, flush=True)
    paired = check(run_measured([args.spindle_gen, "load", spec["path"], str(args.load_rounds)], log=os.path.join(out, "load")), "spindle-gen load")
    paired["json"] = json.loads(paired["stdout"])
    print(f"  [{name}] paired scan and whole generation", file=sys.stderr, flush=True)
    pipeline = check(
        run_measured([args.spindle_gen, "pipeline", spec["path"], str(args.pipeline_rounds)], log=os.path.join(out, "pipeline")),
        "spindle-gen pipeline")
    pipeline["json"] = json.loads(pipeline["stdout"])

    return {
        "runs": runs,
        "paired": paired["json"],
        "paired_generation": pipeline["json"],
        "identical": identical,
        "spindle_dir": stages_out,
        "sog_dir": sog_out,
        "spindle_size": swift_size(stages_out),
        "sog_size": swift_size(sog_out),
    }


# ---------------------------------------------------------------- compile


def spindle_package(directory, module_dir, module, spindle_root):
    # The target takes the generated module's name: generated code qualifies types with it (`Stripe.File`).
    # SpindleRuntime comes from a package of its own beside it (a symlink to the repository's sources): the
    # repository's package also has vendor targets named like generated modules (`Stigg`), and SwiftPM
    # refuses two targets of one name in a package graph. It is also what an app builds: the runtime alone.
    shutil.rmtree(directory, ignore_errors=True)
    runtime = os.path.join(directory, "runtime")
    os.makedirs(os.path.join(runtime, "Sources"))
    os.symlink(os.path.join(os.path.abspath(spindle_root), "Sources", "SpindleRuntime"), os.path.join(runtime, "Sources", "SpindleRuntime"))
    with open(os.path.join(runtime, "Package.swift"), "w") as f:
        f.write(
            """// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "SpindleRuntime",
    platforms: [.macOS(.v14)],
    products: [.library(name: "SpindleRuntime", targets: ["SpindleRuntime"])],
    targets: [.target(name: "SpindleRuntime", swiftSettings: [.swiftLanguageMode(.v6)])]
)
"""
        )
    copy_swift(module_dir, os.path.join(directory, "Sources", module))
    with open(os.path.join(directory, "Package.swift"), "w") as f:
        f.write(
            f"""// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "SpindleCompile",
    platforms: [.macOS(.v14)],
    products: [.library(name: "{module}", targets: ["{module}"])],
    dependencies: [.package(path: "runtime")],
    targets: [
        .target(
            name: "{module}", dependencies: [.product(name: "SpindleRuntime", package: "runtime")],
            swiftSettings: [.swiftLanguageMode(.v6)])
    ]
)
"""
        )


def sog_target(stem):
    """The scratch package's target for the SOG output of the document `stem`.yaml."""
    return "Client" + "".join(part.capitalize() for part in stem.replace("-", "_").split("_"))


def sog_package(directory, sog_dir):
    shutil.rmtree(directory, ignore_errors=True)
    # One module per generated document (Stigg's two documents would clash in one module).
    targets = []
    for stem in sorted(os.listdir(sog_dir)):
        module = sog_target(stem)
        copy_swift(os.path.join(sog_dir, stem), os.path.join(directory, "Sources", module))
        targets.append(module)
    products = ", ".join(f'.library(name: "{t}", targets: ["{t}"])' for t in targets)
    target_lines = ",\n".join(
        f"""        .target(
            name: "{t}",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)])"""
        for t in targets
    )
    with open(os.path.join(directory, "Package.swift"), "w") as f:
        f.write(
            f"""// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "SOGCompile",
    platforms: [.macOS(.v14)],
    products: [{products}],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", exact: "1.4.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.7.0"),
    ],
    targets: [
{target_lines}
    ]
)
"""
        )
    return targets


def touch_sources(directory):
    now = time.time()
    for root, _, names in os.walk(os.path.join(directory, "Sources")):
        for name in names:
            os.utime(os.path.join(root, name), (now, now))


def remove_module_products(directory, targets):
    """Deletes what building `targets` produced but output-file-map.json and sources (SwiftPM needs those
    two), so that the next build compiles those modules from scratch and nothing else."""
    build = os.path.join(directory, ".build")
    # `.build/debug` is usually a link to `.build/<triple>/debug`: every folder once, by its real path.
    debug_dirs = {os.path.realpath(d) for d in glob.glob(os.path.join(build, "*", "debug")) + [os.path.join(build, "debug")] if os.path.isdir(d)}
    for debug in sorted(debug_dirs):
        for target in targets:
            for root, _, names in os.walk(os.path.join(debug, target + ".build")):
                for name in names:
                    if name not in ("output-file-map.json", "sources"):
                        os.remove(os.path.join(root, name))
            for path in glob.glob(os.path.join(debug, "Modules", glob.escape(target) + ".*")):
                if os.path.isdir(path) and not os.path.islink(path):
                    shutil.rmtree(path)
                else:
                    os.remove(path)


BUMP_FIELD = b"""        spindle_bump_note:
          description: A field added by a spec bump.
          nullable: true
          type: string
"""


def bumped_stripe_spec(spec_path, work):
    """Copies Stripe's spec3.yaml with one property added to the `customer` schema; returns the copy's path.
    The copy's folder is named like the original's: Spindle names the module after it."""
    with open(spec_path, "rb") as f:
        lines = f.readlines()
    try:
        customer = lines.index(b"    customer:\n", lines.index(b"  schemas:\n"))
        properties = lines.index(b"      properties:\n", customer + 1)
    except ValueError:
        raise RuntimeError(f"{spec_path}: no `    customer:` schema with `      properties:` under components.schemas") from None
    lines.insert(properties + 1, BUMP_FIELD)
    folder = os.path.join(work, "stripe-bumped", os.path.basename(os.path.dirname(os.path.abspath(spec_path))))
    os.makedirs(folder, exist_ok=True)
    config = os.path.join(os.path.dirname(spec_path), "spindle.yaml")
    if os.path.exists(config):
        shutil.copyfile(config, os.path.join(folder, "spindle.yaml"))
    path = os.path.join(folder, os.path.basename(spec_path))
    with open(path, "wb") as f:
        f.writelines(lines)
    return path


def regenerate(command, scratch, destination):
    """A bench_compile bump: runs the generator `command` with the fresh output folder `scratch` appended,
    then syncs `destination` with what it wrote; returns the number of files changed."""
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    check(run_measured(command + [scratch], log=scratch), " ".join(os.path.basename(c) for c in command[:2]) + " (bumped spec)")
    return sync_swift(scratch, destination)


# Compile phases, in report order.
COMPILE_PHASES = {
    "clean": "clean build, with dependencies",
    "module": "generated module, clean (dependencies built)",
    "touch": "every generated file touched",
    "bump": "after a one-field spec bump",
    "app": "Stigg app (`StiggApp`, one list call), clean build with dependencies",
}


def timed_build(label, phase, directory, args, run):
    """`swift build` in `directory`, measured, with its `status`; a failure is printed."""
    print(f"  [{label}] {COMPILE_PHASES[phase]}: build {run + 1}/{args.compile_runs} (timeout {args.compile_timeout}s)", file=sys.stderr, flush=True)
    r = run_measured(["swift", "build"], cwd=directory, timeout=args.compile_timeout, sample_tree=True, log=os.path.join(directory, f"build-{phase}-build"))
    r["status"] = "timeout" if r["timed_out"] else ("ok" if r["returncode"] == 0 else f"failed ({r['returncode']})")
    if r["status"] != "ok":
        sys.stderr.write(f"{label}: {phase} build {r['status']}\n{r['stderr'][-3000:]}\n{r['stdout'][-3000:]}\n")
    return r


def bench_compile(label, directory, targets, args, bump=None):
    """Per run: `clean` (`swift package clean`, `swift build`: dependencies included); `module` (the generated
    `targets`' build products deleted, then built again); `touch` (every generated file touched); and with
    `bump`, a callable that regenerates the sources in place from a bumped spec and returns the number of
    files it changed, `bump` (the build after it)."""
    log = os.path.join(directory, "build")
    print(f"  [{label}] resolving", file=sys.stderr, flush=True)
    check(run_measured(["swift", "package", "resolve"], cwd=directory, log=log + "-resolve"), f"{label}: resolve")
    phases = ["clean", "module"] + ([] if args.skip_touch else ["touch"]) + (["bump"] if bump else [])
    results = {phase: [] for phase in phases}
    sources = os.path.join(directory, "Sources")
    unbumped = os.path.join(directory, ".sources-unbumped")
    if bump:
        # What a run's bump is undone with before the next run, outside the timing.
        shutil.rmtree(unbumped, ignore_errors=True)
        shutil.copytree(sources, unbumped)
    for run in range(args.compile_runs):
        if bump and run:
            sync_swift(unbumped, sources)
        check(run_measured(["swift", "package", "clean"], cwd=directory, log=log + "-clean"), f"{label}: clean")
        for phase in phases:
            changed = None
            if phase == "module":
                remove_module_products(directory, targets)
                os.utime(os.path.join(directory, "Package.swift"))
            elif phase == "touch":
                touch_sources(directory)
            elif phase == "bump":
                changed = bump()
            r = timed_build(label, phase, directory, args, run)
            if changed is not None:
                r["files_changed"] = changed
            results[phase].append(r)
            if r["status"] != "ok":
                return results
    return results


SPINDLE_STIGG_APP = """import Stigg

let client = StiggClient(apiKey: "unused")
Task {
    let page = try await client.customers.list(limit: 1)
    print(page)
}
"""

SOG_STIGG_APP = """import ClientCustomers
import Foundation
import OpenAPIURLSession

let client = Client(serverURL: URL(string: "https://api.stigg.io")!, transport: URLSessionTransport())
Task {
    let page = try await client.CustomerController_getCustomers()
    print(page)
}
"""


def app_package(directory, dependencies, products, main):
    """A scratch package with one executable target, StiggApp, whose main.swift is `main`."""
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(os.path.join(directory, "Sources", "StiggApp"))
    with open(os.path.join(directory, "Sources", "StiggApp", "main.swift"), "w") as f:
        f.write(main)
    dependency_list = ", ".join(dependencies)
    product_list = ", ".join(products)
    with open(os.path.join(directory, "Package.swift"), "w") as f:
        f.write(
            f"""// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "StiggApp",
    platforms: [.macOS(.v14)],
    dependencies: [{dependency_list}],
    targets: [
        .executableTarget(
            name: "StiggApp", dependencies: [{product_list}],
            swiftSettings: [.swiftLanguageMode(.v6)])
    ]
)
"""
        )


def bench_app(label, directory, args):
    """Clean builds of an app package (`swift package clean`, `swift build`): the app and all it uses."""
    log = os.path.join(directory, "build")
    print(f"  [{label}] resolving", file=sys.stderr, flush=True)
    check(run_measured(["swift", "package", "resolve"], cwd=directory, log=log + "-resolve"), f"{label}: resolve")
    results = []
    for run in range(args.compile_runs):
        check(run_measured(["swift", "package", "clean"], cwd=directory, log=log + "-clean"), f"{label}: clean")
        r = timed_build(label, "app", directory, args, run)
        results.append(r)
        if r["status"] != "ok":
            break
    return results


# ---------------------------------------------------------------- report


def stage_values(gen, key):
    return [r["json"]["stages"].get(key, 0.0) for r in gen["runs"]["stages"]]


def report_spec(spec, gen, comp, lines):
    runs = gen["runs"]
    name = spec["name"]
    scan = [r["json"]["stages"]["scan"] for r in runs["scan"]]
    tree = stage_values(gen, "tree")
    load = stage_values(gen, "load+refs")
    ir = stage_values(gen, "ir")
    emit = stage_values(gen, "emit")
    read = stage_values(gen, "read")
    write = stage_values(gen, "write")
    pipeline = [t + l + i + e for t, l, i, e in zip(tree, load, ir, emit)]
    loaded = [t + l for t, l in zip(tree, load)]
    sp_wall = [r["wall_s"] for r in runs["stages"]]
    sog_wall = [r["wall_s"] for r in runs["sog"]]
    sp_rss = [r["maxrss_kib"] / 1024 for r in runs["stages"]]
    sog_rss = [r["maxrss_kib"] / 1024 for r in runs["sog"]]
    sp_cpu = [r["cpu_s"] for r in runs["stages"]]
    sog_cpu = [r["cpu_s"] for r in runs["sog"]]
    first = runs["stages"][0]["json"]
    scan_json = runs["scan"][0]["json"]
    n = len(sp_wall)
    sog_note = " + ".join(os.path.basename(d) for d in spec["sog_docs"])

    lines.append(f"### {name}: `{spec['path']}`")
    lines.append("")
    lines.append(
        f"Input {scan_json['inputBytes']:,} bytes, {scan_json['events']:,} libyaml events, {first['treeNodes']:,} tree nodes; "
        f"Spindle: {first['types']:,} types, {first['operations']:,} operations. SOG input: {sog_note}. "
        f"{n} runs each, interleaved; median (min–max)."
    )
    lines.append("")
    lines.append("| Generation (one process per run, release, files written) | Spindle (`spindle-gen generate`) | SOG | SOG ÷ Spindle |")
    lines.append("| --- | ---: | ---: | ---: |")
    lines.append(f"| wall time | {fmt([v * 1000 for v in sp_wall], ' ms')} | {fmt([v * 1000 for v in sog_wall], ' ms')} | {ratio(med(sog_wall), med(sp_wall)):.1f}x |")
    lines.append(f"| CPU time (user+sys) | {fmt([v * 1000 for v in sp_cpu], ' ms')} | {fmt([v * 1000 for v in sog_cpu], ' ms')} | {ratio(med(sog_cpu), med(sp_cpu)):.1f}x |")
    lines.append(f"| peak RSS | {fmt(sp_rss, ' MiB')} | {fmt(sog_rss, ' MiB')} | {ratio(med(sog_rss), med(sp_rss)):.1f}x |")
    if runs["spindle"]:
        cli_wall = [r["wall_s"] * 1000 for r in runs["spindle"]]
        cli_rss = [r["maxrss_kib"] / 1024 for r in runs["spindle"]]
        lines.append(
            f"| `spindle generate --spec` CLI: wall, peak RSS | {fmt(cli_wall, ' ms')}, {fmt(cli_rss, ' MiB')} | | "
            f"{ratio(med(sog_wall) * 1000, med(cli_wall)):.1f}x |"
        )
    for failure in sorted(set(runs.get("spindle_failures", []))):
        lines.append(f"| `spindle generate --spec` CLI | failed: {failure.replace('|', '/')} | | |")
    ss, gs = gen["spindle_size"], gen["sog_size"]
    lines.append(f"| generated Swift: files | {ss['files']:,} | {gs['files']:,} | |")
    lines.append(f"| generated Swift: lines | {ss['lines']:,} | {gs['lines']:,} | {ratio(gs['lines'], ss['lines']):.2f}x |")
    lines.append(f"| generated Swift: bytes | {ss['bytes']:,} | {gs['bytes']:,} | {ratio(gs['bytes'], ss['bytes']):.2f}x |")
    lines.append("")
    m_scan = med(scan)
    lines.append("| Spindle stage (in-process, ContinuousClock) | ms | × scan floor |")
    lines.append("| --- | ---: | ---: |")
    lines.append(f"| read file(s) | {fmt(read)} | |")
    lines.append(f"| **floor: bare libyaml event scan** | {fmt(scan)} | 1.00 |")
    lines.append(f"| YAML tree (`YAMLDocument.parse`) | {fmt(tree)} | {med(tree) / m_scan:.2f} |")
    lines.append(f"| OpenAPI model + `$ref`s (after tree) | {fmt(load)} | {med(load) / m_scan:.2f} |")
    lines.append(f"| IR | {fmt(ir)} | {med(ir) / m_scan:.2f} |")
    lines.append(f"| emit (templates + surface JSON) | {fmt(emit)} | {med(emit) / m_scan:.2f} |")
    lines.append(f"| write files | {fmt(write)} | |")
    lines.append(f"| **full load with refs (tree + model)** | {fmt(loaded)} | **{med(loaded) / m_scan:.2f}** |")
    lines.append(f"| **generation (tree + model + IR + emit)** | {fmt(pipeline)} | **{med(pipeline) / m_scan:.2f}** |")
    paired = gen["paired"]
    lines.append(
        f"| **full load ÷ scan, paired in one process** ({paired['rounds']} rounds; scan {paired['scanMedianMs']:.3g} ms, "
        f"tree {paired['treeMedianMs']:.3g} ms, full load {paired['loadMedianMs']:.3g} ms, medians) | | **{paired['ratioMedian']:.2f}** |"
    )
    whole = gen["paired_generation"]
    per_stage = ", ".join(f"{stage} {whole['stageRatioMedians'][stage]:.2f}" for stage in ("tree", "load+refs", "ir", "emit"))
    lines.append(
        f"| **generation ÷ scan, paired in one process** ({whole['rounds']} rounds; scan {whole['scanMedianMs']:.3g} ms, "
        f"generation {whole['generationMedianMs']:.4g} ms, medians; × scan by stage: {per_stage}) | | **{whole['ratioMedian']:.2f}** |"
    )
    stage_rss = [r["maxrss_kib"] / 1024 for r in runs["stages"]]
    scan_rss = [r["maxrss_kib"] / 1024 for r in runs["scan"]]
    lines.append("")
    lines.append(f"Peak RSS: scan process {fmt(scan_rss, ' MiB')}, generation process {fmt(stage_rss, ' MiB')}." + (f" Output check: {gen['identical']} (staged pipeline = spindle CLI)." if gen["identical"] else ""))
    lines.append("")

    summary = {
        "gen_speedup": ratio(med(sog_wall), med(sp_wall)),
        "gen_over_scan": med(pipeline) / m_scan,
        "paired_gen_over_scan": gen["paired_generation"]["ratioMedian"],
        "load_over_scan": med(loaded) / m_scan,
        "paired_load_over_scan": gen["paired"]["ratioMedian"],
        "mem_ratio": ratio(med(sp_rss), med(sog_rss)),
        "lines_ratio": ratio(ss["lines"], gs["lines"]),
    }

    if comp:
        lines.append("| Compile (debug, 2 cores) | Spindle + SpindleRuntime | SOG + OpenAPIRuntime + URLSession | SOG ÷ Spindle |")
        lines.append("| --- | ---: | ---: | ---: |")

        def cell(results, key, scale, unit):
            ok = [r for r in results if r.get("status") == "ok"]
            if not results:
                return "not run", None
            if not ok:
                r = results[-1]
                return f"{r['status']} after {r['wall_s']:.0f} s (largest process {r['maxrss_kib'] / 1024:.0f} MiB)", None
            values = [r[key] * scale for r in ok]
            return fmt(values, unit), med(values)

        def files_changed(results):
            return ", ".join(sorted({f"{r['files_changed']:,}" for r in results if "files_changed" in r})) or "—"

        summary["compile"] = {}
        for phase, title in COMPILE_PHASES.items():
            if phase not in comp["spindle"] and phase not in comp["sog"]:
                continue
            spindle, sog = comp["spindle"].get(phase, []), comp["sog"].get(phase, [])
            summary["compile"][phase] = {}
            for key, scale, unit, what in (
                ("wall_s", 1, " s", "wall"),
                ("cpu_s", 1, " s", "CPU (user+sys)"),
                ("maxrss_kib", 1 / 1024, " MiB", "peak RSS, largest process"),
            ):
                a, av = cell(spindle, key, scale, unit)
                b, bv = cell(sog, key, scale, unit)
                r = f"{bv / av:.1f}x" if av and bv else "—"
                lines.append(f"| {title}: {what} | {a} | {b} | {r} |")
                summary["compile"][phase][key] = (av, bv)
            if phase == "bump":
                lines.append(f"| {title}: files changed | {files_changed(spindle)} | {files_changed(sog)} | |")
        lines.append("")
    return summary


def report_decode(decode, lines):
    c = decode["candidates"]
    base = c["handwritten"]["median"]
    mb = decode["bytes"] / 1e6
    lines.append(
        f"### Decoding {decode['customers']:,} Stigg customers ({decode['bytes']:,} bytes of JSON), "
        f"{c['spindle']['rounds']} interleaved rounds, ms per decode"
    )
    lines.append("")
    lines.append("| Models (decoder) | median ms (min–max) | MB/s | × hand-written |")
    lines.append("| --- | ---: | ---: | ---: |")
    labels = {
        "spindle": "Spindle `Stigg.CustomerListResponse` (`JSONCoding.makeDecoder()`)",
        "handwritten": "hand-written synthesized Codable (`JSONCoding.makeDecoder()`)",
        "sog": "SOG `Components.Schemas.CustomerListResponseDto` (`JSONCoding.makeDecoder()`)",
        "sog-runtime": "SOG types, OpenAPIRuntime decoder (`ISO8601DateTranscoder.iso8601WithFractionalSeconds`)",
        "handwritten-formatstyle": "hand-written, Foundation `Date.ISO8601FormatStyle` decoder",
    }
    for key in decode["order"]:
        v = c[key]
        lines.append(
            f"| {labels.get(key, key)} | {v['median']:.2f} ({v['min']:.2f}–{v['max']:.2f}) | {mb / (v['median'] / 1000):.1f} | {v['median'] / base:.2f} |"
        )
    lines.append("")
    return c["spindle"]["median"] / base


def compile_target(what, name, measured, met):
    """A Targets row from compile results; `measured` is None when a build did not finish."""
    if measured is None:
        return f"| {what} | {name} | incomplete (see compile table) | — |"
    return f"| {what} | {name} | {measured} | {'met' if met else 'MISSED'} |"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spec", action="append", default=[], help="NAME=SPEC[:SOG_DOC[+SOG_DOC...]] (SOG_DOC defaults to SPEC)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--load-rounds", type=int, default=31, help="rounds of the paired scan and full load")
    parser.add_argument("--pipeline-rounds", type=int, default=11, help="rounds of the paired scan and whole generation")
    parser.add_argument("--compile", action="append", default=[], help="spec names whose outputs are compiled")
    parser.add_argument("--compile-runs", type=int, default=1)
    parser.add_argument("--skip-touch", action="store_true", help="leave out the every-file-touched rebuild")
    parser.add_argument("--compile-timeout", type=int, default=3600)
    parser.add_argument("--decode-fixture")
    parser.add_argument("--decode-count", type=int, default=1000)
    parser.add_argument("--decode-rounds", type=int, default=30)
    parser.add_argument("--spindle-gen", required=True)
    parser.add_argument("--spindle", help="the spindle CLI, also timed (optional)")
    parser.add_argument("--sog", required=True)
    parser.add_argument("--decode-bench")
    parser.add_argument("--spindle-root", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--report", help="also write the markdown report here")
    args = parser.parse_args()

    os.makedirs(args.work, exist_ok=True)
    specs = []
    for item in args.spec:
        name, rest = item.split("=", 1)
        path, _, docs = rest.partition(":")
        specs.append({"name": name, "path": path, "sog_docs": docs.split("+") if docs else [path]})

    lines = []
    summaries = {}
    raw = {}
    for spec in specs:
        print(f"== {spec['name']}", file=sys.stderr, flush=True)
        gen = bench_generation(spec, args, args.work)
        comp = None
        if spec["name"] in args.compile:
            root = os.path.join(args.work, spec["name"], "compile")
            module = gen["runs"]["stages"][0]["json"]["module"]
            spindle_dir, sog_dir = os.path.join(root, "spindle"), os.path.join(root, "sog")
            spindle_package(spindle_dir, gen["spindle_dir"], module, args.spindle_root)
            sog_targets = sog_package(sog_dir, gen["sog_dir"])
            spindle_bump = sog_bump = None
            if spec["name"] == "stripe":
                # The bumped spec goes through the same commands as the packages' sources (bench_generation).
                bumped = bumped_stripe_spec(spec["path"], args.work)
                config = os.path.join(args.work, spec["name"], "openapi-generator-config.yaml")
                sog_bumped_target = sog_target(os.path.splitext(os.path.basename(spec["path"]))[0])
                assert sog_bumped_target in sog_targets, (sog_bumped_target, sog_targets)
                spindle_bump = functools.partial(
                    regenerate, [args.spindle_gen, "generate", bumped], os.path.join(root, "bumped-spindle"), os.path.join(spindle_dir, "Sources", module))
                sog_bump = functools.partial(
                    regenerate, [args.sog, "generate", bumped, "--config", config, "--output-directory"], os.path.join(root, "bumped-sog"),
                    os.path.join(sog_dir, "Sources", sog_bumped_target))
            comp = {
                "spindle": bench_compile(f"{spec['name']} spindle compile", spindle_dir, [module], args, spindle_bump),
                "sog": bench_compile(f"{spec['name']} SOG compile", sog_dir, sog_targets, args, sog_bump),
            }
            if spec["name"] == "stigg":
                # An app on each client, depending on the scratch package above by path.
                apps = {
                    "spindle": (['.package(path: "../spindle")'], [f'.product(name: "{module}", package: "spindle")'], SPINDLE_STIGG_APP),
                    "sog": (
                        ['.package(path: "../sog")', '.package(url: "https://github.com/apple/swift-openapi-urlsession", exact: "1.4.0")'],
                        [f'.product(name: "{sog_target("customers")}", package: "sog")', '.product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession")'],
                        SOG_STIGG_APP,
                    ),
                }
                for generator, (dependencies, products, code) in apps.items():
                    directory = os.path.join(root, "app-" + generator)
                    app_package(directory, dependencies, products, code)
                    built = comp[generator]["clean"] and comp[generator]["clean"][-1]["status"] == "ok"
                    comp[generator]["app"] = bench_app(f"stigg {generator} app", directory, args) if built else []
        summaries[spec["name"]] = report_spec(spec, gen, comp, lines)
        raw[spec["name"]] = {"generation": gen, "compile": comp}

    decode_ratio = None
    if args.decode_fixture:
        print("== decode", file=sys.stderr, flush=True)
        r = check(
            run_measured([args.decode_bench, args.decode_fixture, str(args.decode_count), str(args.decode_rounds)], log=os.path.join(args.work, "decode")),
            "decode-bench",
        )
        decode = json.loads(r["stdout"])
        raw["decode"] = decode
        decode_ratio = report_decode(decode, lines)

    # Targets (the Stripe spec is the reference; every spec is listed).
    lines.append("### Targets")
    lines.append("")
    lines.append("| Target | Spec | Measured | Met? |")
    lines.append("| --- | --- | ---: | :---: |")
    for name, s in summaries.items():
        lines.append(f"| generation ≥ 10x faster than SOG (process wall) | {name} | {s['gen_speedup']:.1f}x | {'met' if s['gen_speedup'] >= 10 else 'MISSED'} |")
        lines.append(
            f"| generation ≤ 3x the bare scan (paired in one process; separate processes: {s['gen_over_scan']:.2f}x) "
            f"| {name} | {s['paired_gen_over_scan']:.2f}x | {'met' if s['paired_gen_over_scan'] <= 3 else 'MISSED'} |"
        )
        lines.append(
            f"| full load with refs ≤ 2x the bare scan (paired in one process; separate processes: {s['load_over_scan']:.2f}x) "
            f"| {name} | {s['paired_load_over_scan']:.2f}x | {'met' if s['paired_load_over_scan'] <= 2 else 'MISSED'} |"
        )
        lines.append(f"| generation peak memory ≤ 1/4 SOG's | {name} | {s['mem_ratio']:.3f} | {'met' if s['mem_ratio'] <= 0.25 else 'MISSED'} |")
        lines.append(f"| generated lines ≤ 1/2 SOG's | {name} | {s['lines_ratio']:.2f} | {'met' if s['lines_ratio'] <= 0.5 else 'MISSED'} |")
        compiled = s.get("compile", {})
        if "module" in compiled:
            a, b = compiled["module"]["wall_s"]
            lines.append(compile_target("generated module clean build ≥ 10x faster than SOG's", name, f"{b / a:.1f}x" if a and b else None, a and b and b / a >= 10))
        if "bump" in compiled:
            a, _ = compiled["bump"]["wall_s"]
            lines.append(compile_target("incremental build after a one-field bump < 15 s", name, f"{a:.1f} s" if a else None, a and a < 15))
        if "module" in compiled:
            a, b = compiled["module"]["maxrss_kib"]
            lines.append(compile_target("largest compiler process ≤ 1/20 of SOG's", name, f"{a / b:.3f}" if a and b else None, a and b and a / b <= 1 / 20))
    if decode_ratio is not None:
        lines.append(f"| decoding within 1.3x of hand-written Codable | stigg | {decode_ratio:.2f}x | {'met' if decode_ratio <= 1.3 else 'MISSED'} |")
    lines.append("")

    text = "\n".join(lines)
    print(text)
    if args.report:
        with open(args.report, "w") as f:
            f.write(text + "\n")

    def strip(o):
        if isinstance(o, dict):
            return {k: strip(v) for k, v in o.items() if k not in ("stdout", "stderr")}
        if isinstance(o, list):
            return [strip(v) for v in o]
        return o

    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump(strip(raw), f, indent=1, default=str)


if __name__ == "__main__":
    main()
