#!/usr/bin/python3
"""Figures and a Markdown summary from sliversim results, without simulating anything.

    /usr/bin/python3 analysis/report.py RESULTS.json [MORE.json | MERGED.json ...] --out DIR

Each input is recognised by content: a results file of `sliversim run` (or a sweep point) gives
cumulative repair bytes, per-epoch repair bandwidth and the repair-duration CDF; a merged sweep
table of `sliversim merge` (its JSON) gives repair bytes per lost byte against blob size or n,
and durability against churn, as its axes allow. Every figure the inputs support is written as
DIR/<figure>.pdf and .png (a second input giving the same figure adds "-<input stem>"), the others
are skipped with a one-line note, and DIR/summary.md gets the tables. Exit codes: 0 done, 2
unusable input (every problem is printed, nothing is written).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from sliverplot import inputs, run_figures, summary, sweep_figures  # noqa: E402
from sliverplot.style import save_figure  # noqa: E402


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="report.py",
        description="Figures (PDF + PNG) and summary.md from sliversim results files and merged "
        "sweep tables. Never simulates.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT.json",
                        help="results of `sliversim run` or a merged table of `sliversim merge`")
    parser.add_argument("--out", required=True, metavar="DIR", help="output directory")
    return parser.parse_args(argv)


def load_all(paths):
    """The loaded inputs, or (None, messages) when any is unusable."""
    loaded, problems = [], []
    for path in paths:
        try:
            loaded.append(inputs.load_input(path))
        except inputs.InputError as e:
            problems.append(str(e))
    return loaded, problems


def _unique_name(base, item, used):
    name = base if base not in used else f"{base}-{item.stem}"
    suffix = 2
    while name in used:
        name = f"{base}-{item.stem}-{suffix}"
        suffix += 1
    used.add(name)
    return name


def make_figures(loaded, out_dir):
    """Writes every supported figure; returns (made, skipped) as summary.render wants them."""
    made, skipped, used = [], [], set()
    for item in loaded:
        table = run_figures.RUN_FIGURES if item.kind == inputs.RESULTS else \
            sweep_figures.SWEEP_FIGURES
        for base, function, shows in table:
            try:
                fig = function(item.data)
            except run_figures.Unsupported as e:
                skipped.append((base, item.path, str(e)))
                continue
            name = _unique_name(base, item, used)
            note = getattr(fig, "sliverplot_note", "")
            save_figure(fig, out_dir, name)
            made.append((name, item.path, shows, note))
    return made, skipped


def main(argv):
    args = parse_args(argv)
    loaded, problems = load_all(args.inputs)
    if problems:
        for message in problems:
            print(f"error: {message}", file=sys.stderr)
        return 2
    if os.path.exists(args.out) and not os.path.isdir(args.out):
        print(f"error: {args.out}: exists and is not a directory", file=sys.stderr)
        return 2
    os.makedirs(args.out, exist_ok=True)
    made, skipped = make_figures(loaded, args.out)
    notes = ["payload = symbols + full_blob repair bytes over lost bytes repaired (ratio of the "
             "seed means); on the wire = every repair byte but cooperative transfers, with its "
             "95 % CI"] if any(m[0].startswith("bytes_per_lost_byte") for m in made) else []
    summary_path = os.path.join(args.out, "summary.md")
    with open(summary_path, "w", encoding="utf-8") as f:
        f.write(summary.render(loaded, made, skipped, notes))
    for name, *_ in made:
        print(f"figure: {os.path.join(args.out, name)}.pdf (.png)")
    for figure, path, reason in skipped:
        print(f"skipped {figure} for {path}: {reason}")
    print(f"summary: {summary_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
