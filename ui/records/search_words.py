"""The words a testimony summary can be found by in the quick filter.

A row is found by what it shows and by what it means: "체포" and "arrest" find the same
event whatever the UI language, and the gazetteer lets "서울" find a place typed "Seoul".
50,000 rows share a few hundred codes, so the words of each code are worked out once.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QCoreApplication

from intake.store.records import Summary
from ui.records import labels


def normalise_query(text: str) -> str:
    """NFC and casefold: Korean typed as syllables or jamo, and any case, compare equal."""
    return unicodedata.normalize("NFC", text).casefold()


class SearchWords:
    """Filter keys for summaries, with the words of every code cached."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], str] = {}

    def clear(self) -> None:
        self._cache.clear()

    def filter_key(self, s: Summary) -> str:
        """One normalised string holding every word the summary can be found by."""
        parts = [s.pseudonym, s.interview_date or "", self._words("place", s.place or "")]
        parts += [self._words("event", t) for t in s.event_types]
        parts += [self._words("scope", c) for c in s.consent]
        if s.withdrawn:
            parts.append(self._words("withdrawn", ""))
        if not s.consent:
            parts.append(self._words("none", ""))
        return normalise_query("\x1f".join(parts))

    def _words(self, kind: str, code: str) -> str:
        cached = self._cache.get((kind, code))
        if cached is not None:
            return cached
        if kind == "place":
            term = labels.find_place(code)
            words = [code] + ([term.en, term.ko] if term is not None else [])
        elif kind == "event":
            words = [code, labels.term_label("event_types", code, "en"),
                     labels.term_label("event_types", code, "ko")]
        elif kind == "scope":
            words = [code, labels.scope_label(code)]
        elif kind == "withdrawn":
            words = ["withdrawn", labels.withdrawn_text()]
        else:
            words = ["none", QCoreApplication.translate("TestimonyTableModel", "none")]
        text = self._cache[(kind, code)] = "\x1f".join(words)
        return text
