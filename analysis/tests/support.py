"""Shared paths and helpers of the analysis tests."""

import copy
import json
import os

ANALYSIS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ANALYSIS_DIR, "tests", "fixtures")
REPORT = os.path.join(ANALYSIS_DIR, "report.py")
RESULTS = os.path.join(FIXTURES, "tiny_churn_results.json")
BLOB_SIZE = os.path.join(FIXTURES, "blob_size_merged.json")
SHARD_COUNT = os.path.join(FIXTURES, "shard_count_merged.json")
CHURN = os.path.join(FIXTURES, "churn_merged.json")
SCHEMES = ("redstuff", "rs_rebuild", "replication", "msr_bound")


def load(path):
    """The parsed JSON of ``path``."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def without_cdf(results):
    """A deep copy of ``results`` as an older file without summary/repair_seconds/cdf."""
    old = copy.deepcopy(results)
    for scheme in old["schemes"].values():
        scheme["summary"]["repair_seconds"].pop("cdf", None)
    return old
