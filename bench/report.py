"""The printed table: one line per measure, baseline beside subject, ratio and target."""

from __future__ import annotations

from typing import Any

Row = tuple[str, str, str, str, str, str, str]
HEADER: Row = ("benchmark", "measure", "baseline", "subject", "ratio", "target", "met")


def _ms(summary: dict[str, Any]) -> str:
    return f"{summary['p50_ms']:.3g} / {summary['p99_ms']:.3g} ms"


def _yes(flag: Any) -> str:
    return "yes" if flag else "NO"


def rows(results: dict[str, Any]) -> list[Row]:
    out: list[Row] = []
    b = results.get("benchmarks", {})
    if "pipeline" in b:
        p = b["pipeline"]
        out.append(("1 telegram pipeline", f"updates/s ({p['updates_per_run']} updates)",
                    f"echo {p['echo_updates_per_s']}", f"bot {p['bot_updates_per_s']}",
                    str(p["ratio"]), f">= {p['target_ratio']}", _yes(p["met"])))
        out.append(("", "CPU ms per update", f"{p['echo_cpu_ms_per_update']}",
                    f"{p['bot_cpu_ms_per_update']}",
                    f"{p['bot_cpu_ms_per_update'] / p['echo_cpu_ms_per_update']:.2f}"
                    if p["echo_cpu_ms_per_update"] else "-", "", ""))
    if "engine" in b:
        e = b["engine"]
        for key, label in (("step_real", "step p50/p99, real"), ("step_10x", "step p50/p99, 10x")):
            s = e[key]
            out.append(("2 engine", label + f" (cpu p99 {s['subject']['cpu']['p99_ms']:.3g} ms)",
                        "no-op " + _ms(s["baseline_noop"]["wall"]), _ms(s["subject"]["wall"]),
                        str(s["p50_ratio"]), f"p99 < {s['target_p99_ms']:g} ms", _yes(s["met"])))
        for key, label in (("search", "search p50/p99, 10x"), ("free_text_step", "question step, 10x")):
            s = e[key]
            out.append(("2 engine", label + f" (cpu p99 {s['subject_10x']['cpu']['p99_ms']:.3g} ms)",
                        "real " + _ms(s["baseline_real"]["wall"]), _ms(s["subject_10x"]["wall"]),
                        str(s["p50_ratio"]), f"p99 < {s['target_p99_ms']:g} ms", _yes(s["met"])))
        build = e["index_build_ms"]
        out.append(("2 engine", "search index build", f"real {build['real']} ms", f"10x {build['10x']} ms",
                    f"{build['10x'] / build['real']:.1f}" if build["real"] else "-", "", ""))
    if "publish" in b:
        p = b["publish"]
        out.append(("3 publish", f"approve -> bot shows it ({p['publishes']}x)",
                    "bot answer " + _ms(p["baseline_bot_answer"]), _ms(p["publish_to_served"]),
                    str(p["p50_ratio"]), f"p99 <= {p['target_s']:g} s", _yes(p["met"])))
    if "coldstart" in b:
        c = b["coldstart"]
        out.append(("4 cold start", f"spawn -> health + page (p50, max of {c['rounds']})",
                    f"bare app {c['baseline_p50_s']} s", f"{c['serve_p50_s']} s, max {c['serve_max_s']} s",
                    str(c["ratio"]), f"< {c['target_s']:g} s", _yes(c["serve_max_s"] < c["target_s"])))
        peaks = [c["serve_peak_mb"]] + [b[k].get(f) for k, f in (("publish", "serve_peak_mb_with_bot"),
                                                                 ("api", "serve_peak_mb")) if k in b]
        peak = max(x for x in peaks if x is not None)
        out.append(("4 memory", "peak RSS of serve (start, bot, load)", f"bare app {c['baseline_peak_mb']} MB",
                    f"{peak} MB", f"{peak / c['baseline_peak_mb']:.2f}" if c["baseline_peak_mb"] else "-",
                    f"< {c['target_mb']:g} MB", _yes(peak < c["target_mb"])))
    if "api" in b:
        a = b["api"]
        s, base = a["serve"], a["baseline"]
        out.append(("5 API", f"{a['workers']} clients, {int(a['write_share'] * 100)}% writes: rps",
                    f"bare app {base['rps']}", f"{s['rps']}", str(a["rps_ratio"]), "", ""))
        out.append(("5 API", "p50 / p99, errors", f"{base['p50_ms']:.3g} / {base['p99_ms']:.3g} ms, {base['errors']}",
                    f"{s['p50_ms']:.3g} / {s['p99_ms']:.3g} ms, {s['errors']}", "", "0 errors", _yes(a["met"])))
    if "flood" in b:
        f = b["flood"]
        base, during, sent = f["health_baseline"], f["health_flood"], f["flood"]
        out.append(("6 flood", f"/health median, {f['connections']}-connection chat flood",
                    f"no flood {base['median_ms']:.3g} ms", f"{during['median_ms']:.3g} ms (max {during['max_ms']:.3g})",
                    str(f["ratio"]), f"< {f['target_ms']:g} ms", _yes(f["met"])))
        out.append(("6 flood", "questions answered during the flood", "",
                    f"{sent['rps']}/s, {sent['codes']}", "", "", ""))
    if "tgflood" in b:
        out.extend(_tgflood_rows(b["tgflood"]))
    return out


def _median(summary: dict[str, Any]) -> str:
    if summary["median_ms"] is None:
        return "no answer"
    return f"{summary['median_ms']:.3g} ms (max {summary['max_ms']:.3g})"


def _tgflood_rows(t: dict[str, Any]) -> list[Row]:
    out: list[Row] = []
    for mode in t["modes"]:
        f = t[mode]
        tg_met = (f["unanswered"] == 0 and f["outside_flood"] == 0 and f["telegram_flood"]["median_ms"] is not None
                  and f["telegram_flood"]["median_ms"] < f["target_ms"])
        out.append(("7 telegram flood", f"danger reply median ({mode}), {f['connections']}-connection chat flood",
                    "no flood " + _median(f["telegram_baseline"]), _median(f["telegram_flood"]),
                    str(f["ratio"]), f"< {f['target_ms']:g} ms, all answered", _yes(tg_met)))
        out.append(("7 telegram flood", f"/health median meanwhile ({mode})", "no flood " + _median(f["health_baseline"]),
                    _median(f["health_flood"]), str(f["health_ratio"]), f"< {f['health_target_ms']:g} ms",
                    _yes(f["health_flood"]["median_ms"] < f["health_target_ms"])))
        out.append(("7 telegram flood", f"questions answered during the flood ({mode})", "",
                    f"{f['flood']['rps']}/s, {f['flood']['codes']}", "", "", ""))
    return out


def table(results: dict[str, Any]) -> str:
    lines = [HEADER, *rows(results)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    text = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip() for line in lines]
    text.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(text)
