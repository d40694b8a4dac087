"""Figures of one results file (``sliversim run`` or one sweep point), per scheme:
cumulative repair bytes over simulated time, mean repair bandwidth per epoch, and the CDF of
repair durations (from /schemes/*/summary/repair_seconds/cdf, or its percentiles when a file
has no cdf).

Each function takes the parsed results object and returns a matplotlib Figure, or raises
Unsupported with a one-line reason when the file lacks what the figure needs.
"""

from sliverplot import style
from sliverplot.inputs import number_or_none, pointer_get


class Unsupported(Exception):
    """The inputs do not support a figure; str() is the one-line reason."""


def _schemes(results):
    return style.scheme_order(list(results["schemes"]))


def epoch_bounds_days(results, epochs):
    """[(start_days, end_days)] of epochs 0..epochs-1 from /world/per_epoch, else from the
    resolved epoch length; None when neither is in the file."""
    world = pointer_get(results, "/world/per_epoch")
    if isinstance(world, list) and len(world) >= epochs:
        bounds = [(number_or_none(e.get("start_days")), number_or_none(e.get("end_days")))
                  for e in world[:epochs]]
        if all(s is not None and t is not None for s, t in bounds):
            return bounds
    hours = number_or_none(pointer_get(results, "/scenario/resolved/epochs/length_hours"))
    if hours is None or hours <= 0:
        return None
    days = hours / 24.0
    duration = number_or_none(pointer_get(results, "/world/duration_days"))
    bounds = [(e * days, (e + 1) * days) for e in range(epochs)]
    if duration is not None and bounds and bounds[-1][1] > duration > bounds[-1][0]:
        bounds[-1] = (bounds[-1][0], duration)
    return bounds


def _per_epoch_series(results, key):
    """{scheme: [value per epoch]} of a per-epoch number, for schemes that have the series."""
    series = {}
    for name in _schemes(results):
        epochs = results["schemes"][name].get("per_epoch", [])
        values = [number_or_none(e.get(key)) for e in epochs]
        if values and all(v is not None for v in values):
            series[name] = values
    return series


def _wide_range(values, factor=30.0):
    """True when the positive values span more than ``factor`` (a log axis reads better)."""
    positive = [v for v in values if v > 0]
    return len(positive) >= 2 and max(positive) / min(positive) > factor


def _plot_kwargs(name, markevery=None):
    look = style.scheme_style(name)
    return {"color": look["color"], "marker": look["marker"], "linestyle": look["linestyle"],
            "label": look["label"], "markevery": markevery}


def _markevery(points):
    return max(1, points // 12)


def _epoch_repair_series(results):
    """Each scheme's per-epoch repair bytes, the epochs all of them have, and those epochs'
    (start, end) days; Unsupported when the results lack either."""
    series = _per_epoch_series(results, "repair_bytes_total")
    if not series:
        raise Unsupported("no /schemes/*/per_epoch repair_bytes_total series")
    epochs = min(len(v) for v in series.values())
    bounds = epoch_bounds_days(results, epochs)
    if bounds is None:
        raise Unsupported("no epoch times (/world/per_epoch or the resolved epoch length)")
    return series, epochs, bounds


def cumulative_repair_bytes(results):
    """Cumulative repair bytes (all categories, weighted) against simulated time in days, one
    line per scheme, a point at the end of every epoch."""
    series, epochs, bounds = _epoch_repair_series(results)
    fig, (ax,) = style.new_figure("single")
    finals = []
    for name, values in series.items():
        xs, ys, total = [bounds[0][0]], [0.0], 0.0
        for e in range(epochs):
            total += values[e]
            xs.append(bounds[e][1])
            ys.append(total)
        finals.append(total)
        ax.plot(xs, ys, **_plot_kwargs(name, _markevery(len(xs))))
    log = _wide_range(finals)
    if log:
        ax.set_yscale("log")
    style.set_bytes_axis(ax.yaxis, log=log)
    ax.set_xlabel("simulated time (days)")
    ax.set_ylabel("cumulative repair traffic")
    ax.set_xlim(left=bounds[0][0])
    style.legend_above(ax)
    return fig


def epoch_repair_bandwidth(results):
    """Mean repair bandwidth of each epoch (its repair bytes over its length, bytes/s) against
    simulated time in days, as steps, one line per scheme."""
    series, epochs, bounds = _epoch_repair_series(results)
    fig, (ax,) = style.new_figure("single")
    rates_all = []
    for name, values in series.items():
        xs, ys = [], []
        for e in range(epochs):
            seconds = (bounds[e][1] - bounds[e][0]) * 86400.0
            rate = values[e] / seconds if seconds > 0 else 0.0
            xs.append(bounds[e][0])
            ys.append(rate)
        xs.append(bounds[epochs - 1][1])
        ys.append(ys[-1])
        rates_all.extend(ys)
        kwargs = _plot_kwargs(name, _markevery(len(xs)))
        ax.plot(xs, ys, drawstyle="steps-post", **kwargs)
    log = _wide_range(rates_all)
    if log:
        ax.set_yscale("log")
    style.set_bytes_axis(ax.yaxis, log=log, per_second=True)
    ax.set_xlabel("simulated time (days)")
    ax.set_ylabel("mean repair bandwidth per epoch")
    ax.set_xlim(left=bounds[0][0])
    style.legend_above(ax)
    return fig


def repair_duration_points(summary):
    """(points, exact) of a scheme summary's repair-duration distribution: points is a list of
    (seconds, fraction); exact is True for the full cdf, False for the p50/p90/p99/max fallback.
    ([], True) when the scheme completed no repair job."""
    seconds = summary.get("repair_seconds")
    if not isinstance(seconds, dict):
        return [], True
    cdf = seconds.get("cdf")
    if isinstance(cdf, list):
        points = [(number_or_none(p[0]), number_or_none(p[1])) for p in cdf
                  if isinstance(p, list) and len(p) == 2]
        return [(s, q) for s, q in points if s is not None and q is not None], True
    if number_or_none(summary.get("repair_jobs")) == 0:
        return [], True
    points = []
    for key, fraction in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("max", 1.0)):
        value = number_or_none(seconds.get(key))
        if value is not None:
            points.append((value, fraction))
    return points, False


def repair_duration_cdf(results):
    """The distribution of repair-job durations per scheme: the empirical CDF (fraction of jobs
    finished within x) from the summary's cdf, or marked percentiles when the file has none."""
    curves = {}
    for name in _schemes(results):
        points, exact = repair_duration_points(results["schemes"][name]["summary"])
        if points:
            curves[name] = (points, exact)
    if not curves:
        raise Unsupported("no scheme completed a repair job (empty repair_seconds)")
    fig, (ax,) = style.new_figure("single")
    all_seconds = [s for points, _ in curves.values() for s, _ in points]
    for name, (points, exact) in curves.items():
        look = style.scheme_style(name)
        xs = [s for s, _ in points]
        ys = [q for _, q in points]
        if exact:
            ax.step(xs, ys, where="post", color=look["color"], linestyle=look["linestyle"],
                    label=look["label"])
        else:
            ax.plot(xs, ys, color=look["color"], linestyle=":", marker=look["marker"],
                    label=look["label"] + " (p50/p90/p99/max)")
    log = _wide_range(all_seconds, 20.0) and min(all_seconds) > 0
    if log:
        ax.set_xscale("log")
    style.set_seconds_axis(ax.xaxis, log=log)
    ax.set_ylim(0.0, 1.02)
    ax.set_xlabel("repair job duration")
    ax.set_ylabel("fraction of repair jobs")
    style.legend_above(ax)
    return fig


# (file name, function, what it shows) of every figure one results file can give, in order.
RUN_FIGURES = (
    ("cumulative_repair_bytes", cumulative_repair_bytes,
     "cumulative repair bytes per scheme over simulated time"),
    ("epoch_repair_bandwidth", epoch_repair_bandwidth,
     "mean repair bandwidth of each epoch per scheme"),
    ("repair_duration_cdf", repair_duration_cdf, "CDF of repair-job durations per scheme"),
)
