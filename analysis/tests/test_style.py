"""The paper style: fixed scheme looks, axis formatters with units, and deterministic saving
(the same figure saved twice, or by two processes with different hash seeds, gives identical
PDF and PNG bytes without dates or version strings)."""

import os
import subprocess
import sys
import tempfile
import unittest

from sliverplot import style
from tests import support


def _figure():
    fig, (ax,) = style.new_figure("single")
    for i, name in enumerate(support.SCHEMES):
        look = style.scheme_style(name)
        ax.plot([0, 1, 2], [i, i + 1, 2 * i], color=look["color"], marker=look["marker"],
                linestyle=look["linestyle"], label=look["label"])
    style.set_bytes_axis(ax.yaxis)
    style.legend_above(ax)
    return fig


_CHILD = """
import sys
sys.path.insert(0, {analysis!r})
from tests.test_style import _figure
from sliverplot import style
style.save_figure(_figure(), sys.argv[1], "f")
"""


class SchemeStyleTest(unittest.TestCase):
    def test_every_scheme_has_its_fixed_look(self):
        looks = [style.scheme_style(n) for n in support.SCHEMES]
        self.assertEqual(len({look["color"] for look in looks}), 4)
        self.assertEqual(len({look["marker"] for look in looks}), 4)
        msr = style.scheme_style("msr_bound")
        self.assertEqual(msr["label"], "MSR bound (analytic)")
        self.assertEqual(msr["linestyle"], "--")
        self.assertEqual(style.scheme_style("redstuff")["color"], "#0072B2")
        self.assertEqual(style.scheme_style("custom"), style.scheme_style("custom"))

    def test_known_schemes_come_first_in_a_fixed_order(self):
        self.assertEqual(style.scheme_order(["zeta", "msr_bound", "alpha", "redstuff"]),
                         ["redstuff", "msr_bound", "alpha", "zeta"])

    def test_figure_widths_fit_one_and_two_columns(self):
        fig, axes = style.new_figure("double", ncols=3)
        self.assertEqual(len(axes), 3)
        self.assertAlmostEqual(fig.get_figwidth(), 7.0)
        fig2, _ = style.new_figure("single")
        self.assertAlmostEqual(fig2.get_figwidth(), 3.4)


class FormatterTest(unittest.TestCase):
    def test_linear_byte_ticks_share_a_binary_unit(self):
        fig, (ax,) = style.new_figure()
        ax.plot([0, 1], [0, 21 * 2**30])
        style.set_bytes_axis(ax.yaxis)
        fig.canvas.draw()
        labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
        self.assertIn("0", labels)
        self.assertIn("10 GiB", labels)
        self.assertTrue(all(label == "0" or label.endswith(" GiB") for label in labels), labels)

    def test_log_byte_ticks_sit_at_powers_of_two(self):
        fig, (ax,) = style.new_figure()
        ax.set_xscale("log")
        ax.plot([65536, 16777216], [1, 2])
        style.set_bytes_axis(ax.xaxis, log=True)
        fig.canvas.draw()
        labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
        self.assertIn("64 KiB", labels)
        self.assertIn("1 MiB", labels)
        self.assertIn("16 MiB", labels)

    def test_time_ticks_use_round_durations(self):
        fig, (ax,) = style.new_figure()
        ax.set_xscale("log")
        ax.plot([0.1, 30.0], [0, 1])
        style.set_seconds_axis(ax.xaxis, log=True)
        fig.canvas.draw()
        labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
        self.assertEqual(labels[:3], ["100 ms", "1 s", "10 s"])
        fig2, (ax2,) = style.new_figure()
        ax2.plot([0, 3 * 86400], [0, 1])
        style.set_seconds_axis(ax2.xaxis)
        fig2.canvas.draw()
        labels2 = [t.get_text() for t in ax2.get_xticklabels() if t.get_text()]
        self.assertIn("1 day", labels2)
        self.assertIn("3 days", labels2)


class DeterministicSaveTest(unittest.TestCase):
    def _read(self, path):
        with open(path, "rb") as f:
            return f.read()

    def test_saving_the_same_figure_twice_gives_identical_files(self):
        with tempfile.TemporaryDirectory() as d:
            a = style.save_figure(_figure(), os.path.join(d, "a"), "f")
            b = style.save_figure(_figure(), os.path.join(d, "b"), "f")
            for first, second in zip(a, b):
                self.assertEqual(self._read(first), self._read(second), first)
            pdf = self._read(a[0])
            self.assertTrue(pdf.startswith(b"%PDF"))
            self.assertNotIn(b"CreationDate", pdf)
            self.assertNotIn(b"ModDate", pdf)
            self.assertIn(b"/Creator (sliversim analysis)", pdf)
            png = self._read(a[1])
            self.assertTrue(png.startswith(b"\x89PNG"))
            self.assertNotIn(b"Matplotlib version", png)

    def test_processes_with_different_hash_seeds_write_identical_files(self):
        with tempfile.TemporaryDirectory() as d:
            outputs = []
            for seed in ("1", "2"):
                out = os.path.join(d, seed)
                env = dict(os.environ, PYTHONHASHSEED=seed, MPLBACKEND="Agg")
                subprocess.run([sys.executable, "-c",
                                _CHILD.format(analysis=support.ANALYSIS_DIR), out],
                               check=True, env=env, cwd=support.ANALYSIS_DIR)
                outputs.append([self._read(os.path.join(out, "f.pdf")),
                                self._read(os.path.join(out, "f.png"))])
            self.assertEqual(outputs[0], outputs[1])


if __name__ == "__main__":
    unittest.main()
