"""Reviewing redactions: the detector's findings and the interviewer's decisions, headless.

Why this exists apart from the screens: what a redacted export hides must not depend on
widgets. A review is a :class:`ReviewState` — the testimony as stored, what the detector
found in each field, and the interviewer's decisions — and every change is a pure
function from one state to the next, so the UI stays a thin view, undo and redo are a
stack of snapshots (:class:`History`), and all of it is tested without Qt.

Each finding is *undecided*, *accepted* (stored as a :class:`~intake.model.Redaction`
with a replacement) or *rejected* (stored as a ``KEEP`` span: the export leaves that text
as it is). Any selected text can be redacted by hand (a *manual* span). Names the
interviewer lists are searched for in every field and form by the detector itself
(``names=``), so adding one re-runs detection (:func:`detect_fields`, on a worker).

Replacements are given at :func:`apply` time so they are always consistent: the same
person is ``[PERSON-1]`` in the narrative and in an event description, numbered by first
appearance in ``Testimony.texts()`` order; the same normalised text gives the same label
(``010-1234-5678`` and ``010 1234 5678`` are one phone), a mention of a listed name
("영희는" for a listed "김영희") takes that name's label, and the survivor's own name is
replaced by their pseudonym. Undecided findings are numbered as well, because a
redacted export replaces them too: nothing leaves the store merely because nobody
looked at it.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property
from typing import Protocol

from intake.errors import Cancelled, InvalidInput
from intake.model import KEEP, MAX_NAME, Redaction, Testimony
from intake.redaction.finding import KINDS
from intake.review_labels import normalise, person_key, person_key_of

__all__ = ["MANUAL_KINDS", "OTHER", "Item", "ItemKey", "ReviewState", "Status", "apply",
           "detect_fields", "normalise", "person_key", "redacted_text", "redaction_pieces"]

OTHER = "OTHER"
MANUAL_KINDS = (*KINDS, OTHER)
ItemKey = tuple[str, int, int]


class Status(StrEnum):
    UNDECIDED = "undecided"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class FindingLike(Protocol):
    """What the detector reports (``intake.redaction.Finding``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def score(self) -> float: ...


class DetectorLike(Protocol):
    def detect(self, text: str, *, lang: str = ..., names: Sequence[str] = ...
               ) -> Sequence[FindingLike]: ...


Findings = Mapping[str, Sequence[FindingLike]]


@dataclass(frozen=True)
class Item:
    """One span the interviewer sees: a finding, or a manual redaction (``detected`` False)."""

    field: str
    start: int
    end: int
    kind: str
    text: str
    status: Status
    detected: bool = True
    score: float = 0.0

    @property
    def key(self) -> ItemKey:
        return (self.field, self.start, self.end)


def _check_name(name: str) -> str:
    name = " ".join(unicodedata.normalize("NFC", name).split())
    if any(unicodedata.category(c) == "Cc" for c in name):
        raise InvalidInput("names", "a name must not contain control characters")
    if len(name) > MAX_NAME:
        raise InvalidInput("names", f"a name is longer than {MAX_NAME} characters")
    return name


@dataclass(frozen=True)
class ReviewState:
    """One moment of a review. Never mutated: every change returns a new state."""

    testimony: Testimony
    findings: Mapping[str, tuple[FindingLike, ...]]
    decisions: Mapping[ItemKey, tuple[Status, str]]  # detected spans: (status, kind)
    manual: tuple[tuple[str, int, int, str], ...]  # (field, start, end, kind), accepted
    names: tuple[str, ...]
    survivor: frozenset[str] = frozenset()  # numbering keys that name the survivor

    # -- building --------------------------------------------------------------------------

    @classmethod
    def from_testimony(cls, t: Testimony, findings: Findings) -> ReviewState:
        """The testimony's stored decisions laid over fresh findings.

        A stored span that matches a finding exactly is that finding's decision; any other
        accepted span is a manual redaction; a KEEP span that matches no finding any more
        is dropped, since the export only honours a KEEP on exactly what it finds.
        """
        decisions: dict[ItemKey, tuple[Status, str]] = {}
        manual = []
        survivor = set()
        found = _clean_findings(t, findings)
        detected = {(p, f.start, f.end) for p, fs in found.items() for f in fs}
        for r in t.redactions:
            key = (r.field, r.start, r.end)
            if r.kind == KEEP:
                if key in detected:
                    decisions[key] = (Status.REJECTED, "")
                continue
            if key in detected:
                decisions[key] = (Status.ACCEPTED, r.kind)
            else:
                manual.append((r.field, r.start, r.end, r.kind))
            text = t.text_at(r.field, missing_ok=True) or ""
            if r.kind == "PERSON" and r.replacement == t.survivor.pseudonym:
                survivor.add(text[r.start:r.end])
        state = cls(t, found, decisions, tuple(dict.fromkeys(manual)), t.names)
        return replace(state, survivor=frozenset(state.person_key(s) for s in survivor))

    @cached_property
    def fields(self) -> tuple[tuple[str, str], ...]:
        return tuple(self.testimony.texts())

    @cached_property
    def texts(self) -> dict[str, str]:
        return dict(self.fields)

    @cached_property
    def items(self) -> tuple[Item, ...]:
        """What the interviewer sees, in reading order. A finding inside a manual span is
        covered by it and not shown on its own (rejecting the manual span brings it back)."""
        order = {p: i for i, (p, _t) in enumerate(self.fields)}
        out = []
        for path, text in self.fields:
            spans = sorted((s, e) for p, s, e, _k in self.manual if p == path)
            starts = [s for s, _e in spans]
            reach: list[int] = []
            for _s, e in spans:
                reach.append(max(e, reach[-1]) if reach else e)
            for f in self.findings.get(path, ()):
                i = bisect.bisect_right(starts, f.start) - 1
                if i >= 0 and reach[i] >= f.end:
                    continue  # inside (or exactly) a manual span: that span covers it
                status, kind = self.decisions.get((path, f.start, f.end),
                                                  (Status.UNDECIDED, ""))
                out.append(Item(path, f.start, f.end, kind or f.kind, text[f.start:f.end],
                                status, True, float(f.score)))
        taken = {i.key for i in out}
        for path, start, end, kind in self.manual:
            if (path, start, end) not in taken and path in self.texts:
                out.append(Item(path, start, end, kind, self.texts[path][start:end],
                                Status.ACCEPTED, False, 1.0))
        out.sort(key=lambda i: (order[i.field], i.start, -i.end))
        return tuple(out)

    @cached_property
    def _people(self) -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
        """Listed names and found names, normalised once; keys already worked out."""
        found = frozenset(normalise("PERSON", i.text) for i in self.items
                          if i.kind == "PERSON" and i.status is not Status.REJECTED)
        return frozenset(normalise("PERSON", n) for n in self.names), found, {}

    def person_key(self, text: str) -> str:
        """The numbering key of a PERSON mention in this review (see :func:`person_key`)."""
        listed, found, known = self._people
        norm = normalise("PERSON", text)
        if norm not in known:
            known[norm] = person_key_of(norm, listed, found)
        return known[norm]

    @cached_property
    def _by_key(self) -> dict[ItemKey, Item]:
        return {i.key: i for i in self.items}

    def item(self, key: ItemKey | None) -> Item | None:
        return self._by_key.get(key) if key else None

    def item_at(self, path: str, offset: int) -> Item | None:
        """The item under a click: the shortest one covering ``offset`` in ``path``."""
        under = [i for i in self.items if i.field == path and i.start <= offset < i.end]
        return min(under, key=lambda i: i.end - i.start, default=None)

    # -- decisions -------------------------------------------------------------------------

    def set_status(self, keys: Iterable[ItemKey], status: Status) -> ReviewState:
        """Accept or reject items; rejecting a manual redaction removes it."""
        decisions = dict(self.decisions)
        manual = list(self.manual)
        for key in keys:
            item = self.item(key)
            if item is None:
                continue
            if item.detected:
                decisions[key] = (status, item.kind)
            elif status is Status.REJECTED:
                manual = [m for m in manual if m[:3] != key]
        if decisions == self.decisions and len(manual) == len(self.manual):
            return self  # nothing changed: nothing to undo
        return replace(self, decisions=decisions, manual=tuple(manual))

    def accept_kind(self, kind: str) -> ReviewState:
        """Accept every undecided finding of ``kind`` (decided ones keep their decision)."""
        keys = [i.key for i in self.items if i.kind == kind and i.status is Status.UNDECIDED]
        return self.set_status(keys, Status.ACCEPTED)

    def redact(self, path: str, start: int, end: int, kind: str) -> ReviewState:
        """Redact ``text[start:end]`` of ``path`` by hand (white space at its ends trimmed)."""
        text = self.texts.get(path)
        if text is None or kind not in MANUAL_KINDS:
            raise InvalidInput("redaction", "names no text of this testimony or no known kind")
        start, end = max(0, start), min(len(text), end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return self
        key = (path, start, end)
        if any((path, f.start, f.end) == key for f in self.findings.get(path, ())):
            if self.decisions.get(key) == (Status.ACCEPTED, kind):
                return self
            return replace(self, decisions={**self.decisions, key: (Status.ACCEPTED, kind)})
        if (path, start, end, kind) in self.manual:
            return self
        manual = [m for m in self.manual if m[:3] != key] + [(path, start, end, kind)]
        return replace(self, manual=tuple(manual))

    def mark_survivor(self, key: ItemKey, survivor: bool = True) -> ReviewState:
        """Say that a PERSON item names the survivor: it (and every mention numbered with
        it) is replaced by the pseudonym, and it is accepted."""
        item = self.item(key)
        if item is None or item.kind != "PERSON":
            return self
        pk = self.person_key(item.text)
        marked = self.survivor | {pk} if survivor else self.survivor - {pk}
        state = replace(self, survivor=frozenset(marked))
        return state.set_status([key], Status.ACCEPTED) if survivor else state

    def with_names(self, names: Sequence[str], findings: Findings) -> ReviewState:
        """New ``names`` with the findings detection gave for them; mentions of a name that
        was just added are accepted (the interviewer has said that name must go).

        A finding already accepted that detection no longer reports exactly (its span
        grew or shrank, or a removed name found it) stays redacted as a manual span: a
        re-run must never quietly un-redact anything.
        """
        cleaned = tuple(dict.fromkeys(n for n in map(_check_name, names) if n))
        added = {normalise("PERSON", n) for n in cleaned} - {
            normalise("PERSON", n) for n in self.names}
        fresh = _clean_findings(self.testimony, findings)
        still = {(p, f.start, f.end) for p, fs in fresh.items() for f in fs}
        kept = [(*i.key, i.kind) for i in self.items
                if i.detected and i.status is Status.ACCEPTED and i.key not in still]
        state = replace(self, names=cleaned, findings=fresh,
                        manual=tuple(dict.fromkeys((*self.manual, *kept))))
        keys = [i.key for i in state.items if i.kind == "PERSON"
                and i.status is Status.UNDECIDED and person_key(i.text, cleaned) in added]
        return state.set_status(keys, Status.ACCEPTED)

    def rebased(self, t: Testimony) -> ReviewState:
        """The same review over a newer revision whose texts are unchanged (e.g. after image
        boxes or this review were saved)."""
        if tuple(t.texts()) != self.fields:
            raise InvalidInput("testimony", "changed while it was being reviewed; reopen it")
        return replace(self, testimony=t)

    # -- what it adds up to ----------------------------------------------------------------

    @cached_property
    def replacements(self) -> dict[ItemKey, str]:
        """Every item not rejected → its label (see the module docstring)."""
        counters: dict[str, int] = {}
        labels: dict[tuple[str, str], str] = {}
        out = {}
        for item in self.items:
            if item.status is Status.REJECTED:
                continue
            if item.kind == "PERSON":
                norm = self.person_key(item.text)
                if norm in self.survivor:
                    out[item.key] = self.testimony.survivor.pseudonym
                    continue
            else:
                norm = normalise(item.kind, item.text)
            label = labels.get((item.kind, norm))
            if label is None:
                counters[item.kind] = counters.get(item.kind, 0) + 1
                label = labels[(item.kind, norm)] = f"[{item.kind}-{counters[item.kind]}]"
            out[item.key] = label
        return out

    def undecided_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self.items:
            if item.status is Status.UNDECIDED:
                counts[item.kind] = counts.get(item.kind, 0) + 1
        return counts

    @property
    def undecided(self) -> int:
        return sum(self.undecided_counts().values())

    def spans(self, path: str, *, undecided: bool = True) -> list[Redaction]:
        """What a redacted export replaces in ``path``: accepted items, and undecided ones
        unless ``undecided`` is False."""
        wanted = {Status.ACCEPTED, Status.UNDECIDED} if undecided else {Status.ACCEPTED}
        return [Redaction(i.field, i.start, i.end, i.kind, self.replacements[i.key])
                for i in self.items if i.field == path and i.status in wanted]

    def step(self, key: ItemKey | None, *, backwards: bool = False,
             undecided_only: bool = True) -> Item | None:
        """The next (or previous) item after ``key``, wrapping round."""
        pool = [i for i in self.items if not undecided_only or i.status is Status.UNDECIDED]
        if not pool:
            return None
        if backwards:
            pool.reverse()
        keys = [i.key for i in self.items]
        if key is None or key not in keys:
            return pool[0]
        here = keys.index(key)
        order = {i.key: n for n, i in enumerate(self.items)}
        after = [i for i in pool if (order[i.key] < here if backwards else order[i.key] > here)]
        return after[0] if after else pool[0]


def _clean_findings(t: Testimony, findings: Findings) -> dict[str, tuple[FindingLike, ...]]:
    """Findings per field, sorted, inside their text, for fields the testimony has."""
    texts = dict(t.texts())
    out = {}
    for path, found in findings.items():
        text = texts.get(path)
        if text is None:
            continue
        ok = [f for f in found if 0 <= f.start < f.end <= len(text)]
        out[path] = tuple(sorted(ok, key=lambda f: (f.start, -f.end)))
    return out


def apply(state: ReviewState) -> Testimony:
    """The testimony with the review's decisions: a new revision's content.

    Only ``redactions`` and ``names`` change; every text stays exactly as it was.
    Undecided findings are not stored: they stay undecided, and a redacted export replaces
    them anyway (DESIGN §6: every finding not rejected), since the export runs the same
    detector again.
    """
    out = []
    for item in state.items:
        if item.status is Status.ACCEPTED:
            out.append(Redaction(item.field, item.start, item.end, item.kind,
                                 state.replacements[item.key]))
        elif item.status is Status.REJECTED:
            out.append(Redaction(item.field, item.start, item.end, KEEP, ""))
    return replace(state.testimony, redactions=tuple(out), names=state.names)


def redaction_pieces(text: str, spans: Iterable[Redaction]) -> list[tuple[str, Redaction | None]]:
    """``text`` cut into plain pieces and replaced ones (with the span that replaced them).

    Overlapping spans become one, named by its longest part; KEEP spans replace nothing.
    """
    merged: list[tuple[int, int, Redaction]] = []
    for r in sorted((r for r in spans if r.kind != KEEP), key=lambda r: (r.start, -r.end)):
        if merged and r.start < merged[-1][1]:
            start, end, best = merged[-1]
            if r.end - r.start > best.end - best.start:
                best = r
            merged[-1] = (start, max(end, r.end), best)
        else:
            merged.append((r.start, r.end, r))
    out: list[tuple[str, Redaction | None]] = []
    pos = 0
    for start, end, r in merged:
        if start > pos:
            out.append((text[pos:start], None))
        out.append((r.replacement, r))
        pos = end
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def redacted_text(text: str, spans: Iterable[Redaction]) -> str:
    """``text`` as a redacted export shows it (the preview)."""
    return "".join(piece for piece, _r in redaction_pieces(text, spans))


def detect_fields(t: Testimony, names: Sequence[str], detector: DetectorLike | None = None, *,
                  cancelled: Callable[[], bool] | None = None,
                  progress: Callable[[float], None] | None = None
                  ) -> dict[str, list[FindingLike]]:
    """Run the detector over every redactable field (slow the first time: run it on a
    worker). ``cancelled`` is polled between fields."""
    if detector is None:
        from intake.redaction import default_detector

        detector = default_detector()
    warm_up = getattr(detector, "warm_up", None)
    if callable(warm_up):
        warm_up()
    fields = list(t.texts())
    out: dict[str, list[FindingLike]] = {}
    for n, (path, text) in enumerate(fields, start=1):
        if cancelled is not None and cancelled():
            raise Cancelled("detection was cancelled")
        out[path] = list(detector.detect(text, lang="auto", names=list(names)))
        if progress is not None:
            progress(n / len(fields))
    return out
