"""Finding the testimonies that matter to a case: search, filters, corroboration.

The API a search bar, a dashboard or the CLI calls, from whichever thread owns the
store (each call is a few SQL statements on the store's connection; none touches Qt):

* :func:`search` — a page of ranked :class:`Hit` with snippets for a :class:`Query`
  (text and :class:`Filters`), and ``Results.total``; :func:`count` — the total alone;
* :mod:`intake.search.saved` — saved searches, kept encrypted in the store;
* :func:`intake.search.corroborate.corroborating` — the other testimonies that share a
  facility, perpetrator or place with one, in overlapping dates;
* :func:`intake.stats.statistics` — counts for reports, small cells withheld.

Names are loaded lazily: the store's index (``intake.store.search_index``) uses
:mod:`intake.search.facts`, and importing that must not import the engine, which
imports the store.
"""

from __future__ import annotations

import importlib
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intake.search.filters import Filters
    from intake.search.query import Hit, Query, Results
    from intake.search.snippets import Snippet
    from intake.store import Store

__all__ = ["Filters", "Hit", "Query", "Results", "Snippet", "count", "search"]

_LAZY = {"Filters": "intake.search.filters", "Hit": "intake.search.query",
         "Query": "intake.search.query", "Results": "intake.search.query",
         "Snippet": "intake.search.snippets"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'intake.search' has no attribute {name!r}")


def search(store: Store, query: Query, *, today: date | None = None) -> Results:
    """The page of hits ``query`` asks for, best first, and ``Results.total``.

    ``today`` is when consent must be in force for a consent filter (default: today).
    """
    from intake.search import engine

    return engine.search(store.conn, query, today=today)


def count(store: Store, query: Query, *, today: date | None = None) -> int:
    """How many testimonies match ``query`` (no ranking, no snippets)."""
    from intake.search import engine

    return engine.count(store.conn, query, today=today)
