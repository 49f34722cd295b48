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
  compile     a scratch package per generator: clean `swift build` (debug) including the runtime
              packages, then the generated module alone (every generated file touched, deps built).
              Peak memory: largest single process (wait4 maxrss) and the sampled sum over the process tree.
  decode      decode-bench: 1,000 Stigg customers, Spindle's Stigg models vs hand-written Codable vs SOG types.
"""

import argparse
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
    dependencies: [.package(path: "runtime")],
    targets: [
        .target(
            name: "{module}", dependencies: [.product(name: "SpindleRuntime", package: "runtime")],
            swiftSettings: [.swiftLanguageMode(.v6)])
    ]
)
"""
        )


def sog_package(directory, sog_dir):
    shutil.rmtree(directory, ignore_errors=True)
    # One module per generated document (Stigg's two documents would clash in one module).
    targets = []
    for stem in sorted(os.listdir(sog_dir)):
        module = "Client" + "".join(part.capitalize() for part in stem.replace("-", "_").split("_"))
        copy_swift(os.path.join(sog_dir, stem), os.path.join(directory, "Sources", module))
        targets.append(module)
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


def bench_compile(label, directory, args):
    log = os.path.join(directory, "build")
    print(f"  [{label}] resolving", file=sys.stderr, flush=True)
    check(run_measured(["swift", "package", "resolve"], cwd=directory, log=log + "-resolve"), f"{label}: resolve")
    results = {"clean": [], "module": []}
    for run in range(args.compile_runs):
        check(run_measured(["swift", "package", "clean"], cwd=directory, log=log + "-clean"), f"{label}: clean")
        print(f"  [{label}] clean debug build {run + 1}/{args.compile_runs} (timeout {args.compile_timeout}s)", file=sys.stderr, flush=True)
        r = run_measured(["swift", "build"], cwd=directory, timeout=args.compile_timeout, sample_tree=True, log=log + "-clean-build")
        r["status"] = "timeout" if r["timed_out"] else ("ok" if r["returncode"] == 0 else f"failed ({r['returncode']})")
        results["clean"].append(r)
        if r["status"] != "ok":
            sys.stderr.write(f"{label}: clean build {r['status']}\n{r['stderr'][-3000:]}\n{r['stdout'][-3000:]}\n")
            return results
        # The generated module alone: dependencies are built, every generated file is touched.
        touch_sources(directory)
        print(f"  [{label}] generated module rebuild {run + 1}/{args.compile_runs}", file=sys.stderr, flush=True)
        r = run_measured(["swift", "build"], cwd=directory, timeout=args.compile_timeout, sample_tree=True, log=log + "-module-build")
        r["status"] = "timeout" if r["timed_out"] else ("ok" if r["returncode"] == 0 else f"failed ({r['returncode']})")
        results["module"].append(r)
        if r["status"] != "ok":
            sys.stderr.write(f"{label}: module build {r['status']}\n{r['stderr'][-3000:]}\n")
            return results
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

        for phase, title in (("clean", "clean build incl. runtime packages"), ("module", "generated module only (deps built)")):
            for key, scale, unit, what in (
                ("wall_s", 1, " s", "wall"),
                ("cpu_s", 1, " s", "CPU (user+sys)"),
                ("maxrss_kib", 1 / 1024, " MiB", "peak RSS, largest process"),
                ("tree_peak_kib", 1 / 1024, " MiB", "peak RSS, whole tree (sampled 5/s)"),
            ):
                a, av = cell(comp["spindle"].get(phase, []), key, scale, unit)
                b, bv = cell(comp["sog"].get(phase, []), key, scale, unit)
                r = f"{bv / av:.1f}x" if av and bv else "—"
                lines.append(f"| {title}: {what} | {a} | {b} | {r} |")
                if key == "wall_s":
                    summary[f"compile_{phase}"] = (av, bv)
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spec", action="append", default=[], help="NAME=SPEC[:SOG_DOC[+SOG_DOC...]] (SOG_DOC defaults to SPEC)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--load-rounds", type=int, default=31, help="rounds of the paired scan and full load")
    parser.add_argument("--pipeline-rounds", type=int, default=11, help="rounds of the paired scan and whole generation")
    parser.add_argument("--compile", action="append", default=[], help="spec names whose outputs are compiled")
    parser.add_argument("--compile-runs", type=int, default=1)
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
            spindle_package(os.path.join(root, "spindle"), gen["spindle_dir"], module, args.spindle_root)
            sog_package(os.path.join(root, "sog"), gen["sog_dir"])
            comp = {
                "spindle": bench_compile(f"{spec['name']} spindle compile", os.path.join(root, "spindle"), args),
                "sog": bench_compile(f"{spec['name']} SOG compile", os.path.join(root, "sog"), args),
            }
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
        for phase in ("clean", "module"):
            if f"compile_{phase}" in s:
                a, b = s[f"compile_{phase}"]
                if a and b:
                    v = b / a
                    lines.append(f"| compile ≥ 3x faster than SOG's output ({phase}) | {name} | {v:.1f}x | {'met' if v >= 3 else 'MISSED'} |")
                else:
                    lines.append(f"| compile ≥ 3x faster than SOG's output ({phase}) | {name} | incomplete (see compile table) | — |")
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
