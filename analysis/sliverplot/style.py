"""The one paper style of sliversim figures, the fixed look of every scheme, axis formatters with
units, and deterministic saving (PDF + PNG, byte-identical from run to run).

Colours are the Okabe-Ito colour-blind-safe palette; each scheme keeps its colour, marker and line
style in every figure. Sizes fit a single column (3.4 in) or a double column (7 in).
"""

import math
import os
import zlib

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)
from matplotlib import ticker  # noqa: E402

from sliverplot import units  # noqa: E402

SINGLE_COLUMN_IN = 3.4
DOUBLE_COLUMN_IN = 7.0
DEFAULT_HEIGHT_IN = 2.4

PNG_DPI = 200
PDF_METADATA = {
    "CreationDate": None,
    "ModDate": None,
    "Producer": "sliversim analysis (matplotlib)",
    "Creator": "sliversim analysis",
}
PNG_METADATA = {"Software": "sliversim analysis (matplotlib)"}

# Scheme name -> its look. msr_bound is analytic: dashed, and labelled as such.
SCHEME_STYLES = {
    "redstuff": {"label": "RedStuff", "color": "#0072B2", "marker": "o", "linestyle": "-"},
    "rs_rebuild": {"label": "RS rebuild", "color": "#D55E00", "marker": "s", "linestyle": "-"},
    "replication": {"label": "Replication", "color": "#009E73", "marker": "^", "linestyle": "-"},
    "msr_bound": {
        "label": "MSR bound (analytic)",
        "color": "#000000",
        "marker": "D",
        "linestyle": "--",
    },
}
_OTHER_COLORS = ("#E69F00", "#56B4E9", "#CC79A7", "#999999")
_OTHER_MARKERS = ("v", "P", "X", "*")

PAPER_RC = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 8,
    "axes.labelsize": 8,
    "axes.titlesize": 8,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "legend.fontsize": 7,
    "legend.frameon": False,
    "lines.linewidth": 1.2,
    "lines.markersize": 3.5,
    "errorbar.capsize": 2,
    "axes.linewidth": 0.6,
    "axes.grid": True,
    "grid.linewidth": 0.4,
    "grid.alpha": 0.35,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.hashsalt": "sliversim",
    "path.simplify": False,
    "figure.dpi": 100,
}


def apply_style():
    """Sets the paper style on matplotlib's global rcParams (idempotent)."""
    matplotlib.rcParams.update(PAPER_RC)


def scheme_style(name):
    """The look of scheme ``name``: a dict with label, color, marker and linestyle. Unknown names
    get a colour and marker chosen from a CRC of the name, the same in every run."""
    if name in SCHEME_STYLES:
        return dict(SCHEME_STYLES[name])
    index = zlib.crc32(name.encode("utf-8"))
    return {
        "label": name,
        "color": _OTHER_COLORS[index % len(_OTHER_COLORS)],
        "marker": _OTHER_MARKERS[index % len(_OTHER_MARKERS)],
        "linestyle": "-.",
    }


def scheme_order(names):
    """``names`` with the known schemes first (redstuff, rs_rebuild, replication, msr_bound),
    then the others alphabetically."""
    known = [n for n in SCHEME_STYLES if n in names]
    return known + sorted(n for n in names if n not in SCHEME_STYLES)


def new_figure(width="single", height_in=DEFAULT_HEIGHT_IN, ncols=1):
    """A figure of one column ("single", 3.4 in) or two ("double", 7 in) wide with ``ncols``
    axes side by side, constrained layout. Returns (figure, list of axes)."""
    apply_style()
    width_in = SINGLE_COLUMN_IN if width == "single" else DOUBLE_COLUMN_IN
    fig, axes = plt.subplots(1, ncols, figsize=(width_in, height_in), layout="constrained")
    return fig, list(axes) if ncols > 1 else [axes]


def legend_above(ax, ncol=2):
    """Puts the axes' legend above the plotting area, so it never covers data."""
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        ax.legend(handles, labels, loc="lower left", bbox_to_anchor=(0.0, 1.02, 1.0, 0.2),
                  mode="expand", ncol=ncol, borderaxespad=0.0, handlelength=2.2)


def figure_legend_above(fig, ax, ncol=4):
    """One legend for a multi-panel figure, in a band above all panels (handles from ``ax``)."""
    handles, labels = ax.get_legend_handles_labels()
    if not handles:
        return
    band = 0.3 / fig.get_figheight()  # about one legend row
    fig.get_layout_engine().set(rect=(0.0, 0.0, 1.0, 1.0 - band))
    fig.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 1.0), ncol=ncol,
               handlelength=2.2)


class _UnitFormatter(ticker.Formatter):
    """Tick labels that share one unit chosen from the largest tick shown."""

    def __init__(self, unit_of, suffix=""):
        self._unit_of = unit_of
        self._suffix = suffix
        self._unit = (1.0, "")

    def set_locs(self, locs):
        super().set_locs(locs)
        finite = [abs(v) for v in locs if math.isfinite(v)]
        self._unit = self._unit_of(max(finite) if finite else 0.0)

    def __call__(self, value, pos=None):
        if value == 0:
            return "0"
        divisor, name = self._unit
        text = units.significant(value / divisor)
        if name == "days" and text == "1":
            name = "day"
        return f"{text} {name}{self._suffix}"


class _UnitLocator(ticker.Locator):
    """Linear ticks at round numbers of the unit the largest value is printed in."""

    def __init__(self, unit_of, nbins=5):
        self._unit_of = unit_of
        self._nbins = nbins

    def __call__(self):
        vmin, vmax = self.axis.get_view_interval()
        return self.tick_values(vmin, vmax)

    def tick_values(self, vmin, vmax):
        divisor, _ = self._unit_of(max(abs(vmin), abs(vmax)))
        inner = ticker.MaxNLocator(nbins=self._nbins, steps=[1, 2, 2.5, 5, 10])
        return [v * divisor for v in inner.tick_values(vmin / divisor, vmax / divisor)]


class _ListLogLocator(ticker.Locator):
    """Log-axis ticks at given round values (thinned to at most ``max_ticks``), falling back to
    matplotlib's LogLocator when fewer than two fall in view."""

    def __init__(self, candidates, max_ticks=7):
        self._candidates = candidates
        self._max_ticks = max_ticks

    def __call__(self):
        vmin, vmax = self.axis.get_view_interval()
        return self.tick_values(vmin, vmax)

    def tick_values(self, vmin, vmax):
        lo, hi = min(vmin, vmax), max(vmin, vmax)
        inside = [c for c in self._candidates if lo <= c <= hi]
        if len(inside) < 2:
            return ticker.LogLocator().tick_values(max(lo, 1e-300), hi)
        step = math.ceil(len(inside) / self._max_ticks)
        return inside[::step]


# Powers of two from 1 B to 1 EiB: ticks of logarithmic byte axes (thinned to multiples of 10
# when dense, so 1 KiB, 1 MiB, 1 GiB).
_POWERS_OF_TWO = [2.0**k for k in range(0, 61)]
# Round durations for logarithmic time axes.
_ROUND_SECONDS = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1.0, 10.0, 60.0, 600.0, 3600.0, 6 * 3600.0,
                  86400.0, 7 * 86400.0, 30 * 86400.0, 365 * 86400.0]


def _log_byte_ticks(lo, hi, max_ticks=7):
    k_lo = math.ceil(math.log2(max(lo, 1.0)))
    k_hi = math.floor(math.log2(max(hi, 1.0)))
    for step in (1, 2, 5, 10, 20):
        ks = [k for k in range(k_lo, k_hi + 1) if k % step == 0]
        if len(ks) <= max_ticks:
            return [2.0**k for k in ks]
    return [2.0**k for k in range(k_lo, k_hi + 1) if k % 20 == 0]


class _LogByteLocator(ticker.Locator):
    """Log-axis byte ticks at powers of two (1 KiB, 32 KiB, 1 MiB, ...)."""

    def __call__(self):
        vmin, vmax = self.axis.get_view_interval()
        return self.tick_values(vmin, vmax)

    def tick_values(self, vmin, vmax):
        ticks = _log_byte_ticks(min(vmin, vmax), max(vmin, vmax))
        return ticks if len(ticks) >= 2 else ticker.LogLocator().tick_values(vmin, vmax)


def set_bytes_axis(axis, log=False, per_second=False):
    """Byte tick labels with binary units on ``axis`` (ax.xaxis or ax.yaxis): "0", "512 MiB",
    "1 GiB"; with ``per_second`` "MiB/s". With ``log`` the axis must already be logarithmic;
    ticks sit at powers of two."""
    suffix = "/s" if per_second else ""
    if log:
        axis.set_major_locator(_LogByteLocator())
        axis.set_minor_locator(ticker.NullLocator())
        axis.set_major_formatter(ticker.FuncFormatter(
            lambda v, pos: units.human_bytes(v) + suffix))
    else:
        axis.set_major_locator(_UnitLocator(units.byte_unit))
        axis.set_major_formatter(_UnitFormatter(units.byte_unit, suffix))


def set_seconds_axis(axis, log=False):
    """Duration tick labels with units on ``axis``: "30 s", "2 h", "3 days". With ``log`` the axis
    must already be logarithmic; ticks sit at round durations (1 s, 1 min, 1 h, 1 day, ...)."""
    if log:
        axis.set_major_locator(_ListLogLocator(_ROUND_SECONDS))
        axis.set_minor_locator(ticker.NullLocator())
        axis.set_major_formatter(ticker.FuncFormatter(lambda v, pos: units.human_seconds(v)))
    else:
        axis.set_major_locator(_UnitLocator(units.time_unit))
        axis.set_major_formatter(_UnitFormatter(units.time_unit))


def save_figure(fig, out_dir, name):
    """Writes ``fig`` to OUT_DIR/NAME.pdf and OUT_DIR/NAME.png (200 dpi) with fixed metadata (no
    dates, no version strings), closes it and returns the two paths. Saving the same figure
    twice gives byte-identical files."""
    os.makedirs(out_dir, exist_ok=True)
    pdf_path = os.path.join(out_dir, name + ".pdf")
    png_path = os.path.join(out_dir, name + ".png")
    with matplotlib.rc_context({"svg.hashsalt": PAPER_RC["svg.hashsalt"]}):
        fig.savefig(pdf_path, format="pdf", metadata=PDF_METADATA)
        fig.savefig(png_path, format="png", dpi=PNG_DPI, metadata=PNG_METADATA)
    plt.close(fig)
    return [pdf_path, png_path]
