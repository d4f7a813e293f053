"""A place field that completes from the gazetteer in any spelling.

Survivors and interpreters name the same city many ways: 단둥, 단동, Dandong, 丹东, Antung.
``vocabulary.complete`` ranks every spelling; the completer shows what it found with its
province, and inserts the label in the UI language. The field stays free text - a village
the gazetteer does not know is still a place - and says under it which known place the
text stands for, so a typo ("Dandog") is noticed while the survivor is still there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from intake import vocabulary
from ui.records.labels import find_place

LIMIT = 12
InsertRole = Qt.ItemDataRole.UserRole + 2  # what choosing an entry puts in the field


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlaceEdit", text)


def describe(term: vocabulary.Term, lang: str) -> str:
    """``단동(단둥) — 랴오닝성, 중국``: the label and the chain of parents."""
    places = vocabulary.load("places")
    chain = [a.label(lang) for a in places.ancestors(term.id)]
    label = term.label(lang)
    return f"{label} — {', '.join(chain)}" if chain else label


class PlaceEdit(QLineEdit):
    """Free text with gazetteer completion; ``known_place()`` is the term it matches."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setPlaceholderText(_tr("City or province, in any spelling (단둥, Dandong…)"))
        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(LIMIT)
        self._completer.setCompletionRole(InsertRole)
        self._completer.setWidget(self)
        self._completer.activated[str].connect(self._insert)
        self.textEdited.connect(self._update_completions)

    def completer_popup_texts(self) -> list[str]:
        """What the completion list offers now (for tests and accessibility)."""
        return [self._model.item(r).text() for r in range(self._model.rowCount())]

    def completion_values(self) -> list[str]:
        """What choosing each entry would insert."""
        return [self._model.item(r).data(InsertRole)
                for r in range(self._model.rowCount())]

    def completer(self) -> QCompleter:  # type: ignore[override]
        return self._completer

    def known_place(self) -> vocabulary.Term | None:
        return find_place(self.text())

    def hint(self) -> str:
        """Which gazetteer place the text stands for, or "" when it is not a known place."""
        term = self.known_place()
        if term is None:
            return "" if not self.text().strip() else _tr("Not in the gazetteer (kept as typed)")
        return "✓ " + describe(term, self.lang)

    def _update_completions(self, text: str) -> None:
        self._model.clear()
        prefix = text.strip()
        if not prefix:
            self._completer.popup().hide()
            return
        for term in vocabulary.load("places").complete(prefix, self.lang, limit=LIMIT):
            item = QStandardItem(describe(term, self.lang))
            item.setData(term.label(self.lang), InsertRole)
            item.setData(term.id, Qt.ItemDataRole.UserRole)
            other = term.label("en" if self.lang == "ko" else "ko")
            item.setToolTip(f"{other} · {', '.join(term.aliases)}")
            self._model.appendRow(item)
        if self._model.rowCount():
            self._completer.setCompletionPrefix("")
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _insert(self, _shown: str) -> None:
        index = self._completer.popup().currentIndex()
        value = index.data(InsertRole) if index.isValid() else None
        if value:
            self.setText(value)
            self.textEdited.emit(value)
        self._completer.popup().hide()
