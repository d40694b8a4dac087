"""Human-readable numbers with units: bytes (binary prefixes), durations, rates, counts.

Used by the axis formatters (style.py) and the Markdown summary (summary.py), so a figure and
the table beside it print the same value the same way.
"""

import math

BYTE_UNITS = ("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB")

# (seconds per unit, unit name), smallest first: what a duration is printed in.
TIME_UNITS = (
    (1e-6, "µs"),
    (1e-3, "ms"),
    (1.0, "s"),
    (60.0, "min"),
    (3600.0, "h"),
    (86400.0, "days"),
)


def significant(value, digits=3):
    """Plain-number text of ``value`` with ``digits`` significant digits and no exponent:
    1.5 -> "1.5", 12.0 -> "12", 1234.5 -> "1234" (integers from 10**digits on)."""
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    text = f"{value:.{digits}g}"
    if "e" in text:  # .3g switches to exponent notation from 1000 on; we want plain digits
        text = f"{value:.0f}"
    return text


def byte_unit(value):
    """The (divisor, name) of the largest binary unit not above abs(value) (B below 1 KiB)."""
    value = abs(value)
    power = 0
    while power + 1 < len(BYTE_UNITS) and value >= 1024.0 ** (power + 1):
        power += 1
    return 1024.0**power, BYTE_UNITS[power]


def human_bytes(value, digits=3):
    """A byte count with a binary unit: 0 -> "0 B", 1536 -> "1.5 KiB", 2**30 -> "1 GiB"."""
    if value is None:
        return "n/a"
    divisor, name = byte_unit(value)
    return f"{significant(value / divisor, digits)} {name}"


def human_rate(value, digits=3):
    """Bytes per second with a binary unit: 1048576 -> "1 MiB/s"."""
    return "n/a" if value is None else human_bytes(value, digits) + "/s"


def time_unit(seconds):
    """The (seconds per unit, name) that abs(seconds) is best printed in (s below 1 µs)."""
    seconds = abs(seconds)
    if seconds == 0:
        return 1.0, "s"
    chosen = TIME_UNITS[0]
    for unit in TIME_UNITS:
        if seconds >= unit[0]:
            chosen = unit
    return chosen


def human_seconds(seconds, digits=3):
    """A duration in its natural unit: 0.0042 -> "4.2 ms", 5400 -> "1.5 h", 172800 -> "2 days"."""
    if seconds is None:
        return "n/a"
    per_unit, name = time_unit(seconds)
    text = significant(seconds / per_unit, digits)
    return "1 day" if text == "1" and name == "days" else f"{text} {name}"


def human_count(value, digits=4):
    """A count: integers in full with thousands separators, others with ``digits`` digits."""
    if value is None:
        return "n/a"
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return significant(value, digits)


def human_ratio(value, digits=3):
    """A ratio as "12.3x" ("n/a" for None)."""
    return "n/a" if value is None else f"{significant(value, digits)}x"
