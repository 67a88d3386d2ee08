#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn the "NDIS-BENCH:" lines of a bench guest's console into the table,
the JSON file and the gnuplot data of `make bench`.

    bench-report.py CONSOLE OUT_DIR KERNEL COMMIT

Writes OUT_DIR/bench.json and OUT_DIR/bench.dat (one row per figure, for
tests/bench.gp) and prints the table. Exit status 1 when no figure came.
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
    "sendbatch": ("frames/s: ndisprot batched / AF_PACKET sendmmsg()", 1.0, ">="),
    "recv": ("frames got at one offered load: ndisprot read() / AF_PACKET recv()", 1.0, ">="),
    "kxmit": ("frames/s: NdisSendNetBufferLists / dev_queue_xmit", 0.95, ">="),
    "fanout": ("cost per indication: N protocols / 1 protocol", None, "<="),
    "scale": ("64 adapters x 16 protocols", None, None),
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
            fig["meets_goal"] = med >= goal if direction == ">=" else med <= goal
        out.append(fig)
    return out


def table(figs, missing):
    head = f"{'measure':<10} {'nic':<7} {'size':>5}  {'min':>7} {'median':>7} {'max':>7}  {'goal':>7}  ok"
    print(head)
    print("-" * len(head))
    for f in figs:
        goal = f"{f['goal_direction']}{f['goal']:g}" if f["goal"] is not None else "-"
        ok = {True: "yes", False: "NO"}.get(f.get("meets_goal"), "-")
        print(f"{f['measure']:<10} {f['nic']:<7} {f['size']:>5}  {f['min']:7.3f} "
              f"{f['median']:7.3f} {f['max']:7.3f}  {goal:>7}  {ok}")
    for m in missing:
        print(f"{m:<10} {'-':<7} {'-':>5}  not measured yet ({MEASURES[m][0]})")


def main():
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
        for i, fig in enumerate(figs):
            label = f"{fig['measure']} {fig['nic']} {fig['size']}".replace(" -", "")
            goal = fig["goal"] if fig["goal"] is not None else "NaN"
            f.write(f"{i} \"{label}\" {fig['median']} {fig['min']} {fig['max']} {goal}\n")
    table(figs, missing)
    return 0 if figs else 1


if __name__ == "__main__":
    sys.exit(main())
