"""Human-readable numbers: known answers for bytes, rates, durations, counts and ratios."""

import unittest

from sliverplot import units


class HumanBytesTest(unittest.TestCase):
    def test_binary_units_with_three_significant_digits(self):
        self.assertEqual(units.human_bytes(0), "0 B")
        self.assertEqual(units.human_bytes(1023), "1023 B")
        self.assertEqual(units.human_bytes(1024), "1 KiB")
        self.assertEqual(units.human_bytes(1536), "1.5 KiB")
        self.assertEqual(units.human_bytes(2**30), "1 GiB")
        self.assertEqual(units.human_bytes(1608944670), "1.5 GiB")
        self.assertEqual(units.human_bytes(994670220), "949 MiB")
        self.assertEqual(units.human_bytes(3 * 2**50), "3 PiB")

    def test_rates_and_missing_values(self):
        self.assertEqual(units.human_rate(125000000.0), "119 MiB/s")
        self.assertEqual(units.human_bytes(None), "n/a")
        self.assertEqual(units.human_rate(None), "n/a")


class HumanSecondsTest(unittest.TestCase):
    def test_each_duration_in_its_natural_unit(self):
        self.assertEqual(units.human_seconds(0), "0 s")
        self.assertEqual(units.human_seconds(0.0000025), "2.5 µs")
        self.assertEqual(units.human_seconds(0.235798), "236 ms")
        self.assertEqual(units.human_seconds(4.277427), "4.28 s")
        self.assertEqual(units.human_seconds(90), "1.5 min")
        self.assertEqual(units.human_seconds(5400), "1.5 h")
        self.assertEqual(units.human_seconds(172800), "2 days")
        self.assertEqual(units.human_seconds(365 * 86400), "365 days")


class CountsAndRatiosTest(unittest.TestCase):
    def test_counts_and_ratios(self):
        self.assertEqual(units.human_count(15910.0), "15,910")
        self.assertEqual(units.human_count(2.5), "2.5")
        self.assertEqual(units.human_ratio(13.9912, 4), "13.99x")
        self.assertEqual(units.human_ratio(None), "n/a")


if __name__ == "__main__":
    unittest.main()
