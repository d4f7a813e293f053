"""Readable names for the record fields a snippet was cut from.

The engine names fields by path (``narrative``, ``events[2].description``); a reviewer
reads "Narrative" or "Event 3 · Description". Kept apart so the results view and any
other hit list say the same thing.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_INDEXED = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchFields", text)


def _attr_label(attr: str) -> str:
    names = {
        "narrative": _tr("Narrative"), "pseudonym": _tr("Pseudonym"),
        "origin": _tr("Origin"), "description": _tr("Description"),
        "place": _tr("Place"), "facility": _tr("Facility"),
        "facility_kind": _tr("Facility kind"), "perpetrator": _tr("Perpetrator"),
        "perpetrator_description": _tr("Perpetrator"), "agency": _tr("Run by"),
        "type": _tr("Event type"), "restrictions": _tr("Restrictions"),
        "withdrawal_note": _tr("Withdrawal note"), "interpreter": _tr("Interpreter"),
        "interviewer": _tr("Interviewer"), "name": _tr("Attachment"),
    }
    return names.get(attr, attr.replace("_", " "))


def field_label(path: str) -> str:
    """``events[2].description`` → ``Event 3 · Description``; ``narrative`` → ``Narrative``."""
    m = _INDEXED.match(path)
    if m and m.group(1) == "events":
        return _tr("Event {0} · {1}").format(int(m.group(2)) + 1, _attr_label(m.group(3)))
    return _attr_label(path.rsplit(".", 1)[-1].split("[", 1)[0])
