#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The profiles of both sides out of the console log of a `make profile`
guest (tests/bench-profile.sh, tests/guest/bench-profile-init.sh).

    bench-profile-report.py CONSOLE PREFIX NAME KERNEL COMMIT TOP

writes PREFIX-ours.txt, PREFIX-linux.txt and PREFIX-diff.txt (where the two
differ most per frame); NAME is MEASURE-NIC-SIZE, TOP the length of the
tables. perf samples every CPU, idle or not, and the guest's harness (the
init script polling its step) runs beside the measure: a side's file
starts with the rest, the work, by symbol, each symbol's share of it and
its microseconds of CPU per frame, which compare across the two sides. A
sample stands for the seconds the side's perf was on times the CPUs, over
its samples: under TCG the timer fires later than its nominal period, and
how much later varies. perf's own reports follow: by command, inclusive
(--children), the callers of the hottest symbols (-g callee), the flat
table by command and symbol, and what each symbol of 3% or more spends
its time on (-g caller).
"""
import re
import sys

# Where an idle CPU sits: samples there are neither side's work.
IDLE = {"pv_native_safe_halt", "native_safe_halt", "default_idle", "arch_cpu_idle",
        "default_idle_call", "do_idle", "cpu_idle_poll", "poll_idle", "mwait_idle",
        "mwait_idle_with_hints", "intel_idle", "acpi_idle_do_entry", "acpi_safe_halt",
        "io_idle", "cpuidle_enter_state", "cpuidle_idle_call", "cpu_startup_entry"}
# What calls the idle loop: left out of the comparison of inclusive times.
IDLE_ROOTS = {"start_secondary", "rest_init", "start_kernel", "x86_64_start_kernel",
              "x86_64_start_reservations", "common_startup_64"}
# The guest's harness: its init polling the step (forks, which busybox
# names "exe" when it runs an applet again, sed, sleep, cut), the shell
# that turns perf on and off, and perf. A command perf saw no name of
# (":PID") started while its events were off: the harness's too.
HARNESS = {"init", "exe", "sed", "sleep", "cut", "grep", "tr", "cat", "awk", "sh", "perf",
           "perf-exec", "setsid"}
WHAT = {
    "send": ("ndisprot write()", "AF_PACKET send()"),
    "sendbatch": ("NDISPROT_IOC_SEND_BATCH", "AF_PACKET sendmmsg()"),
    "recv": ("ndisprot read()", "AF_PACKET recv()"),
    "recvbatch": ("NDISPROT_IOC_RECV_BATCH", "AF_PACKET recvmmsg()"),
    "kxmit": ("NdisSendNetBufferLists through ndis_netdev", "dev_queue_xmit()"),
}
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# "  12.34%   567  comm name  [k] symbol"
FLAT = re.compile(r"\s*([\d.]+)%\s+(\d+)\s+(.*?)\s+(\[.\]\s+.*\S)\s*$")


def sections_of(log, side):
    """The guest's sections for SIDE, and the NDIS-BENCH lines of the log."""
    sections, cur, inside, bench = {}, None, False, []
    with open(log, errors="replace") as f:
        for line in f:
            line = ANSI.sub("", line.rstrip("\r\n"))
            if "NDIS-BENCH: " in line:
                bench.append(line[line.index("NDIS-BENCH: "):])
            if line.startswith("NDIS-PROFILE-BEGIN: "):
                inside = line.split()[1] == side
            elif line.startswith("NDIS-PROFILE-END: "):
                inside = False
            elif inside and line.startswith("NDIS-PROFILE-SECTION: "):
                words = line.split()[1:]
                cur = words[0]
                sections[cur] = [" ".join(words[1:])]
            elif inside and cur:
                sections[cur].append(line)
    return sections, bench


def figures_of(bench, side):
    """What SIDE's segments measured, for the file's head: the NDIS-BENCH
    lines where the other side is 0. Send measures give frames/s (each
    segment the same frames: their harmonic mean), receive ones the frames
    received of those offered."""
    mine, other = ("ours", "theirs") if side == "ours" else ("theirs", "ours")
    figures, offered = [], 0
    for line in bench:
        kv = dict(p.split("=", 1) for p in line.split()[1:] if "=" in p)
        if float(kv.get(other, 1)) == 0 and float(kv.get(mine, 0)) > 0:
            figures.append(float(kv[mine]))
            offered += int(kv.get("offered", 0))
    if not figures:
        return ""
    if offered:
        return ", %d received of %d offered" % (sum(figures), offered)
    rate = len(figures) / sum(1 / r for r in figures)
    return ", %.0f frames/s (%.1f us a frame) under perf" % (rate, 1e6 / rate)


def body(lines):
    """A report's lines without perf's comments and blank lines."""
    return [line for line in lines if line.strip() and not line.startswith("#")]


# The first line of one symbol's call graph: "  12.34% [ 1.23%]  [k] name".
GRAPH_HEAD = re.compile(r"\s+[\d.]+%(?:\s+[\d.]+%)?\s+\[.\]\s+(\S+)")
# Whose call graphs tell nothing: the idle loop, and entry stubs that only
# repeat the graph of what they call.
NO_GRAPH = re.compile(r"(asm_|entry_SYSCALL|ret_from_fork)")


def graphs(lines):
    """A call-graph report without perf's comments, nor the graphs of the
    idle loop and of entry stubs; a blank line after each graph."""
    out, keep = [], False
    for line in lines:
        if line.startswith("#"):
            continue
        m = GRAPH_HEAD.match(line)
        if m:
            sym = m.group(1)
            keep = sym not in IDLE | IDLE_ROOTS and not NO_GRAPH.match(sym)
        if keep and (line.strip() or out and out[-1]):
            out.append(line)
    return out


def profile(log, side, name, kver, commit, top):
    """The file of one side (its lines), and its work and inclusive cost
    per symbol in us a frame; None when the side has no profile."""
    sections, bench = sections_of(log, side)
    if "flat" not in sections:
        print("no profile of the %s side in %s" % (side, log))
        return None
    run = dict(kv.split("=", 1) for kv in sections["run"][0].split())
    frames, period_ns, cpus = int(run["frames"]), int(run["period_ns"]), int(run["cpus"])
    seconds = float(run["seconds"])

    work, total, idle, harness = {}, 0, 0, 0
    for line in sections["flat"][1:]:
        m = FLAT.match(line)
        if not m:
            continue
        n, comm, sym = int(m.group(2)), m.group(3), m.group(4)
        total += n
        if sym.split()[-1] in IDLE:
            idle += n
        elif comm in HARNESS or comm.startswith(":"):
            harness += n
        else:
            work[sym] = work.get(sym, 0) + n
    busy = sum(work.values())
    # Seconds of one CPU a sample stands for.
    per_sample = seconds * cpus / total if seconds and total else period_ns / 1e9
    us = lambda n: n * per_sample * 1e6 / frames    # noqa: E731
    measure = name.split("-")[0]
    inclusive = {}
    for line in body(sections.get("children", [])[1:]):
        m = re.match(r"\s*([\d.]+)%\s+([\d.]+)%\s+(\[.\]\s+.*\S)", line)
        if m:   # a symbol of a program comes once for each run of it
            sym = m.group(3)
            inclusive[sym] = inclusive.get(sym, 0) + us(float(m.group(1)) * total / 100)

    out = ["# profile %s, %s side: %s" % (name.replace("-", " "),
                                          "our" if side == "ours" else "Linux's",
                                          WHAT[measure][side != "ours"]),
           "# kernel %s under QEMU TCG, %d CPUs, commit %s" % (kver, cpus, commit),
           "# perf record -a -g -e cpu-clock -c %d, on for %.2f s in %s segments: "
           "a sample stood for %.0f us of one CPU"
           % (period_ns, seconds, run["segments"], per_sample * 1e6),
           "# %d frames%s" % (frames, figures_of(bench, side)),
           "# samples %d: idle loop %d (%.1f%%), harness %d (%.1f%%), work %d = %.2f us "
           "of CPU per frame" % (total, idle, 100.0 * idle / max(total, 1), harness,
                                 100.0 * harness / max(total, 1), busy, us(busy)),
           "#",
           "# Work by symbol (neither idle loop nor harness): % of work, samples, us/frame"]
    for sym, n in sorted(work.items(), key=lambda i: (-i[1], i[0]))[:top]:
        out.append("%7.2f%% %7d %8.3f  %s" % (100.0 * n / max(busy, 1), n, us(n), sym))
    for key, title, limit in (
            ("comm", "--sort comm (all samples)", None),
            ("children", "--children --sort sym: inclusive (all samples)", 2 * top),
            ("flat", "--no-children --sort comm,sym (all samples)", top),
            ("graph", "--no-children -g callee: callers of each symbol >= 0.5% (branches "
             ">= 0.3%, all samples; not the idle loop)", None),
            ("tree", "--children -g caller: what each symbol >= 3% calls (branches >= 0.3%; "
             "not the idle loop nor entry stubs)", None)):
        lines = sections.get(key, [])[1:]
        lines = graphs(lines) if key in ("graph", "tree") else body(lines)[:limit]
        out += ["", "# ---- perf report %s" % title] + lines
    print("%s side: %d samples, %d of work (%.2f us of CPU a frame)" % (side, total, busy,
                                                                      us(busy)))
    if busy < 2000:
        print("warning: %d samples of work on the %s side, fewer than 2000: raise "
              "NDIS_PROFILE_FRAMES" % (busy, side))
    return out, {sym: us(n) for sym, n in work.items()}, inclusive, us(busy)


def compare(name, ours, theirs, top):
    """Where the two sides differ most, in us of CPU a frame."""
    out = ["# profile %s: us of CPU a frame, ours - Linux's (work %.2f - %.2f = %+.2f)"
           % (name.replace("-", " "), ours[3], theirs[3], ours[3] - theirs[3]),
           "# (peer NIC's receive, the device's emulation and the like are on both sides)",
           "#", "# self time, by the size of the difference:",
           "#    ours    linux     diff  symbol"]
    for what, o, t in (("self", ours[1], theirs[1]), ("inclusive", ours[2], theirs[2])):
        if what == "inclusive":
            out += ["#", "# inclusive time (--children, symbols >= 0.5% on either side):",
                    "#    ours    linux     diff  symbol"]
        syms = sorted((s for s in set(o) | set(t) if s.split()[-1] not in IDLE | IDLE_ROOTS),
                      key=lambda s: (-abs(o.get(s, 0) - t.get(s, 0)), s))
        for sym in syms[:top]:
            out.append("%8.3f %8.3f %+8.3f  %s" % (o.get(sym, 0), t.get(sym, 0),
                                                  o.get(sym, 0) - t.get(sym, 0), sym))
    return out


def main():
    log, prefix, name, kver, commit, top = sys.argv[1:7]
    top = int(top)
    sides = {}
    for side, suffix in (("ours", "ours"), ("theirs", "linux")):
        sides[side] = profile(log, side, name, kver, commit, top)
        if sides[side]:
            with open("%s-%s.txt" % (prefix, suffix), "w") as f:
                f.write("\n".join(sides[side][0]) + "\n")
    if not all(sides.values()):
        sys.exit(1)
    diff = compare(name, sides["ours"], sides["theirs"], top // 2)
    with open("%s-diff.txt" % prefix, "w") as f:
        f.write("\n".join(diff) + "\n")
    print("\n".join(diff[:5 + top // 4]))


if __name__ == "__main__":
    main()
