"""summary.md of a report: per results file, where it came from (scenario path, sha256, seed) and
one Markdown table per scheme of the key summary metrics in human units beside the exact JSON
value, then the comparison ratios to redstuff; per merged sweep table its axes and points; then
the figures made and those skipped, with the reason.
"""

import json

from sliverplot import style, units
from sliverplot.inputs import number_or_none, pointer_get

# (label, JSON pointer inside a scheme's summary, formatter) of the per-scheme table, in order.
SCHEME_ROWS = (
    ("repair bytes (total)", "/repair_bytes_total", units.human_bytes),
    ("repair bytes: symbols", "/repair_bytes/symbols", units.human_bytes),
    ("repair bytes: proofs", "/repair_bytes/proofs", units.human_bytes),
    ("repair bytes: metadata", "/repair_bytes/metadata", units.human_bytes),
    ("repair bytes: transfer", "/repair_bytes/transfer", units.human_bytes),
    ("repair bytes: full_blob", "/repair_bytes/full_blob", units.human_bytes),
    ("lost bytes repaired", "/lost_bytes_repaired", units.human_bytes),
    ("repair bytes per lost byte", "/bytes_per_lost_byte", units.human_ratio),
    ("repairs (weighted)", "/repairs", units.human_count),
    ("repair jobs", "/repair_jobs", units.human_count),
    ("repair duration p50", "/repair_seconds/p50", units.human_seconds),
    ("repair duration p90", "/repair_seconds/p90", units.human_seconds),
    ("repair duration p99", "/repair_seconds/p99", units.human_seconds),
    ("repair duration max", "/repair_seconds/max", units.human_seconds),
    ("peak node bandwidth", "/peak_node_bandwidth_bytes_per_s", units.human_rate),
    ("epoch change p50", "/epoch_change_seconds/p50", units.human_seconds),
    ("blobs lost (weighted)", "/blobs_lost", units.human_count),
    ("bytes lost", "/bytes_lost", units.human_bytes),
    ("unavailable blob-time", "/unavailable_blob_seconds", units.human_seconds),
)

# (label, key) of the comparison ratios, in order.
COMPARISON_ROWS = (
    ("repair bytes (total)", "repair_bytes_total"),
    ("repair bytes per lost byte", "bytes_per_lost_byte"),
    ("lost bytes repaired", "lost_bytes_repaired"),
    ("repair duration p50", "repair_seconds_p50"),
    ("peak node bandwidth", "peak_node_bandwidth_bytes_per_s"),
    ("bytes lost", "bytes_lost"),
    ("unavailable blob-time", "unavailable_blob_seconds"),
)


_ABSENT = object()


def _exact(value):
    return "null" if value is None else json.dumps(value)


def scheme_table(name, scheme):
    """The Markdown table (list of lines) of one scheme's summary: metric, value, exact JSON."""
    summary = scheme["summary"]
    title = style.scheme_style(name)["label"]
    lines = [f"### {name} ({title})", "", "| metric | value | exact |", "|---|---:|---:|"]
    for label, pointer, formatter in SCHEME_ROWS:
        raw = pointer_get(summary, pointer, default=_ABSENT)
        if raw is _ABSENT:
            continue  # an older file without this key
        value = number_or_none(raw)
        lines.append(f"| {label} | {formatter(value)} | {_exact(raw)} |")
    return lines + [""]


def comparison_table(comparison):
    """The Markdown table (list of lines) of the ratios of every baseline to redstuff."""
    if not isinstance(comparison, dict) or not comparison:
        return []
    by_scheme = {key.removesuffix("_over_redstuff"): ratios
                 for key, ratios in comparison.items() if isinstance(ratios, dict)}
    baselines = style.scheme_order(list(by_scheme))
    lines = ["### Ratios to redstuff", "", "| ratio | " + " | ".join(baselines) + " |",
             "|---|" + "---:|" * len(baselines)]
    for label, key in COMPARISON_ROWS:
        cells = [units.human_ratio(number_or_none(by_scheme[b].get(key)), 4) for b in baselines]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines + [""]


def results_section(item):
    """The section (list of lines) of one results file."""
    data = item.data
    scenario = data.get("scenario", {}) if isinstance(data.get("scenario"), dict) else {}
    tool = data.get("tool", {}) if isinstance(data.get("tool"), dict) else {}
    lines = [f"## Results `{item.path}`", "",
             f"- scenario: `{scenario.get('path', 'n/a')}`",
             f"- scenario sha256: `{scenario.get('sha256', 'n/a')}`",
             f"- seed: {_exact(data.get('seed'))}",
             f"- trace digest: `{data.get('trace_digest', 'n/a')}`",
             f"- tool: {tool.get('name', 'n/a')} {tool.get('version', '')} "
             f"(git {tool.get('git', 'n/a')}, {tool.get('build', 'n/a')})"]
    overrides = scenario.get("overrides")
    if overrides:
        lines.append("- overrides: " + ", ".join(f"`{o}`" for o in overrides))
    lines.append("- byte counts and losses are weighted by each representative blob's weight")
    lines.append("")
    for name in style.scheme_order(list(data["schemes"])):
        lines += scheme_table(name, data["schemes"][name])
    return lines + comparison_table(data.get("comparison"))


def merged_section(item):
    """The section (list of lines) of one merged sweep table."""
    sweep = item.data["sweep"]
    rows = item.data["rows"]
    points = {json.dumps(r["params"], sort_keys=True) for r in rows}
    seeds = sorted({int(r["n"]) for r in rows})
    lines = [f"## Sweep `{item.path}`", "", f"- sweep: {sweep.get('name', 'n/a')}"]
    for axis in sweep["axes"]:
        values = ", ".join(json.dumps(v) for v in axis.get("values", []))
        lines.append(f"- axis `{axis['key']}`: {values}")
    lines.append(f"- {len(points)} points, {len(rows)} rows, seeds per point: "
                 + ", ".join(str(s) for s in seeds))
    return lines + [""]


def render(inputs, made, skipped, notes):
    """summary.md as one string. ``made``: [(figure file stem, input path, what it shows, note)],
    ``skipped``: [(figure, input path, reason)], ``notes``: extra lines."""
    lines = ["# sliversim report", ""]
    for item in inputs:
        lines += results_section(item) if item.kind == "results" else merged_section(item)
    lines += ["## Figures", ""]
    if not made:
        lines.append("None of the figures could be made from these inputs.")
    for stem, path, shows, note in made:
        lines.append(f"- `{stem}.pdf`, `{stem}.png` (from `{path}`): {shows}"
                     + (f"; {note}" if note else ""))
    if skipped:
        lines += ["", "Skipped:", ""]
        lines += [f"- `{figure}` for `{path}`: {reason}" for figure, path, reason in skipped]
    if notes:
        lines += [""] + [f"- {n}" for n in notes]
    return "\n".join(lines) + "\n"
