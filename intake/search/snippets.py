"""Highlighted excerpts of a hit, cut in Python from the record's own text.

The FTS tables are contentless (the text lives once, in ``revisions``), so FTS5's
``snippet()`` has nothing to cut from; and its offsets would be in bytes. Here every
offset is in code points of the field's text (Python ``str`` indices). Qt counts UTF-16
units, which differ after an astral character (😀, 𠀀): :meth:`Snippet.utf16_highlights`
converts for a view.

Matching follows the index: case and diacritics are ignored (a character is folded only
when that keeps its length, so offsets stay true), 3+ character spellings match
anywhere, 1-2 character ones at the start of a word.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from intake.search.facts import fold
from intake.search.terms import Group, Term

CONTEXT = 40
MAX_SNIPPETS = 3


@dataclass(frozen=True)
class Snippet:
    """An excerpt of one field with the matched spans.

    ``offset`` is where ``text`` starts in the field; ``highlights`` are (start, end)
    pairs within ``text``; all in code points.
    """

    field: str
    text: str
    offset: int
    highlights: tuple[tuple[int, int], ...]
    cut_before: bool = False
    cut_after: bool = False

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The excerpt with each highlight wrapped, and … where it was cut."""
        out, pos = [], 0
        for s, e in self.highlights:
            out += [self.text[pos:s], before, self.text[s:e], after]
            pos = e
        out.append(self.text[pos:])
        return ("…" if self.cut_before else "") + "".join(out) + ("…" if self.cut_after else "")

    def utf16_highlights(self) -> tuple[tuple[int, int], ...]:
        """``highlights`` in UTF-16 code units, as QString and QTextCursor count them."""
        def units(i: int) -> int:
            return i + sum(1 for c in self.text[:i] if ord(c) > 0xFFFF)
        return tuple((units(s), units(e)) for s, e in self.highlights)

    def to_dict(self) -> dict[str, object]:
        return {"field": self.field, "text": self.text, "offset": self.offset,
                "highlights": [list(h) for h in self.highlights],
                "cut_before": self.cut_before, "cut_after": self.cut_after}


class Matcher:
    """All the spellings of a query, compiled once and run over each field."""

    def __init__(self, groups: tuple[Group, ...]) -> None:
        self._rules: dict[str, list[tuple[int, Term]]] = {}
        for g, group in enumerate(groups):
            for term in group.terms:
                needle = fold(" ".join(term.text.split()))
                if needle:
                    self._rules.setdefault(needle, []).append((g, term))
        needles = sorted(self._rules, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, needles))) if needles else None

    def spans(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, group) of every match in ``text``, by each term's index rules."""
        if self._pattern is None:
            return []
        folded = fold(text)
        out: list[tuple[int, int, int]] = []
        start = 0
        while True:
            m = self._pattern.search(folded, start)
            if m is None:
                return out
            for g, term in self._rules[m.group()]:
                if _fits(folded, m.start(), m.end(), term):
                    out.append((m.start(), m.end(), g))
            start = m.start() + 1


def _fits(folded: str, pos: int, end: int, term: Term) -> bool:
    if not term.prefix:
        return True
    if pos > 0 and folded[pos - 1].isalnum():
        return False
    return not term.whole_word or end == len(folded) or not folded[end].isalnum()


def find_spans(folded: str, term: Term) -> list[tuple[int, int]]:
    """Where ``term`` occurs in already folded text, by its index's rules."""
    return [(s, e) for s, e, _ in Matcher((Group(term.text, (term,), (term,)),)).spans(folded)]


def _merge(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Sorted, non-overlapping spans (start, end, group); overlaps join."""
    out: list[tuple[int, int, int]] = []
    for s, e, g in sorted(spans):
        if out and s <= out[-1][1]:
            ps, pe, pg = out[-1]
            out[-1] = (ps, max(pe, e), pg)
        else:
            out.append((s, e, g))
    return out


def _window(text: str, first: int, last: int) -> tuple[int, int]:
    """Bounds around [first, last) with context, moved out to a space where one is near."""
    lo, hi = max(0, first - CONTEXT), min(len(text), last + CONTEXT)
    if lo > 0:
        space = text.find(" ", lo, first)
        lo = space + 1 if 0 <= space < lo + 12 else lo
    if hi < len(text):
        space = text.rfind(" ", last, hi)
        hi = space if space > hi - 12 else hi
    return lo, hi


def snippets(fields: list[tuple[str, str]], groups: tuple[Group, ...] | Matcher,
             limit: int = MAX_SNIPPETS, labels: Callable[[str, str], str | None] | None = None
             ) -> tuple[Snippet, ...]:
    """The best ``limit`` excerpts: those covering the most different terms first.

    ``labels(field, text)`` may give a display text for a field that holds a code (a
    vocabulary id): if the code matched, the snippet is that label, all highlighted.
    All fields are matched in one pass over their joined text.
    """
    matcher = groups if isinstance(groups, Matcher) else Matcher(groups)
    starts, pos = [], 0
    for _, text in fields:
        starts.append(pos)
        pos += len(text) + 1
    per_field: dict[int, list[tuple[int, int, int]]] = {}
    for s, e, g in matcher.spans("\n".join(text for _, text in fields)):
        i = bisect_right(starts, s) - 1
        if e <= starts[i] + len(fields[i][1]):
            per_field.setdefault(i, []).append((s - starts[i], e - starts[i], g))
    candidates: list[tuple[int, int, int, Snippet]] = []
    for order, spans in sorted(per_field.items()):
        field, text = fields[order]
        label = labels(field, text) if labels else None
        if label is not None:
            snip = Snippet(field, label, 0, ((0, len(label)),))
            candidates.append((-len({g for _, _, g in spans}), order, 0, snip))
            continue
        merged = _merge(spans)
        i = 0
        while i < len(merged):
            lo, hi = _window(text, merged[i][0], merged[i][1])
            inside = [m for m in merged[i:] if m[0] >= lo and m[1] <= hi]
            i += max(1, len(inside))
            snip = Snippet(field, text[lo:hi], lo,
                           tuple((s - lo, e - lo) for s, e, _ in inside),
                           cut_before=lo > 0, cut_after=hi < len(text))
            distinct = len({g for _, _, g in inside})
            candidates.append((-distinct, order, lo, snip))
    candidates.sort(key=lambda c: c[:3])
    chosen = sorted(candidates[:limit], key=lambda c: c[1:3])
    return tuple(c[3] for c in chosen)
