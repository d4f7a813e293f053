"""Where a testimony/1 field path lives in the form, and how to say what is wrong with it.

``InvalidInput`` names fields as paths (``survivor.birth_year``, ``events[2].start``,
``interview.persons_present[0].role``). This maps such a path to its tab, its widget and
a human name ("Event 3 › When"), so a message can sit next to the field and Ctrl+S on an
invalid form can take the interviewer straight there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.editor.validation import split_errors

if TYPE_CHECKING:
    from ui.editor.editor import TestimonyEditor
    from ui.editor.section import Section

TAB_SURVIVOR, TAB_INTERVIEW, TAB_CONSENT, TAB_EVENTS, TAB_NARRATIVE = range(5)
PART_TABS = {"survivor": TAB_SURVIVOR, "interview": TAB_INTERVIEW, "consent": TAB_CONSENT}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TestimonyEditor", text)


def tab_names() -> list[str]:
    return [_tr("Survivor"), _tr("Interview"), _tr("Consent"), _tr("Events"), _tr("Narrative")]


class ProblemMap:
    """Answers "where is this field?" for one editor."""

    def __init__(self, editor: TestimonyEditor) -> None:
        self.editor = editor
        self.names = tab_names()

    def _sections(self) -> dict[str, Section]:
        e = self.editor
        return {"survivor": e.survivor, "interview": e.interview, "consent": e.consent}

    def first_field(self, tab: int) -> QWidget | None:
        """Where the cursor goes when a tab is opened."""
        e = self.editor
        return {TAB_SURVIVOR: e.survivor.pseudonym, TAB_INTERVIEW: e.interview.date,
                TAB_CONSENT: e.consent.scopes["legal"], TAB_EVENTS: e.events.list,
                TAB_NARRATIVE: e.narrative}.get(tab)

    def tab_of(self, path: str) -> int:
        part = path.partition(".")[0]
        if part in PART_TABS:
            return PART_TABS[part]
        return TAB_EVENTS if path.startswith("events") else TAB_NARRATIVE

    def widget_of(self, path: str) -> QWidget | None:
        """The widget showing ``path``; for an event, that event is selected first."""
        parts, events, rest = split_errors({path: ""})
        for name, section in self._sections().items():
            for sub in parts[name]:
                row = section.row_for(sub)
                return row.widget if row is not None else section
        timeline = self.editor.events
        for index, sub in events.items():
            timeline.select(index)
            row = timeline.form.row_for(next(iter(sub)))
            return row.widget if row is not None else timeline.list
        return self.editor.narrative if "narrative" in rest else None

    def describe(self, errors: dict[str, str]) -> str:
        """"Survivor › Birth year: must be between … (and 2 more)" for the first problem."""
        if not errors:
            return ""
        path, reason = next(iter(errors.items()))
        head, _, tail = path.partition(".")
        sections = self._sections()
        if head in sections:
            where = f"{self.names[PART_TABS[head]]} › {sections[head].label_of(tail)}"
        elif path.startswith("events["):
            _parts, events, _rest = split_errors({path: reason})
            index, sub = next(iter(events.items()))
            where = _tr("Event {0} › {1}").format(
                index + 1, self.editor.events.form.label_of(next(iter(sub))))
        else:
            where = self.names[TAB_NARRATIVE] if path == "narrative" else path
        more = len(errors) - 1
        extra = _tr(" (and {0} more)").format(more) if more else ""
        return f"{where}: {reason}{extra}"
