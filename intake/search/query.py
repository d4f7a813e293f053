"""A search as a value: text, filters and page; and what it returns.

These are plain frozen values so that a search bar can build one on the UI thread, hand
it to the worker that owns the store, get :class:`Results` back and show them, and a
saved search is just a :class:`Query` written as JSON.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from intake.errors import InvalidInput
from intake.search.filters import Filters
from intake.search.snippets import Snippet
from intake.store.records import Summary

MAX_LIMIT = 10_000
MAX_TEXT = 1_000


@dataclass(frozen=True)
class Query:
    """What to look for: free text (may be empty if a filter is given) and filters.

    ``limit``/``offset`` page the ranked list; ``snippets`` can be turned off when only
    ids and counts are wanted (a dashboard).
    """

    text: str = ""
    filters: Filters = field(default_factory=Filters)
    limit: int = 20
    offset: int = 0
    snippets: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise InvalidInput("query", "must be text")
        if len(self.text) > MAX_TEXT:
            raise InvalidInput("query", f"is longer than {MAX_TEXT} characters")
        if not isinstance(self.filters, Filters):
            raise InvalidInput("filters", "must be Filters")
        for name, low in (("limit", 0), ("offset", 0)):
            value = getattr(self, name)
            if type(value) is not int or not low <= value <= (MAX_LIMIT if name == "limit"
                                                              else 10**9):
                raise InvalidInput(name, f"must be a whole number from {low}")

    def to_dict(self) -> dict[str, Any]:
        """The query for a saved search (paging is not part of it)."""
        return {"text": self.text, "filters": self.filters.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Query:
        if not isinstance(d, dict) or set(d) - {"text", "filters"}:
            raise InvalidInput("saved search", "is not a query object")
        filters = d.get("filters") or {}
        if not isinstance(filters, dict):
            raise InvalidInput("filters", "must be an object")
        return cls(text=d.get("text") or "", filters=Filters.from_dict(filters))


@dataclass(frozen=True)
class Hit:
    """One testimony found.

    ``score`` is higher for a better match: bm25 (sign flipped) for words, or how many
    times the testimony names the place, facility or institution the query named; 0
    when only filters were given, in which case hits come in the order of their first
    matching event. ``events`` are the indexes of the events that met the event filters.
    """

    summary: Summary
    score: float
    snippets: tuple[Snippet, ...] = ()
    events: tuple[int, ...] = ()

    @property
    def testimony_id(self) -> str:
        return self.summary.testimony_id


@dataclass(frozen=True)
class Results(Sequence[Hit]):
    """A page of hits (a sequence, best first) and how many testimonies match in all."""

    hits: tuple[Hit, ...]
    total: int

    @overload
    def __getitem__(self, i: int) -> Hit: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Hit]: ...

    def __getitem__(self, i: int | slice) -> Hit | Sequence[Hit]:
        return self.hits[i]

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)
