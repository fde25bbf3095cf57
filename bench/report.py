#!/usr/bin/env python3
"""Turns the raw results of bench/run.sh into the Markdown report.

Usage: report.py RESULTS_DIR

RESULTS_DIR holds meta.env (KEY=VALUE lines), one wrk output per run named
SET__PAGE.txt, and writer.json. Python 3 standard library only.
"""

import json
import re
import sys
from pathlib import Path

# Goals of issue 10.
CACHED_VS_NGINX = 0.8
UNCACHED_VS_NGINX = 0.3
P99_VS_NGINX = 2.0
SYNTH_VS_SEED = 0.8
PEAK_RSS_MIB = 64
WRITE_COST = 0.10

TIME_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def read_meta(path):
    meta = {}
    for line in path.read_text().splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            meta[key] = value
    return meta


def to_ms(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not m:
        raise ValueError(f"unknown wrk time {text!r}")
    return float(m.group(1)) * TIME_UNITS_MS[m.group(2)]


def parse_wrk(path):
    """Requests/sec, p50 and p99 in ms, and any errors wrk counted."""
    text = path.read_text()
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    p50 = re.search(r"^\s+50%\s+(\S+)", text, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M)
    if not (rps and p50 and p99):
        raise ValueError(f"cannot read wrk output {path}")
    problems = []
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    if non2xx:
        problems.append(f"{non2xx.group(1)} non-2xx/3xx responses")
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if sock and any(int(x) for x in sock.groups()):
        problems.append(
            "socket errors: connect {}, read {}, write {}, timeout {}".format(*sock.groups())
        )
    return {"rps": float(rps.group(1)), "p50": to_ms(p50.group(1)), "p99": to_ms(p99.group(1)), "problems": problems}


def fmt_rps(x):
    return f"{x:,.0f}"


def fmt_ms(x):
    return f"{x:.2f}" if x < 10 else f"{x:.1f}"


def fmt_ratio(x):
    return f"{x:.2f}×"


def mib(kib):
    return int(kib) / 1024


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def main():
    results = Path(sys.argv[1])
    meta = read_meta(results / "meta.env")
    runs = {}
    for f in sorted(results.glob("*__*.txt")):
        run_set, page = f.stem.split("__", 1)
        runs[(run_set, page)] = parse_wrk(f)
    pages = [p.split("|") for p in meta["pages"].split()]
    page_names = [name for name, _ in pages]
    path_of = dict(pages)

    def run(run_set, page):
        return runs.get((run_set, page))

    out = []
    w = out.append
    w("# referendum-tracker benchmark")
    w("")
    w(
        "Each page of the app against nginx sending the same bytes from disk, measured with wrk in the same run "
        "on the same machine. wrk, nginx and the app share its CPUs, so absolute figures are only indicative: "
        "quote the ratios."
    )
    w("")
    w(table(
        ["", ""],
        [
            ["Date", meta["date"]],
            ["Commit", meta["commit"]],
            ["App", meta["app_version"]],
            ["CPU", f"{meta['cpu']} ({meta['nproc']} CPUs online)"],
            ["Memory", meta["memory"]],
            ["Kernel", meta["kernel"]],
            ["Load average (1, 5, 15 min)", f"{meta['load_start']} at the start, {meta['load_end']} at the end"],
            ["wrk", meta["wrk_version"]],
            ["nginx", meta["nginx_version"]],
            ["Command", f"`{meta['command']}`"],
            [
                "Parameters",
                f"wrk -t{meta['threads']} -c{meta['connections']} -d{meta['seconds']}s --latency, "
                f"after a {meta['warmup']} s warm-up run; no Accept-Encoding (identity bodies)",
            ],
        ],
    ))
    load = float(meta["load_start"].split()[0])
    if load > 0.5 * int(meta["nproc"]):
        w("")
        w(
            f"**The machine was busy** (load {load:g} on {meta['nproc']} CPUs at the start): other work competed "
            "with the servers and wrk, so even the ratios are noisy in this run."
        )
    w("")

    problems = []
    for (run_set, page), r in sorted(runs.items()):
        for p in r["problems"]:
            problems.append(f"{run_set} {page}: {p}")

    # (a) seed, cached vs nginx
    w("## (a) Seed data, page cache on, against nginx")
    w("")
    if meta.get("uncached", "skipped") != "ran":
        w("This binary has no page cache (no `--page-cache-mib`): these are uncached figures.")
        w("")
    rows = []
    for name in page_names:
        app, ngx = run("seed-cached", name), run("nginx", name)
        rows.append([
            f"`{path_of[name]}`",
            f"{int(meta.get('size__' + name, 0)):,} B",
            fmt_rps(app["rps"]),
            fmt_rps(ngx["rps"]),
            fmt_ratio(app["rps"] / ngx["rps"]),
            fmt_ms(app["p50"]),
            fmt_ms(app["p99"]),
            fmt_ms(ngx["p50"]),
            fmt_ms(ngx["p99"]),
            fmt_ratio(app["p99"] / ngx["p99"]),
        ])
    w(table(
        ["Page", "Body", "App req/s", "nginx req/s", "App/nginx", "App p50 ms", "App p99 ms",
         "nginx p50 ms", "nginx p99 ms", "p99 App/nginx"],
        rows,
    ))
    w("")

    # (b) seed, uncached vs nginx
    w("## (b) Seed data, page cache off (`--page-cache-mib 0`), against nginx")
    w("")
    uncached = meta.get("uncached", "skipped")
    rows = []
    if uncached != "ran":
        w(uncached)
    for name in page_names if uncached == "ran" else []:
        app, ngx = run("seed-uncached", name), run("nginx", name)
        rows.append([
            f"`{path_of[name]}`",
            fmt_rps(app["rps"]),
            fmt_rps(ngx["rps"]),
            fmt_ratio(app["rps"] / ngx["rps"]),
            fmt_ms(app["p50"]),
            fmt_ms(app["p99"]),
            fmt_ratio(app["p99"] / ngx["p99"]),
        ])
    if rows:
        w(table(["Page", "App req/s", "nginx req/s", "App/nginx", "App p50 ms", "App p99 ms", "p99 App/nginx"], rows))
    w("")

    # (c) synthetic scale
    w("## (c) Synthetic scale against the seed data")
    w("")
    synthetic = meta.get("synthetic", "skipped")
    if synthetic != "ran":
        w(synthetic)
    else:
        w(
            f"`seed-synthetic --seed {meta['synthetic_seed']}` took {int(meta['synthetic_ms']) / 1000:.1f} s "
            f"(database {int(meta['synthetic_db_bytes']) / 1048576:.0f} MiB); it said: "
            f"“{meta['synthetic_output']}”"
        )
        w("")
        rows = []
        for name in page_names:
            c, u = run("synth-cached", name), run("synth-uncached", name)
            sc, su = run("seed-cached", name), run("seed-uncached", name)
            row = [f"`{path_of[name]}`", fmt_rps(c["rps"]), fmt_ratio(c["rps"] / sc["rps"]), fmt_ms(c["p99"])]
            if u and su:
                row += [fmt_rps(u["rps"]), fmt_ratio(u["rps"] / su["rps"]), fmt_ms(u["p50"]), fmt_ms(u["p99"])]
            else:
                row += ["–"] * 4
            rows.append(row)
        w(table(
            ["Page", "Cached req/s", "vs seed cached", "Cached p99 ms", "Uncached req/s", "vs seed uncached",
             "Uncached p50 ms", "Uncached p99 ms"],
            rows,
        ))
    w("")

    # (d) memory, cold start, writes
    w("## (d) Memory, cold start, reads while writing")
    w("")
    writer = json.loads((results / "writer.json").read_text())
    without, with_ = run("write-without", "amendment-15"), run("write-with", "amendment-15")
    cost = 1 - with_["rps"] / without["rps"]
    # Every instance that served the seed data under load counts for the goal.
    rss_seed = {
        label: mib(meta[key])
        for label, key in (("cache on", "rss_seed_cached_kib"), ("cache off", "rss_seed_uncached_kib"),
                           ("with writes", "rss_write_kib"))
        if key in meta
    }
    rows = [
        ["Peak RSS (VmHWM), seed data, cache on, after all page loads", f"{mib(meta['rss_seed_cached_kib']):.1f} MiB"],
    ]
    if "rss_seed_uncached_kib" in meta:
        rows.append(["Peak RSS, seed data, cache off, after all page loads",
                     f"{mib(meta['rss_seed_uncached_kib']):.1f} MiB"])
    rows.append(["Peak RSS, seed data, after the reads-while-writing step", f"{mib(meta['rss_write_kib']):.1f} MiB"])
    if "rss_synth_cached_kib" in meta:
        rows.append(["Peak RSS, synthetic data, cache on, after all page loads",
                     f"{mib(meta['rss_synth_cached_kib']):.1f} MiB"])
    rows += [
        ["Cold start: launch on an empty database (migrate + seed) to first 200 on `/en/`",
         f"{meta['cold_start_ms']} ms"],
        [f"`{meta['write_page']}` without writes", f"{fmt_rps(without['rps'])} req/s, p99 {fmt_ms(without['p99'])} ms"],
        [f"`{meta['write_page']}` while a status change is posted every 100 ms",
         f"{fmt_rps(with_['rps'])} req/s, p99 {fmt_ms(with_['p99'])} ms"],
        ["Read throughput lost to the writes",
         f"{cost * 100:.1f} %" + (" (negative: within the noise)" if cost < 0 else "")],
        ["Status changes recorded (failed)",
         f"{writer['ok']} ({writer['failed']}) in {writer['seconds']} s, "
         f"{writer['ok'] / max(writer['seconds'], 0.001):.1f}/s"],
    ]
    w(table(["Measure", "Value"], rows))
    if writer.get("failures"):
        w("")
        w("Write failures: " + ", ".join(f"{k}: {v}" for k, v in writer["failures"].items()))
    w("")

    # Goals
    w("## Goals")
    w("")
    rows = []
    met_count = 0

    def goal(text, figure, met):
        nonlocal met_count
        met_count += met
        rows.append([text, figure, "met" if met else "**not met**"])

    for name in page_names:
        r = run("seed-cached", name)["rps"] / run("nginx", name)["rps"]
        goal(f"Cached `{path_of[name]}` ≥ {CACHED_VS_NGINX}× nginx", fmt_ratio(r), r >= CACHED_VS_NGINX)
    if uncached == "ran":
        for name in page_names:
            r = run("seed-uncached", name)["rps"] / run("nginx", name)["rps"]
            goal(f"Cache-disabled `{path_of[name]}` ≥ {UNCACHED_VS_NGINX}× nginx", fmt_ratio(r),
                 r >= UNCACHED_VS_NGINX)
    else:
        rows.append([f"Cache-disabled ≥ {UNCACHED_VS_NGINX}× nginx (each page)", uncached, "not measured"])
    for name in page_names:
        app, ngx = run("seed-cached", name), run("nginx", name)
        r = app["p99"] / ngx["p99"]
        goal(
            f"Cached `{path_of[name]}` p99 ≤ {P99_VS_NGINX:g}× nginx p99 at {meta['connections']} connections",
            f"{fmt_ratio(r)} ({fmt_ms(app['p99'])} vs {fmt_ms(ngx['p99'])} ms)",
            r <= P99_VS_NGINX,
        )
    if synthetic == "ran":
        for kind in ("cached", "uncached") if uncached == "ran" else ("cached",):
            for name in page_names:
                r = run(f"synth-{kind}", name)["rps"] / run(f"seed-{kind}", name)["rps"]
                goal(f"Synthetic `{path_of[name]}` ({kind}) ≥ {SYNTH_VS_SEED}× seed", fmt_ratio(r), r >= SYNTH_VS_SEED)
    else:
        rows.append([f"Synthetic scale ≥ {SYNTH_VS_SEED}× seed (each page)", synthetic, "not measured"])
    peak = max(rss_seed.values())
    goal(
        f"Peak RSS under load on the seed data ≤ {PEAK_RSS_MIB} MiB",
        f"{peak:.1f} MiB (largest of " + ", ".join(f"{k} {v:.1f}" for k, v in rss_seed.items()) + ")",
        peak <= PEAK_RSS_MIB,
    )
    goal(f"A status change every 100 ms costs ≤ {WRITE_COST * 100:.0f} % of reads", f"{cost * 100:.1f} %",
         cost <= WRITE_COST)
    w(table(["Goal", "Figure", "Result"], rows))
    w("")
    evaluated = sum(1 for r in rows if r[2] != "not measured")
    w(f"{met_count} of {evaluated} goals met.")
    w("")

    if problems:
        w("## Warnings")
        w("")
        w("wrk counted errors in these runs; their figures are suspect:")
        w("")
        for p in problems:
            w(f"- {p}")
        w("")

    w(f"Total runtime: {meta['runtime_s']} s.")
    print("\n".join(out))


if __name__ == "__main__":
    main()
