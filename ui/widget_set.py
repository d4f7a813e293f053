"""The record widgets the workspace hosts, found at run time.

Why a lookup: the record widgets (``ui/records``, ``ui/editor``,
``ui/attachments``) are built alongside the shell. While one is missing, a
labelled placeholder with the same methods stands in, so the shell still runs
and can be tested on its own.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QWidget


class Placeholder(QLabel):
    """Accepts every call of the record widgets' API and shows nothing of the data."""

    testimonySelected = Signal(str)
    testimonyActivated = Signal(str)
    editRequested = Signal(str)
    draftChanged = Signal(dict)
    saveRequested = Signal(dict)
    addRequested = Signal(list)
    openRequested = Signal(str)
    attachmentsAddRequested = Signal(list)
    attachmentOpenRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._body: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith(("set_", "show_", "load")):
            return lambda *a, **k: None
        raise AttributeError(name)

    def clear(self) -> None:
        self._body = {}

    def current_dict(self) -> dict[str, Any]:
        return dict(self._body)

    def is_modified(self) -> bool:
        return False


class PlaceholderDialog(QDialog):
    revisionRequested = Signal(int)

    def set_revisions(self, *_args: object) -> None:
        pass

    def show_attachment(self, *_args: object) -> None:
        pass

    def clear(self) -> None:
        pass


@dataclass
class RecordWidgets:
    TestimonyListView: Any
    DetailPane: Any
    TestimonyEditor: Any
    AttachmentViewer: Any
    RevisionDialog: Any


def _find(module: str, name: str, fallback: Any) -> Any:
    try:
        found = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and module.startswith(exc.name):
            return fallback  # not written yet; a missing dependency inside it still raises
        raise
    return getattr(found, name, fallback)


def record_widgets() -> RecordWidgets:
    return RecordWidgets(
        _find("ui.records.list_view", "TestimonyListView", Placeholder),
        _find("ui.records.detail_pane", "DetailPane", Placeholder),
        _find("ui.editor.editor", "TestimonyEditor", Placeholder),
        _find("ui.attachments.viewer", "AttachmentViewer", PlaceholderDialog),
        _find("ui.records.revisions", "RevisionDialog", PlaceholderDialog),
    )
