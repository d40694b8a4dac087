"""Every figure from the fixtures, checked on the data it plots: the numbers drawn are the numbers
of the results file or merged table (sums, rates, CDF points, means, confidence intervals), the
fallbacks work, and figures a file cannot support are refused with a reason."""

import copy
import unittest

import matplotlib.pyplot as plt
from matplotlib.container import ErrorbarContainer

from sliverplot import run_figures, style, sweep_figures
from sliverplot.run_figures import Unsupported
from tests import support


def data_lines(ax, scheme):
    """The drawn lines (not error-bar caps) in the colour of ``scheme``."""
    color = style.scheme_style(scheme)["color"]
    return [line for line in ax.lines
            if line.get_color() == color and line.get_linestyle() not in ("None", "")]


class RunFiguresTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.results = support.load(support.RESULTS)

    def tearDown(self):
        plt.close("all")

    def per_epoch(self, scheme, key):
        return [e[key] for e in self.results["schemes"][scheme]["per_epoch"]]

    def test_cumulative_repair_bytes_end_at_each_schemes_total(self):
        fig = run_figures.cumulative_repair_bytes(self.results)
        ax = fig.axes[0]
        end_days = self.results["world"]["per_epoch"][-1]["end_days"]
        for scheme in support.SCHEMES:
            (line,) = data_lines(ax, scheme)
            ys = list(line.get_ydata())
            self.assertEqual(ys[0], 0.0)
            self.assertEqual(ys[-1], sum(self.per_epoch(scheme, "repair_bytes_total")))
            self.assertEqual(ys[-1], self.results["schemes"][scheme]["summary"][
                "repair_bytes_total"])
            self.assertEqual(line.get_xdata()[-1], end_days)
            self.assertTrue(all(a <= b for a, b in zip(ys, ys[1:])))
        labels = [t.get_text() for t in ax.get_legend().get_texts()]
        self.assertEqual(labels, ["RedStuff", "RS rebuild", "Replication", "MSR bound (analytic)"])
        self.assertEqual(data_lines(ax, "msr_bound")[0].get_linestyle(), "--")

    def test_epoch_bandwidth_is_epoch_bytes_over_epoch_seconds(self):
        fig = run_figures.epoch_repair_bandwidth(self.results)
        ax = fig.axes[0]
        world = self.results["world"]["per_epoch"]
        for scheme in support.SCHEMES:
            (line,) = data_lines(ax, scheme)
            expected = [b / ((w["end_us"] - w["start_us"]) / 1e6)
                        for b, w in zip(self.per_epoch(scheme, "repair_bytes_total"), world)]
            ys = list(line.get_ydata())
            self.assertEqual(len(ys), len(expected) + 1)  # the last step is closed
            for got, want in zip(ys, expected):
                self.assertAlmostEqual(got, want, delta=want * 1e-12)
            self.assertEqual(list(line.get_xdata())[:2], [w["start_days"] for w in world[:2]])

    def test_epoch_times_fall_back_to_the_resolved_epoch_length(self):
        results = copy.deepcopy(self.results)
        del results["world"]
        bounds = run_figures.epoch_bounds_days(results, 8)
        self.assertEqual(bounds[0], (0.0, 1.0))
        self.assertEqual(bounds[7], (7.0, 8.0))
        del results["scenario"]["resolved"]["epochs"]
        with self.assertRaisesRegex(Unsupported, "no epoch times"):
            run_figures.cumulative_repair_bytes(results)

    def test_duration_cdf_draws_the_summary_cdf(self):
        fig = run_figures.repair_duration_cdf(self.results)
        ax = fig.axes[0]
        for scheme in support.SCHEMES:
            cdf = self.results["schemes"][scheme]["summary"]["repair_seconds"]["cdf"]
            self.assertEqual(len(cdf), 101)
            (line,) = data_lines(ax, scheme)
            self.assertEqual(list(line.get_xdata()), [p[0] for p in cdf])
            self.assertEqual(list(line.get_ydata()), [p[1] for p in cdf])
        self.assertEqual(ax.get_xscale(), "log")  # 0.1 s to 27 s

    def test_duration_cdf_falls_back_to_the_percentiles(self):
        fig = run_figures.repair_duration_cdf(support.without_cdf(self.results))
        ax = fig.axes[0]
        seconds = self.results["schemes"]["rs_rebuild"]["summary"]["repair_seconds"]
        (line,) = data_lines(ax, "rs_rebuild")
        self.assertEqual(list(line.get_xdata()),
                         [seconds["p50"], seconds["p90"], seconds["p99"], seconds["max"]])
        self.assertEqual(list(line.get_ydata()), [0.5, 0.9, 0.99, 1.0])
        self.assertIn("RS rebuild (p50/p90/p99/max)",
                      [t.get_text() for t in ax.get_legend().get_texts()])

    def test_a_run_without_repairs_or_epochs_gives_no_such_figures(self):
        idle = copy.deepcopy(self.results)
        for scheme in idle["schemes"].values():
            scheme["summary"]["repair_seconds"]["cdf"] = []
            scheme["per_epoch"] = []
        with self.assertRaisesRegex(Unsupported, "no scheme completed a repair job"):
            run_figures.repair_duration_cdf(idle)
        with self.assertRaisesRegex(Unsupported, "per_epoch"):
            run_figures.epoch_repair_bandwidth(idle)


class SweepFiguresTest(unittest.TestCase):
    def tearDown(self):
        plt.close("all")

    def rows(self, merged, metric, **params):
        return [r for r in merged["rows"] if r["metric"] == metric
                and all(r["params"][k] == v for k, v in params.items())]

    def test_per_lost_byte_against_blob_size_plots_means_with_ci_and_payload(self):
        merged = support.load(support.BLOB_SIZE)
        fig = sweep_figures.per_lost_byte_vs_blob_size(merged)
        ax = fig.axes[0]
        self.assertEqual((ax.get_xscale(), ax.get_yscale()), ("log", "log"))
        key = "blobs.0.size_bytes.value_bytes"
        sizes = [65536, 1048576, 16777216]
        for scheme in ("redstuff", "rs_rebuild", "msr_bound"):
            wire, payload = data_lines(ax, scheme)
            self.assertEqual(list(wire.get_xdata()), sizes)
            means = [self.rows(merged, f"/schemes/{scheme}/summary/bytes_per_lost_byte",
                               **{key: s})[0]["mean"] for s in sizes]
            self.assertEqual(list(wire.get_ydata()), means)
            self.assertEqual(payload.get_linestyle(), ":")
            for size, got in zip(sizes, payload.get_ydata()):
                parts = sum(self.rows(merged, f"/schemes/{scheme}/summary/repair_bytes/{c}",
                                      **{key: size})[0]["mean"]
                            for c in ("symbols", "full_blob"))
                lost = self.rows(merged, f"/schemes/{scheme}/summary/lost_bytes_repaired",
                                 **{key: size})[0]["mean"]
                self.assertAlmostEqual(got, parts / lost)
        # n = 3 seeds: error bars from the ci95 bounds (none for msr_bound, whose CI is a point).
        bars = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
        self.assertEqual([c.lines[0].get_color() for c in bars],
                         [style.scheme_style(s)["color"] for s in ("redstuff", "rs_rebuild")])
        row = self.rows(merged, "/schemes/redstuff/summary/bytes_per_lost_byte", **{key: 65536})[0]
        segments = bars[0].lines[2][0].get_segments()
        self.assertAlmostEqual(segments[0][0][1], row["ci95_low"])
        self.assertAlmostEqual(segments[0][1][1], row["ci95_high"])
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        self.assertIn("MSR bound (analytic)", legend)
        self.assertIn("payload (symbols / blob)", legend)

    def test_per_lost_byte_against_n_without_error_bars_for_one_seed(self):
        merged = support.load(support.SHARD_COUNT)
        fig = sweep_figures.per_lost_byte_vs_shards(merged)
        ax = fig.axes[0]
        self.assertFalse([c for c in ax.containers if isinstance(c, ErrorbarContainer)])
        wire, _ = data_lines(ax, "rs_rebuild")
        self.assertEqual(list(wire.get_xdata()), [100, 301, 1000])
        self.assertEqual(list(wire.get_ydata()), [34.0, 101.0, 334.0])  # k_p of each n
        fig.canvas.draw()
        self.assertEqual([t.get_text() for t in ax.get_xticklabels()], ["100", "301", "1000"])

    def test_durability_against_churn_keeps_the_first_value_of_other_axes(self):
        merged = support.load(support.CHURN)
        fig = sweep_figures.durability_vs_churn(merged)
        self.assertEqual(len(fig.axes), 3)
        self.assertIn("network.detection_delay_seconds = 300", fig.sliverplot_note)
        key = "nodes.classes.0.churn.transient_outages.rate_per_year"
        rates = [0, 12, 52, 365]
        for ax, metric in zip(fig.axes, ("blobs_lost", "bytes_lost", "unavailable_blob_seconds")):
            self.assertEqual(ax.get_xlabel(), "transient outages rate (1/year)")
            for scheme in ("redstuff", "rs_rebuild", "replication"):
                (line,) = data_lines(ax, scheme)
                self.assertEqual(list(line.get_xdata()), rates)
                want = [self.rows(merged, f"/schemes/{scheme}/summary/{metric}",
                                  **{key: r, "network.detection_delay_seconds": 300})[0]["mean"]
                        for r in rates]
                self.assertEqual(list(line.get_ydata()), want)

    def test_a_table_without_the_axis_is_refused_with_a_reason(self):
        churn = support.load(support.CHURN)
        with self.assertRaisesRegex(Unsupported, "no blob-size"):
            sweep_figures.per_lost_byte_vs_blob_size(churn)
        with self.assertRaisesRegex(Unsupported, "no churn"):
            sweep_figures.durability_vs_churn(support.load(support.BLOB_SIZE))

    def test_axis_keys_are_recognised_and_labelled(self):
        self.assertTrue(sweep_figures.is_shard_count_key("shards.n"))
        self.assertTrue(sweep_figures.is_shard_count_key("/shards/n"))
        self.assertFalse(sweep_figures.is_shard_count_key("shards.cap_min_nodes"))
        self.assertTrue(sweep_figures.is_churn_key("correlated_outages.0.rate_per_year"))
        self.assertTrue(sweep_figures.is_blob_size_key("blobs.0.size_bytes.value_bytes"))
        self.assertEqual(
            sweep_figures.key_label("nodes.classes.0.churn.permanent_failures.lifetime_days"
                                    ".mean_days"), "permanent failures lifetime mean (days)")

    def test_zipped_axes_use_every_point(self):
        merged = support.load(support.SHARD_COUNT)
        merged = copy.deepcopy(merged)
        merged["sweep"]["axes"].append({"key": "blobs.0.weight", "values": [1, 2, 3]})
        for row in merged["rows"]:
            row["params"]["blobs.0.weight"] = {100: 1, 301: 2, 1000: 3}[row["params"]["shards.n"]]
        table = sweep_figures.SweepTable(merged)
        points, note = table.line_points("shards.n")
        self.assertEqual([dict(p)["blobs.0.weight"] for p in points], [1, 2, 3])
        self.assertEqual(note, "")


if __name__ == "__main__":
    unittest.main()
