"""Loading the inputs of the analysis: a results file of ``sliversim run`` (or one sweep point) or a
merged sweep table of ``sliversim merge`` (its JSON form), recognised by content, not by name.

Anything else (missing file, not JSON, JSON of another kind, another schema version) raises
InputError with a message naming the file, which report.py prints before exiting with code 2.
"""

import json
import math
import os

RESULTS = "results"
MERGED = "merged"
MERGED_KIND = "sliversim-merged-sweep"
SCHEMA_VERSION = 1


class InputError(Exception):
    """An input the analysis cannot use; str() is the message to print."""


class Input:
    """One loaded input: ``kind`` (RESULTS or MERGED), ``path``, ``stem`` (file name without
    extension) and ``data`` (the parsed JSON object)."""

    def __init__(self, kind, path, data):
        self.kind = kind
        self.path = path
        self.stem = os.path.splitext(os.path.basename(path))[0]
        self.data = data


def _fail(path, message):
    raise InputError(f"{path}: {message}")


def _check_results(path, data):
    schemes = data.get("schemes")
    if not isinstance(schemes, dict) or not schemes:
        _fail(path, "/schemes: expected an object with at least one scheme")
    for name, scheme in schemes.items():
        if not isinstance(scheme, dict) or not isinstance(scheme.get("summary"), dict):
            _fail(path, f"/schemes/{name}/summary: expected an object")
        per_epoch = scheme.get("per_epoch", [])
        if not isinstance(per_epoch, list) or not all(isinstance(e, dict) for e in per_epoch):
            _fail(path, f"/schemes/{name}/per_epoch: expected an array of objects")


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _check_merged(path, data):
    sweep = data.get("sweep")
    if not isinstance(sweep, dict) or not isinstance(sweep.get("axes"), list):
        _fail(path, "/sweep/axes: expected an array of {key, values}")
    for i, axis in enumerate(sweep["axes"]):
        if not isinstance(axis, dict) or not isinstance(axis.get("key"), str):
            _fail(path, f"/sweep/axes/{i}/key: expected a string")
    rows = data.get("rows")
    if not isinstance(rows, list):
        _fail(path, "/rows: expected an array")
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or not isinstance(row.get("params"), dict):
            _fail(path, f"/rows/{i}/params: expected an object")
        if not isinstance(row.get("metric"), str):
            _fail(path, f"/rows/{i}/metric: expected a JSON pointer string")
        for key in ("n", "mean"):
            if not _is_number(row.get(key)):
                _fail(path, f"/rows/{i}/{key}: expected a number, got {json.dumps(row.get(key))}")


def load_input(path):
    """Reads and classifies ``path``. Returns an Input; raises InputError when the file is
    missing, unreadable, not JSON, of an unknown kind or another schema version."""
    if not os.path.isfile(path):
        _fail(path, "no such file")
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, UnicodeDecodeError) as e:
        _fail(path, f"cannot read: {e}")
    except json.JSONDecodeError as e:
        hint = " (for a merged sweep give its .json table, not the .csv)" if path.endswith(
            ".csv") else ""
        _fail(path, f"not JSON: {e.msg} at line {e.lineno} column {e.colno}{hint}")
    if not isinstance(data, dict):
        _fail(path, "not a sliversim results file or merged sweep table (expected a JSON object)")
    if data.get("kind") == MERGED_KIND:
        if data.get("schema_version") != SCHEMA_VERSION:
            _fail(path, f"/schema_version: expected {SCHEMA_VERSION}, got "
                  f"{json.dumps(data.get('schema_version'))}")
        _check_merged(path, data)
        return Input(MERGED, path, data)
    if "schemes" in data and "schema_version" in data:
        if data.get("schema_version") != SCHEMA_VERSION:
            _fail(path, f"/schema_version: expected {SCHEMA_VERSION}, got "
                  f"{json.dumps(data.get('schema_version'))}")
        _check_results(path, data)
        return Input(RESULTS, path, data)
    _fail(path, "not a sliversim results file (no /schema_version and /schemes) nor a merged "
          f"sweep table (no /kind = \"{MERGED_KIND}\")")
    return None  # unreachable: _fail raises


def pointer_get(data, pointer, default=None):
    """The value at JSON pointer ``pointer`` in ``data`` ("" is the whole document), or
    ``default`` when a step is missing."""
    if pointer == "":
        return data
    node = data
    for raw in pointer.lstrip("/").split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return default
    return node


def number_or_none(value):
    """``value`` as a float when it is a finite JSON number, else None (null, strings, bools)."""
    return float(value) if _is_number(value) else None
