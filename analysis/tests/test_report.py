"""analysis/report.py end to end: every figure from the fixtures, summary.md holding the fixture's
numbers (parsed back), the skip notes, file-name suffixes for repeated figures, identical output
from run to run, and exit code 2 with a message naming the file for unusable input."""

import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

from sliverplot import units
from sliverplot.inputs import pointer_get
from sliverplot.summary import COMPARISON_ROWS, SCHEME_ROWS
from tests import support

ALL_FIGURES = ("cumulative_repair_bytes", "epoch_repair_bandwidth", "repair_duration_cdf",
               "bytes_per_lost_byte_vs_blob_size", "bytes_per_lost_byte_vs_shards",
               "durability_vs_churn")


def run_report(*args):
    """(exit code, stdout, stderr) of report.py with ``args``."""
    env = dict(os.environ, MPLBACKEND="Agg")
    done = subprocess.run([sys.executable, support.REPORT, *args], capture_output=True,
                          text=True, env=env, check=False)
    return done.returncode, done.stdout, done.stderr


def parse_tables(markdown):
    """{section heading: [[cell, ...] per table body row]} of every "### " section's table."""
    tables, heading = {}, None
    for line in markdown.splitlines():
        if line.startswith("### "):
            heading = line[4:]
            tables[heading] = []
        elif heading and line.startswith("|") and not line.startswith("|---"):
            tables[heading].append([c.strip() for c in line.strip("|").split("|")])
    return {h: rows[1:] for h, rows in tables.items()}  # drop the header row


class FullReportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.tmp.name, "report")
        cls.code, cls.stdout, cls.stderr = run_report(
            support.RESULTS, support.BLOB_SIZE, support.SHARD_COUNT, support.CHURN,
            "--out", cls.out)
        with open(os.path.join(cls.out, "summary.md"), encoding="utf-8") as f:
            cls.summary = f.read()
        cls.results = support.load(support.RESULTS)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_figure_is_written_as_pdf_and_png(self):
        self.assertEqual(self.code, 0, self.stderr)
        for name in ALL_FIGURES:
            with open(os.path.join(self.out, name + ".pdf"), "rb") as f:
                self.assertTrue(f.read(5) == b"%PDF-", name)
            with open(os.path.join(self.out, name + ".png"), "rb") as f:
                self.assertTrue(f.read(4) == b"\x89PNG", name)
            self.assertIn(f"`{name}.pdf`", self.summary)
        self.assertEqual(sorted(os.listdir(self.out)), sorted(
            [n + ".pdf" for n in ALL_FIGURES] + [n + ".png" for n in ALL_FIGURES]
            + ["summary.md"]))

    def test_summary_tables_hold_each_schemes_numbers(self):
        tables = parse_tables(self.summary)
        for scheme in support.SCHEMES:
            (heading,) = [h for h in tables if h.startswith(scheme + " (")]
            rows = {label: (value, exact) for label, value, exact in tables[heading]}
            summary = self.results["schemes"][scheme]["summary"]
            for label, pointer, formatter in SCHEME_ROWS:
                want = pointer_get(summary, pointer)
                value, exact = rows[label]
                self.assertEqual(json.loads(exact), want, f"{scheme} {label}")
                self.assertEqual(value, formatter(want), f"{scheme} {label}")
        redstuff = {r[0]: r[1] for r in tables["redstuff (RedStuff)"]}
        self.assertEqual(redstuff["repair bytes (total)"],
                         units.human_bytes(self.results["schemes"]["redstuff"]["summary"][
                             "repair_bytes_total"]))

    def test_summary_ratios_are_the_comparison_of_the_file(self):
        table = parse_tables(self.summary)["Ratios to redstuff"]
        header = re.search(r"^\| ratio \| (.*) \|$", self.summary, re.M).group(1).split(" | ")
        self.assertEqual(header, ["rs_rebuild", "replication", "msr_bound"])
        for (label, key), row in zip(COMPARISON_ROWS, table):
            self.assertEqual(row[0], label)
            for scheme, cell in zip(header, row[1:]):
                want = self.results["comparison"][f"{scheme}_over_redstuff"][key]
                if want is None:
                    self.assertEqual(cell, "n/a")
                else:
                    self.assertAlmostEqual(float(cell.rstrip("x")), want, delta=want * 1e-3)

    def test_summary_names_the_scenario_seed_and_skipped_figures(self):
        scenario = self.results["scenario"]
        self.assertIn(f"- scenario: `{scenario['path']}`", self.summary)
        self.assertIn(f"- scenario sha256: `{scenario['sha256']}`", self.summary)
        self.assertIn(f"- seed: {self.results['seed']}\n", self.summary)
        self.assertIn("- axis `shards.n`: 100, 301, 1000", self.summary)
        self.assertIn("`durability_vs_churn` for `" + support.BLOB_SIZE + "`: blob_size_sweep: "
                      "no churn", self.summary)
        self.assertIn("other axes fixed at network.detection_delay_seconds = 300", self.summary)
        self.assertIn("skipped bytes_per_lost_byte_vs_shards for " + support.BLOB_SIZE,
                      self.stdout)


class ReportVariantsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def write_json(self, name, data):
        with open(self.path(name), "w", encoding="utf-8") as f:
            json.dump(data, f)
        return self.path(name)

    def test_the_same_inputs_give_identical_files(self):
        for out in ("a", "b"):
            code, _, err = run_report(support.RESULTS, "--out", self.path(out))
            self.assertEqual(code, 0, err)
        for name in sorted(os.listdir(self.path("a"))):
            with open(os.path.join(self.path("a"), name), "rb") as a, \
                    open(os.path.join(self.path("b"), name), "rb") as b:
                self.assertEqual(a.read(), b.read(), name)

    def test_a_second_results_file_gets_suffixed_figures_and_old_files_plot_percentiles(self):
        old = self.write_json("old.json", support.without_cdf(support.load(support.RESULTS)))
        code, _, err = run_report(support.RESULTS, old, "--out", self.path("out"))
        self.assertEqual(code, 0, err)
        files = os.listdir(self.path("out"))
        self.assertIn("repair_duration_cdf.pdf", files)
        self.assertIn("repair_duration_cdf-old.pdf", files)
        self.assertIn("cumulative_repair_bytes-old.png", files)

    def test_a_run_without_repairs_skips_the_cdf_with_a_note(self):
        idle = support.load(support.RESULTS)
        for scheme in idle["schemes"].values():
            scheme["summary"]["repair_seconds"]["cdf"] = []
        code, out, err = run_report(self.write_json("idle.json", idle), "--out",
                                    self.path("out"))
        self.assertEqual(code, 0, err)
        self.assertIn("skipped repair_duration_cdf for", out)
        self.assertFalse(os.path.exists(self.path("out/repair_duration_cdf.pdf")))
        self.assertTrue(os.path.exists(self.path("out/cumulative_repair_bytes.pdf")))

    def assert_refused(self, args, *messages):
        code, out, err = run_report(*args, "--out", self.path("out"))
        self.assertEqual(code, 2, out + err)
        lines = err.splitlines()
        self.assertEqual(len(lines), len(messages), err)
        for line, message in zip(lines, messages):
            self.assertTrue(line.startswith("error: "), line)
            self.assertIn(message, line)
        self.assertFalse(os.path.exists(self.path("out")))

    def test_unusable_inputs_exit_2_naming_each_file_and_write_nothing(self):
        missing = self.path("missing.json")
        with open(self.path("garbage.json"), "w", encoding="utf-8") as f:
            f.write("{not json")
        with open(self.path("table.csv"), "w", encoding="utf-8") as f:
            f.write("shards.n,metric,n,mean\n")
        other = self.write_json("other.json", {"hello": 1})
        array = self.write_json("array.json", [1, 2])
        self.assert_refused([missing], f"{missing}: no such file")
        self.assert_refused([self.path("garbage.json")], "garbage.json: not JSON")
        self.assert_refused([self.path("table.csv")], "not the .csv")
        self.assert_refused([other, array, support.RESULTS],
                            f"{other}: not a sliversim results file",
                            f"{array}: not a sliversim results file")

    def test_other_schema_versions_and_broken_structures_are_refused(self):
        future = support.load(support.RESULTS)
        future["schema_version"] = 2
        merged = support.load(support.SHARD_COUNT)
        merged["rows"][0]["mean"] = "many"
        no_schemes = support.load(support.RESULTS)
        no_schemes["schemes"] = {}
        self.assert_refused([self.write_json("future.json", future)],
                            "/schema_version: expected 1, got 2")
        self.assert_refused([self.write_json("merged.json", merged)],
                            '/rows/0/mean: expected a number, got "many"')
        self.assert_refused([self.write_json("empty.json", no_schemes)], "/schemes: expected")

    def test_missing_arguments_are_a_usage_error(self):
        code, _, err = run_report(support.RESULTS)
        self.assertEqual(code, 2)
        self.assertIn("--out", err)


if __name__ == "__main__":
    unittest.main()
