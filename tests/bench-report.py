#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn the "NDIS-BENCH:" lines of a bench guest's console into the table,
the JSON file and the gnuplot data of `make bench`.

    bench-report.py CONSOLE OUT_DIR KERNEL COMMIT
    bench-report.py --check BENCH_JSON

Writes OUT_DIR/bench.json and OUT_DIR/bench.dat (one row per ratio, for
tests/bench.gp) and prints the table. Exit status 1 when no figure came.
--check validates a bench.json (the smoke in make check): every field the
documentation names, a figure for each user-space measure on both NICs and
for each in-kernel one.

scale has no Linux counterpart: its lines carry theirs=1, so the ratio is
the figure itself (seconds, or bytes per binding), judged against a goal of
its own per phase (SCALE_GOALS) and left out of the chart of ratios.
"""
import datetime
import json
import re
import statistics
import sys

# measure -> (what is compared, the goal for ratio ours/theirs, direction)
MEASURES = {
    "unbind": ("NdisUnbindAdapter return, 1 s handler / instant handler", 1.2, "<="),
    "send": ("frames/s: ndisprot write() / AF_PACKET send()", 1.0, ">="),
    "sendbatch": ("frames/s: ndisprot SEND_BATCH / AF_PACKET sendmmsg()", 1.0, ">="),
    "recv": ("frames got at one offered load: ndisprot read() / AF_PACKET recv()", 1.0, ">="),
    "recvbatch": ("frames got at one offered load: ndisprot RECV_BATCH / recvmmsg()", 1.0, ">="),
    "kxmit": ("frames/s: NdisSendNetBufferLists / dev_queue_xmit", 0.95, ">="),
    "fanout": ("cost per indication: N protocols / 1 protocol", None, "<="),
    "scale": ("64 adapters x 16 protocols: bind, unbind (s), memory (B/binding)", None, None),
}
# scale's phases (its "nic"): goal, direction, unit of the figure
SCALE_GOALS = {
    "bind": (1.0, "<", "s"),
    "unbind": (1.0, "<", "s"),
    "memory": (4096.0, "<=", "B/binding"),
}
ORDER = list(MEASURES)
LINE = re.compile(r"NDIS-BENCH: (.*)$")


def parse(path):
    rows = []
    with open(path, errors="replace") as f:
        for line in f:
            m = LINE.search(line.rstrip("\r\n"))
            if not m:
                continue
            kv = dict(p.split("=", 1) for p in m.group(1).split() if "=" in p)
            if "measure" in kv and "ratio" in kv:
                rows.append(kv)
    return rows


def number(v):
    try:
        return float(v)
    except ValueError:
        return v


def group(rows):
    figures = {}
    for kv in rows:
        key = (kv["measure"], kv.get("nic", "-"), kv.get("size", "-"))
        figures.setdefault(key, []).append(kv)
    out = []
    for (measure, nic, size), runs in sorted(
            figures.items(), key=lambda i: (ORDER.index(i[0][0]) if i[0][0] in ORDER else 99,
                                            i[0][1], int(i[0][2]) if i[0][2].isdigit() else 0)):
        what, goal, direction = MEASURES.get(measure, (measure, None, None))
        if measure == "fanout":
            goal = float(size)   # N protocols may cost at most N times one
        if measure == "scale" and nic in SCALE_GOALS:
            goal, direction, _ = SCALE_GOALS[nic]
        ratios = [float(r["ratio"]) for r in runs]
        fig = {
            "measure": measure, "nic": nic, "size": size, "what": what,
            "rounds": len(runs), "ratios": ratios,
            "min": min(ratios), "median": statistics.median(ratios), "max": max(ratios),
            "goal": goal, "goal_direction": direction,
            "ours_median": statistics.median(float(r["ours"]) for r in runs),
            "theirs_median": statistics.median(float(r["theirs"]) for r in runs),
            "extra": [{k: number(v) for k, v in r.items()
                       if k not in ("measure", "nic", "size", "round", "ours", "theirs",
                                    "ratio")} for r in runs],
        }
        if goal is not None:
            med = fig["median"]
            fig["meets_goal"] = {">=": med >= goal, "<=": med <= goal, "<": med < goal}[direction]
        out.append(fig)
    return out


def cell(v):
    """A table cell of 7 characters: scale's bytes are large."""
    return f"{v:7.3f}" if v < 1000 else f"{v:7.0f}"


def table(figs, missing):
    head = f"{'measure':<10} {'nic':<7} {'size':>5}  {'min':>7} {'median':>7} {'max':>7}  {'goal':>7}  ok"
    print(head)
    print("-" * len(head))
    for f in figs:
        goal = f"{f['goal_direction']}{f['goal']:g}" if f["goal"] is not None else "-"
        ok = {True: "yes", False: "NO"}.get(f.get("meets_goal"), "-")
        vs = [e["vs_write"] for e in f["extra"] if isinstance(e.get("vs_write"), float)]
        note = f"  batch/write {statistics.median(vs):.2f} (goal >=2)" if vs else ""
        if f["measure"] == "scale" and f["nic"] in SCALE_GOALS:
            note = f"  {SCALE_GOALS[f['nic']][2]}, not a ratio"
        print(f"{f['measure']:<10} {f['nic']:<7} {f['size']:>5}  {cell(f['min'])} "
              f"{cell(f['median'])} {cell(f['max'])}  {goal:>7}  {ok}{note}")
    for m in missing:
        print(f"{m:<10} {'-':<7} {'-':>5}  not measured yet ({MEASURES[m][0]})")


# What the guest always measures, on both NIC models.
USER_MEASURES = ("send", "sendbatch", "recv", "recvbatch")
# ... and in the kernel: (measure, nic, size or None for any)
KERNEL_FIGURES = [("unbind", "process", None), ("unbind", "softirq", None)] + [
    ("kxmit", nic, size) for nic in ("virtio", "e1000") for size in ("64", "1514")] + [
    ("fanout", "vmini", n) for n in ("1", "4", "16")] + [
    ("scale", phase, None) for phase in SCALE_GOALS]
FIGURE_KEYS = {"measure": str, "nic": str, "size": str, "what": str, "rounds": int,
               "ratios": list, "min": float, "median": float, "max": float,
               "ours_median": float, "theirs_median": float, "extra": list}


def check(path):
    """Return a one-line summary of a well-formed bench.json, or raise ValueError."""
    with open(path) as f:
        doc = json.load(f)
    for key in ("kernel", "nics", "accel", "date", "commit", "figures", "not_measured"):
        if key not in doc:
            raise ValueError(f"no '{key}'")
    datetime.datetime.fromisoformat(doc["date"])
    for fig in doc["figures"]:
        for key, kind in FIGURE_KEYS.items():
            if not isinstance(fig.get(key), kind):
                raise ValueError(f"figure {fig.get('measure')}: '{key}' is not {kind.__name__}")
        if len(fig["ratios"]) != fig["rounds"] or not all(
                isinstance(r, float) and r >= 0 for r in fig["ratios"]):
            raise ValueError(f"figure {fig['measure']} {fig['nic']}: bad ratios")
        if not fig["min"] <= fig["median"] <= fig["max"]:
            raise ValueError(f"figure {fig['measure']} {fig['nic']}: min/median/max out of order")
    for measure in USER_MEASURES:
        for nic in ("virtio", "e1000"):
            if not any(f["measure"] == measure and f["nic"] == nic for f in doc["figures"]):
                raise ValueError(f"no {measure} figure for {nic}")
    for measure, nic, size in KERNEL_FIGURES:
        if not any(f["measure"] == measure and f["nic"] == nic and size in (None, f["size"])
                   for f in doc["figures"]):
            raise ValueError(f"no {measure} figure for {nic}" + (f" size {size}" if size else ""))
    return f"{len(doc['figures'])} figures, kernel {doc['kernel']}, commit {doc['commit']}"


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        try:
            print(check(sys.argv[2]))
        except (OSError, ValueError, KeyError, TypeError) as e:
            print(e)
            return 1
        return 0
    console, out_dir, kernel, commit = sys.argv[1:5]
    figs = group(parse(console))
    missing = [m for m in ORDER if not any(f["measure"] == m for f in figs)]
    doc = {
        "kernel": kernel,
        "nics": ["virtio-net", "e1000"],
        "accel": "QEMU TCG (ratios only: absolute rates under emulation mean little)",
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": commit,
        "figures": figs,
        "not_measured": missing,
    }
    with open(f"{out_dir}/bench.json", "w") as f:
        json.dump(doc, f, indent=1)
    with open(f"{out_dir}/bench.dat", "w") as f:
        f.write("# label median min max goal\n")
        for i, fig in enumerate(x for x in figs if x["measure"] != "scale"):
            label = f"{fig['measure']} {fig['nic']} {fig['size']}".replace(" -", "")
            goal = fig["goal"] if fig["goal"] is not None else "NaN"
            f.write(f"{i} \"{label}\" {fig['median']} {fig['min']} {fig['max']} {goal}\n")
    table(figs, missing)
    return 0 if figs else 1


if __name__ == "__main__":
    sys.exit(main())
