"""Dates as survivors give them: often only a year or a month, sometimes an estimate.

A :class:`PartialDate` is not rounded to a day: "2019" means "some day in 2019", so it
carries its own span (:meth:`PartialDate.earliest` .. :meth:`PartialDate.latest`) and
comparisons work on that span instead of inventing precision the testimony never had.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, time, timedelta, timezone
from functools import total_ordering

from intake.errors import InvalidInput

MIN_YEAR = 1900
MAX_YEAR = 2100

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
_FULL = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_TIME = re.compile(
    r"([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)", re.ASCII
)
_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"


def shown(value: object, limit: int = 24) -> str:
    """``value`` quoted for an error message if it looks like a code, else a stand-in.

    Error messages may be shown or logged, so only short ASCII tokens without spaces (a
    mistyped enum value or date) are echoed: anything else could be testimony text.
    """
    if (isinstance(value, str) and 0 < len(value) <= limit and value.isascii()
            and value.isprintable() and not any(c.isspace() for c in value)):
        return repr(value)
    return "the value given"


@total_ordering
@dataclass(frozen=True, eq=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        for name in ("year", "month", "day"):
            value = getattr(self, name)
            if value is not None and (type(value) is not int):
                raise InvalidInput(name, "must be a whole number")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise InvalidInput("year", f"must be between {MIN_YEAR} and {MAX_YEAR}")
        if self.month is None:
            if self.day is not None:
                raise InvalidInput("day", "a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise InvalidInput("month", "must be between 1 and 12")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise InvalidInput("day", f"must be between 1 and {last} in that month")

    @classmethod
    def parse(cls, text: str, field: str = "date") -> PartialDate:
        """Parse exactly ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; errors name ``field``."""
        if not isinstance(text, str):
            raise InvalidInput(field, f"must be a date as text ({_FORMS})")
        m = _PARTIAL.fullmatch(text)
        if m is None:
            raise InvalidInput(field, f"{shown(text)} is not a date of the form {_FORMS}")
        year, month, day = (int(g) if g is not None else None for g in m.groups())
        assert year is not None
        try:
            return cls(year, month, day)
        except InvalidInput as e:
            reason = f"{shown(text)} is not a real date: the {e.field} {e.reason}"
            raise InvalidInput(field, reason) from None

    @classmethod
    def from_date(cls, d: date) -> PartialDate:
        return cls(d.year, d.month, d.day)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def earliest(self) -> date:
        """The first day this date may stand for."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """The last day this date may stand for."""
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, self.month, self.day)

    def contains(self, d: date) -> bool:
        return self.earliest() <= d <= self.latest()

    def sort_key(self) -> tuple[date, date]:
        """Chronological order: by first possible day, then the narrower span first.

        The pair determines the date uniquely, so ordering agrees with equality.
        """
        return (self.earliest(), self.latest())

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def chronological(value: PartialDate | None) -> tuple[int, date, date]:
    """Sort key for optional dates: known dates in order, unknown ones last."""
    if value is None:
        return (1, date.max, date.max)
    return (0, *value.sort_key())


def overlaps(
    a_start: PartialDate | None,
    a_end: PartialDate | None,
    b_start: PartialDate | None,
    b_end: PartialDate | None,
) -> bool:
    """Whether period A and period B may have overlapped.

    Honest about what is not known: a partial date stands for every day it may mean, and a
    missing bound is open (the period may reach as far as it likes that way). True therefore
    means "the dates given do not rule an overlap out", never "they certainly overlapped".
    A caller who wants an event without an end to mean "within its start" passes its start
    as its end. A period that ends before it can have started is empty and overlaps nothing.
    """
    a_lo = a_start.earliest() if a_start else date.min
    a_hi = a_end.latest() if a_end else date.max
    b_lo = b_start.earliest() if b_start else date.min
    b_hi = b_end.latest() if b_end else date.max
    return a_lo <= a_hi and b_lo <= b_hi and a_lo <= b_hi and b_lo <= a_hi


def parse_iso_date(text: str, field: str = "date") -> date:
    """Parse a full ``YYYY-MM-DD`` date (years 1900..2100); errors name ``field``."""
    if not isinstance(text, str):
        raise InvalidInput(field, "must be a date as text (YYYY-MM-DD)")
    m = _FULL.fullmatch(text)
    if m is None:
        raise InvalidInput(field, f"{shown(text)} is not a full date of the form YYYY-MM-DD")
    year, month, day = (int(g) for g in m.groups())
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidInput(field, f"the year must be between {MIN_YEAR} and {MAX_YEAR}")
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidInput(field, f"{shown(text)} is not a real date") from None


def parse_time_with_zone(text: str, field: str = "time") -> time:
    """Parse a time of day with its UTC offset: ``HH:MM[:SS]`` then ``Z`` or ``±HH:MM``.

    The offset is required: an interview's start means nothing legally without it.
    """
    if not isinstance(text, str):
        raise InvalidInput(field, "must be a time as text (HH:MM+09:00)")
    m = _TIME.fullmatch(text)
    if m is None:
        raise InvalidInput(
            field, f"{shown(text)} is not a time with zone such as 14:30+09:00 or 05:30Z"
        )
    hour, minute = int(m.group(1)), int(m.group(2))
    second = int(m.group(3)) if m.group(3) else 0
    zone = m.group(4)
    if zone == "Z":
        tz = UTC
    else:
        sign = 1 if zone[0] == "+" else -1
        tz = timezone(sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])))
    return time(hour, minute, second, tzinfo=tz)


def format_time_with_zone(t: time) -> str:
    """The canonical text of a time with zone: ``HH:MM[:SS]±HH:MM`` (UTC as ``+00:00``)."""
    offset = t.utcoffset()
    if offset is None:
        raise ValueError("a time without a zone cannot be written")
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hh, mm = divmod(abs(minutes), 60)
    clock = f"{t.hour:02d}:{t.minute:02d}" + (f":{t.second:02d}" if t.second else "")
    return f"{clock}{sign}{hh:02d}:{mm:02d}"
