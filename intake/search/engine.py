"""Running a :class:`Query`: the most selective part drives, the rest narrows.

Each group of a query becomes *sources*: an FTS5 expression made only of quoted strings
(see :mod:`terms`) on the trigram or the word table, or a key of the mentions table.
Groups on the same FTS table are joined into one expression, so that bm25 weighs them
together. The unit with the fewest matches (FTS5 counts in a millisecond) drives; the
other units, the filters, withdrawn testimonies and exclusions become sets of rowids.

Ranking uses FTS5's own top-k (``ORDER BY bm25(t) LIMIT k`` is answered inside FTS5,
~5 ms for a term in 37,000 of 50,000 testimonies; the same with any other condition in
the query, or the rows brought into Python, costs 3-10 times more): the top k is taken,
the rows that fail the sets are dropped, and k grows until the page is full. When the
sets keep only a few thousand of the driver's matches, those are ranked directly. Mentions
rank by how often the testimony names the term. The tables are built with
``columnsize=0``: bm25 without length normalisation, since a per-row length lookup made
broad queries 3-5× slower, and testimonies are of similar length anyway.

A filter-only query lists testimonies by the date of their first matching event, oldest
first: "everyone held at Onsong in 2019" reads as a chronology.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from intake import vocabulary
from intake.search import snippets as snip
from intake.search.filters import Filters, doc_sql, event_select, event_sql
from intake.search.query import Hit, Query, Results
from intake.search.terms import Group, fts_string, parse
from intake.store import records
from intake.store.database import Connection
from intake.store.search_index import VOCABULARY_FIELDS, body_fields

TRIGRAM, WORDS, MENTIONS = "search_trigram", "search_words", "search_mentions"
DIRECT = 2000  # up to this many kept rows are ranked directly, beyond by growing top-k


@dataclass(frozen=True)
class Source:
    """One way to match: ``table`` is an FTS table (``arg`` an expression) or MENTIONS."""

    table: str
    arg: str

    def _where(self) -> str:
        if self.table == MENTIONS:
            return "key = ?"
        return f"{self.table} MATCH ?"

    def _num(self) -> str:
        return "num" if self.table == MENTIONS else "rowid"

    def _score(self) -> tuple[str, str]:
        if self.table == MENTIONS:
            return "hits", "hits DESC, num"
        return f"-bm25({self.table})", f"bm25({self.table})"

    def count(self, conn: Connection, among: list[int] | None = None) -> int:
        if among == []:
            return 0
        extra = f" AND +{self._num()} IN (SELECT value FROM json_each(?))" if among else ""
        args = (self.arg, json.dumps(among)) if among else (self.arg,)
        return int(conn.execute(f"SELECT count(*) FROM {self.table} WHERE {self._where()}"
                                f"{extra}", args).fetchone()[0])

    def count_except(self, conn: Connection, blocked: set[int]) -> int:
        """Matches not in ``blocked``, in one pass (a long phrase costs one pass each)."""
        if not blocked:
            return self.count(conn)
        total, hit = conn.execute(
            f"SELECT count(*), sum({self._num()} IN (SELECT value FROM json_each(?)))"
            f" FROM {self.table} WHERE {self._where()}",
            (json.dumps(sorted(blocked)), self.arg)).fetchone()
        return int(total) - int(hit or 0)

    def rows(self, conn: Connection) -> set[int]:
        return {r[0] for r in conn.execute(
            f"SELECT {self._num()} FROM {self.table} WHERE {self._where()}", (self.arg,))}

    def top(self, conn: Connection, k: int, among: list[int] | None = None
            ) -> list[tuple[int, float]]:
        if among == []:
            return []
        score, order = self._score()
        extra = f" AND +{self._num()} IN (SELECT value FROM json_each(?))" if among else ""
        args = (self.arg, json.dumps(among), k) if among else (self.arg, k)
        return conn.execute(f"SELECT {self._num()}, {score} FROM {self.table}"
                            f" WHERE {self._where()}{extra} ORDER BY {order} LIMIT ?",
                            args).fetchall()


def _sources(group: Group) -> list[Source]:
    by_table: dict[str, list[str]] = {}
    for term in group.searched:
        if term.prefix and not any(c.isalnum() for c in term.text):
            continue  # the word tokenizer keeps no token of it: nothing to find
        by_table.setdefault(WORDS if term.prefix else TRIGRAM, []).append(fts_string(term))
    return ([Source(t, " OR ".join(s)) for t, s in by_table.items()]
            + [Source(MENTIONS, key) for key in group.mentions])


def _units(groups: tuple[Group, ...]) -> list[list[Source]] | None:
    """Alternatives per unit; same-table single sources joined with AND. None: a required
    group can match nothing."""
    joined: dict[str, list[str]] = {}
    units: list[list[Source]] = []
    for group in groups:
        sources = _sources(group)
        if not sources:
            return None
        if len(sources) == 1 and sources[0].table != MENTIONS:
            joined.setdefault(sources[0].table, []).append(f"({sources[0].arg})")
        else:
            units.append(sources)
    return [[Source(t, " AND ".join(e))] for t, e in joined.items()] + units


def _union(conn: Connection, unit: list[Source]) -> set[int]:
    out: set[int] = set()
    for s in unit:
        out |= s.rows(conn)
    return out


def _filter_sets(conn: Connection, f: Filters, today: date) -> tuple[set[int] | None, set[int]]:
    """(rowids the filters allow, or None for all; rowids of withdrawn testimonies)."""
    allowed: set[int] | None = None
    docs = doc_sql(conn, Filters(consent=f.consent, senders=f.senders,
                                 include_withdrawn=True), today)
    if docs.where:
        allowed = {r[0] for r in conn.execute(
            f"SELECT d.num FROM search_docs d WHERE {docs.where}", docs.params)}
    events = event_select(f)
    if events is not None:
        nums = {r[0] for r in conn.execute(events.where, events.params)}
        allowed = nums if allowed is None else allowed & nums
    withdrawn: set[int] = set() if f.include_withdrawn else {
        r[0] for r in conn.execute("SELECT num FROM search_docs WHERE withdrawn = 1")}
    return allowed, withdrawn


def _deepen(conn: Connection, unit: list[Source], keep: Callable[[int], bool],
            need: int, share: float = 1.0) -> list[tuple[int, float]]:
    """The best ``need`` rows of ``unit`` that ``keep`` accepts, by FTS5's own top-k;
    ``share`` is the part of the unit's rows ``keep`` is expected to accept."""
    if need == 0:
        return []
    k = int(need / max(share, 0.001) * 1.5) + 50
    while True:
        best: dict[int, float] = {}
        floor = float("-inf")
        for source in unit:
            rows = source.top(conn, k)
            if len(rows) == k:  # not exhausted: rows below its k-th score are unseen
                floor = max(floor, rows[-1][1])
            for num, score in rows:
                best[num] = max(score, best.get(num, score))
        ranked = sorted(best.items(), key=lambda r: (-r[1], r[0]))
        kept = [r for r in ranked if keep(r[0]) and r[1] >= floor]
        if len(kept) >= need or floor == float("-inf"):
            return kept[:need]
        k *= 4


def _ranked_text(conn: Connection, query: Query, groups: tuple[Group, ...],
                 excluded: tuple[Group, ...], today: date
                 ) -> tuple[list[tuple[int, float]], int]:
    units = _units(groups)
    if units is None:
        return [], 0
    if len(units) > 1:
        sizes = [sum(s.count(conn) for s in unit) for unit in units]
        driver = units[sizes.index(min(sizes))]
    else:
        driver = units[0]
    allowed, blocked = _filter_sets(conn, query.filters, today)
    for unit in units:
        if unit is not driver:
            nums = _union(conn, unit)
            allowed = nums if allowed is None else allowed & nums
    for group in excluded:
        blocked |= _union(conn, _sources(group))
    need = query.offset + query.limit
    if allowed is None and len(driver) == 1:
        (source,) = driver
        total = source.count_except(conn, blocked)
        return _deepen(conn, driver, lambda n: n not in blocked, need), total
    matches = _union(conn, driver)
    members = (matches if allowed is None else matches & allowed) - blocked
    if len(members) > DIRECT:
        share = len(members) / len(matches)
        return _deepen(conn, driver, members.__contains__, need, share), len(members)
    among = sorted(members)
    best: dict[int, float] = {}
    for source in driver:
        for num, score in source.top(conn, need, among):
            best[num] = max(score, best.get(num, score))
    return sorted(best.items(), key=lambda r: (-r[1], r[0]))[:need], len(members)


def _filtered_only(conn: Connection, f: Filters, today: date) -> list[tuple[int, float]]:
    """Every testimony the filters select, by its first matching event's date."""
    allowed, withdrawn = _filter_sets(conn, Filters(consent=f.consent, senders=f.senders,
                                                    include_withdrawn=f.include_withdrawn),
                                      today)
    events = event_select(f)
    if events is not None:
        first: dict[int, str] = {}  # num → its first matching event's first day
        for num, _, lo, hi in conn.execute(events.where, events.params):
            when = lo or hi or "~"  # undated last: "~" sorts after every ISO date
            if when < first.get(num, "~~"):
                first[num] = when
        rows = list(first.items())
    else:
        rows = [(n, "~") for n in sorted(allowed or ())]
    kept = [(n, key) for n, key in rows
            if n not in withdrawn and (allowed is None or n in allowed)]
    kept.sort(key=lambda r: (r[1], r[0]))
    return [(n, 0.0) for n, _ in kept]


def _ranked(conn: Connection, query: Query, today: date) -> tuple[list[tuple[int, float]], int]:
    parsed = parse(query.text)
    if parsed.required:
        return _ranked_text(conn, query, parsed.required, parsed.excluded, today)
    if query.filters.empty:
        return [], 0
    rows = _filtered_only(conn, query.filters, today)
    return rows[:query.offset + query.limit], len(rows)


def vocabulary_label(field: str, text: str) -> str | None:
    """"Forced return · 강제송환" for a field holding a vocabulary id, else None."""
    attr = field.rsplit(".", 1)[-1]
    for name_attr, name in VOCABULARY_FIELDS:
        if attr == name_attr and field.startswith("events["):
            term = vocabulary.load(name).get(text)
            return f"{term.en} · {term.ko}" if term else None
    return None


def _hits(conn: Connection, query: Query, rows: list[tuple[int, float]]) -> tuple[Hit, ...]:
    if not rows:
        return ()
    nums = [r[0] for r in rows]
    marks = ",".join("?" * len(nums))
    ids = dict(conn.execute(f"SELECT num, id FROM testimonies WHERE num IN ({marks})", nums))
    summaries = {s.testimony_id: s for s in records.summaries(conn, ids=list(ids.values()))}
    matched: dict[int, list[int]] = {}
    events = event_sql(query.filters)
    if events.where:
        for num, seq in conn.execute(
                f"SELECT e.num, e.seq FROM search_events e WHERE e.num IN ({marks})"
                f" AND ({events.where}) ORDER BY e.num, e.seq", (*nums, *events.params)):
            matched.setdefault(num, []).append(seq)
    groups = parse(query.text).required if query.snippets else ()
    bodies: dict[str, str] = {}
    if groups:
        bodies = dict(conn.execute(
            "SELECT r.testimony_id, r.body FROM summaries s JOIN revisions r"
            " ON r.testimony_id = s.testimony_id AND r.revision = s.revision"
            f" WHERE s.testimony_id IN ({marks})", list(ids.values())))
    matcher = snip.Matcher(groups)
    hits = []
    for num, score in rows:
        summary = summaries.get(ids.get(num, ""))
        if summary is None:
            continue
        body = bodies.get(summary.testimony_id)
        cut = snip.snippets(body_fields(json.loads(body)), matcher,
                            labels=vocabulary_label) if body else ()
        hits.append(Hit(summary, float(score), cut, tuple(matched.get(num, ()))))
    return tuple(hits)


def search(conn: Connection, query: Query, *, today: date | None = None) -> Results:
    """The page of hits ``query`` asks for, and the total number of matches."""
    rows, total = _ranked(conn, query, today or date.today())
    return Results(_hits(conn, query, rows[query.offset:]), total)


def count(conn: Connection, query: Query, *, today: date | None = None) -> int:
    """How many testimonies match."""
    return _ranked(conn, Query(query.text, query.filters, limit=0, snippets=False),
                   today or date.today())[1]


def matching_ids(conn: Connection, text: str) -> list[str]:
    """Ids of every testimony matching the text, withdrawn ones included, best first."""
    query = Query(text, Filters(include_withdrawn=True), limit=10_000, snippets=False)
    rows, _ = _ranked(conn, query, date.today())
    nums = [num for num, _ in rows]
    ids = dict(conn.execute(f"SELECT num, id FROM testimonies WHERE num IN"
                            f" ({','.join('?' * len(nums))})", nums)) if nums else {}
    return [ids[num] for num in nums if num in ids]
