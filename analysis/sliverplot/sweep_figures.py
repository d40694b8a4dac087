"""Figures of a merged sweep table (``sliversim merge``, JSON form): repair bytes per lost byte
against blob size and against the shard count n (log-log; redstuff, rs_rebuild and the MSR bound;
payload and on-the-wire), and durability / unavailability against a churn rate. Error bars are
the table's 95 % confidence intervals where a point has more than one seed.

An axis is recognised by its key: blob size contains "size_bytes", shard count is "shards.n"
(or "/shards/n"), churn contains "churn", "outage" or "failure". When the table has further axes,
the figure keeps the points where those sit at the first point's values and says so in its note.
"""

import re

from matplotlib import ticker
from matplotlib.lines import Line2D

from sliverplot import style
from sliverplot.run_figures import Unsupported

PER_LOST_SCHEMES = ("redstuff", "rs_rebuild", "msr_bound")
PAYLOAD_CATEGORIES = ("symbols", "full_blob")
DURABILITY_METRICS = (
    ("blobs_lost", "blobs lost", None),
    ("bytes_lost", "bytes lost", "bytes"),
    ("unavailable_blob_seconds", "unavailable blob-time", "seconds"),
)
_SCHEME_METRIC = re.compile(r"^/schemes/([^/]+)/summary/(.+)$")


def is_blob_size_key(key):
    """True for a sweep axis that sets a blob size (its key contains "size_bytes")."""
    return "size_bytes" in key


def is_shard_count_key(key):
    """True for a sweep axis that sets the shard count n ("shards.n", "/shards/n")."""
    return re.search(r"(^|[./])shards[./]n$", key) is not None


def is_churn_key(key):
    """True for a sweep axis that sets churn (key contains "churn", "outage" or "failure")."""
    return any(word in key for word in ("churn", "outage", "failure"))


_UNIT_SUFFIXES = (("_per_year", "1/year"), ("_per_day", "1/day"), ("_per_epoch", "1/epoch"),
                  ("_days", "days"), ("_hours", "h"), ("_seconds", "s"), ("_bytes", "B"),
                  ("_gbps", "Gbit/s"), ("_mbps", "Mbit/s"))
_PARAMETER_WORDS = ("value", "mean", "median", "min", "max", "scale", "shape", "sigma")


def _strip_unit(part):
    """(part without its unit suffix, unit or None): "rate_per_year" -> ("rate", "1/year")."""
    for suffix, unit in _UNIT_SUFFIXES:
        if part.endswith(suffix) and len(part) > len(suffix):
            return part[: -len(suffix)], unit
    return part, None


def key_label(key):
    """An axis label from a sweep key: the owner of the value, the value's name and its unit.
    "nodes.classes.0.churn.transient_outages.rate_per_year" -> "transient outages rate (1/year)",
    "...permanent_failures.lifetime_days.mean_days" -> "permanent failures lifetime mean (days)"."""
    parts = [p for p in re.split(r"[./]", key) if p and not p.isdigit()]
    if not parts:
        return key
    stem, unit = _strip_unit(parts[-1])
    owners = parts[-3:-1] if stem in _PARAMETER_WORDS else parts[-2:-1]
    words = [_strip_unit(p)[0] for p in owners] + [stem]
    text = " ".join(words).replace("_", " ")
    return f"{text} ({unit})" if unit else text


class SweepTable:
    """A merged sweep table: ``axes`` (keys in file order), ``points`` (distinct parameter
    combinations in row order) and the rows, looked up by (point, metric path)."""

    def __init__(self, merged):
        self.name = merged["sweep"].get("name", "sweep")
        self.axes = [a["key"] for a in merged["sweep"]["axes"]]
        self.points = []
        self._rows = {}
        seen = set()
        for row in merged["rows"]:
            point = tuple((k, row["params"].get(k)) for k in self.axes)
            if point not in seen:
                seen.add(point)
                self.points.append(point)
            self._rows[(point, row["metric"])] = row
        self.metrics = sorted({metric for _, metric in self._rows})

    def row(self, point, metric):
        """The row of ``metric`` at ``point``, or None."""
        return self._rows.get((point, metric))

    def schemes_with(self, suffix):
        """Schemes that have the metric /schemes/<name>/summary/<suffix>, in style order."""
        names = {m.group(1) for m in map(_SCHEME_METRIC.match, self.metrics)
                 if m and m.group(2) == suffix}
        return style.scheme_order(sorted(names))

    def line_points(self, x_key):
        """(points along ``x_key`` sorted by its value, note): with other axes, only the points
        where they equal the first point's values (the note names them; "" otherwise)."""
        others = [k for k in self.axes if k != x_key]
        if not self.points:
            return [], ""
        anchor = dict(self.points[0])
        by_x = {}
        for point in self.points:
            values = dict(point)
            if all(values[k] == anchor[k] for k in others) or self._one_point_per_x(x_key):
                by_x.setdefault(values[x_key], point)
        fixed = [] if self._one_point_per_x(x_key) else [f"{k} = {anchor[k]}" for k in others]
        xs = sorted((x for x in by_x if isinstance(x, (int, float))), key=float)
        return [by_x[x] for x in xs], ("other axes fixed at " + ", ".join(fixed)) if fixed else ""

    def _one_point_per_x(self, x_key):
        xs = [dict(p)[x_key] for p in self.points]
        return len(set(xs)) == len(xs)


def _x_of(point, x_key):
    return float(dict(point)[x_key])


def _errorbar(ax, xs, rows, **kwargs):
    """Plots the rows' means with ci95 error bars where n > 1."""
    means = [r["mean"] for r in rows]
    lower = [r["mean"] - r.get("ci95_low", r["mean"]) if r["n"] > 1 else 0.0 for r in rows]
    upper = [r.get("ci95_high", r["mean"]) - r["mean"] if r["n"] > 1 else 0.0 for r in rows]
    if any(lower) or any(upper):
        ax.errorbar(xs, means, yerr=[lower, upper], **kwargs)
    else:
        ax.plot(xs, means, **kwargs)


def _payload_per_lost(table, point, scheme):
    """Payload (symbols + full_blob) bytes over lost bytes repaired, from the means; None when
    the table lacks them or nothing was repaired."""
    lost = table.row(point, f"/schemes/{scheme}/summary/lost_bytes_repaired")
    parts = [table.row(point, f"/schemes/{scheme}/summary/repair_bytes/{c}")
             for c in PAYLOAD_CATEGORIES]
    parts = [p for p in parts if p is not None]
    if lost is None or not parts or lost["mean"] <= 0:
        return None
    return sum(p["mean"] for p in parts) / lost["mean"]


def _style_legend(ax, schemes):
    handles = []
    for name in schemes:
        look = style.scheme_style(name)
        handles.append(Line2D([], [], color=look["color"], marker=look["marker"],
                              linestyle=look["linestyle"], label=look["label"]))
    handles.append(Line2D([], [], color="0.35", marker="o", linestyle="-",
                          label="on the wire (all bytes)"))
    handles.append(Line2D([], [], color="0.35", marker="o", markerfacecolor="white",
                          linestyle=":", label="payload (symbols / blob)"))
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.02, 1.0, 0.2),
              mode="expand", ncol=2, borderaxespad=0.0, handlelength=2.2)


def _per_lost_figure(table, x_key, x_is_bytes, x_label):
    points, note = table.line_points(x_key)
    schemes = [s for s in table.schemes_with("bytes_per_lost_byte") if s in PER_LOST_SCHEMES]
    if len(points) < 2 or not schemes:
        raise Unsupported(f"{table.name}: needs bytes_per_lost_byte of redstuff/rs_rebuild/"
                          f"msr_bound at two or more values of {x_key}")
    fig, (ax,) = style.new_figure("single", height_in=2.7)
    for name in schemes:
        look = style.scheme_style(name)
        wire = [(_x_of(p, x_key), table.row(p, f"/schemes/{name}/summary/bytes_per_lost_byte"))
                for p in points]
        wire = [(x, r) for x, r in wire if r is not None and r["mean"] > 0]
        if wire:
            _errorbar(ax, [x for x, _ in wire], [r for _, r in wire], color=look["color"],
                      marker=look["marker"], linestyle=look["linestyle"])
        payload = [(_x_of(p, x_key), _payload_per_lost(table, p, name)) for p in points]
        payload = [(x, v) for x, v in payload if v is not None and v > 0]
        if payload:
            ax.plot([x for x, _ in payload], [v for _, v in payload], color=look["color"],
                    marker=look["marker"], markerfacecolor="white", linestyle=":")
    ax.set_xscale("log")
    ax.set_yscale("log")
    if x_is_bytes:
        style.set_bytes_axis(ax.xaxis, log=True)
    else:
        ax.xaxis.set_major_locator(ticker.FixedLocator([_x_of(p, x_key) for p in points]))
        ax.xaxis.set_minor_locator(ticker.NullLocator())
        ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, pos: f"{v:g}"))
    ax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, pos: f"{v:g}"))
    ax.set_xlabel(x_label)
    ax.set_ylabel("repair bytes per lost byte")
    _style_legend(ax, schemes)
    fig.sliverplot_note = note
    return fig


def _find_axis(table, predicate, what):
    for key in table.axes:
        if predicate(key):
            return key
    raise Unsupported(f"{table.name}: no {what} axis")


def per_lost_byte_vs_blob_size(merged):
    """Repair bytes per lost byte against blob size (log-log), from a blob-size sweep."""
    table = SweepTable(merged)
    key = _find_axis(table, is_blob_size_key, "blob-size (size_bytes)")
    return _per_lost_figure(table, key, True, "blob size")


def per_lost_byte_vs_shards(merged):
    """Repair bytes per lost byte against the shard count n (log-log), from a shard sweep."""
    table = SweepTable(merged)
    key = _find_axis(table, is_shard_count_key, "shard-count (shards.n)")
    return _per_lost_figure(table, key, False, "shards n")


def durability_vs_churn(merged):
    """Blobs lost, bytes lost and unavailable blob-time per scheme against a churn axis, three
    panels side by side (double column)."""
    table = SweepTable(merged)
    key = _find_axis(table, is_churn_key, "churn (churn/outage/failure)")
    points, note = table.line_points(key)
    present = [(m, label, kind) for m, label, kind in DURABILITY_METRICS
               if table.schemes_with(m)]
    if len(points) < 2 or not present:
        raise Unsupported(f"{table.name}: needs blobs_lost / bytes_lost / "
                          f"unavailable_blob_seconds at two or more values of {key}")
    fig, axes = style.new_figure("double", height_in=2.3, ncols=len(present))
    xs_all = [_x_of(p, key) for p in points]
    for ax, (metric, label, kind) in zip(axes, present):
        for name in table.schemes_with(metric):
            look = style.scheme_style(name)
            series = [(_x_of(p, key), table.row(p, f"/schemes/{name}/summary/{metric}"))
                      for p in points]
            series = [(x, r) for x, r in series if r is not None]
            _errorbar(ax, [x for x, _ in series], [r for _, r in series], color=look["color"],
                      marker=look["marker"], linestyle=look["linestyle"], label=look["label"])
        if kind == "bytes":
            style.set_bytes_axis(ax.yaxis)
        elif kind == "seconds":
            style.set_seconds_axis(ax.yaxis)
        ax.set_ylim(bottom=0.0)
        ax.set_xlabel(key_label(key))
        ax.set_ylabel(label)
    positive = [x for x in xs_all if x > 0]
    if len(positive) == len(xs_all) and max(positive) / min(positive) > 20:
        for ax in axes:
            ax.set_xscale("log")
    style.figure_legend_above(fig, axes[0])
    fig.sliverplot_note = note
    return fig


# (file name, function, what it shows) of every figure a merged sweep table can give, in order.
SWEEP_FIGURES = (
    ("bytes_per_lost_byte_vs_blob_size", per_lost_byte_vs_blob_size,
     "repair bytes per lost byte against blob size (log-log; payload and on the wire)"),
    ("bytes_per_lost_byte_vs_shards", per_lost_byte_vs_shards,
     "repair bytes per lost byte against the shard count n (log-log; payload and on the wire)"),
    ("durability_vs_churn", durability_vs_churn,
     "blobs lost, bytes lost and unavailable blob-time against the churn rate"),
)
