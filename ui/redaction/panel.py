"""The controls beside the text: the finding in hand, the selection, names and images.

The dialog wires these widgets to commands; the panel only shows a review state (which
finding is in hand, what it becomes, which buttons apply), so the rules stay in
``intake.review``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from intake.media.images import REDACTABLE_MEDIA_TYPES
from intake.model import Testimony
from intake.review import MANUAL_KINDS, ItemKey, ReviewState, Status
from ui.redaction.palette import kind_label, status_label

SHOWN_TEXT = 80  # characters of a finding quoted in the panel


def _wrap(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # testimony text: never read as HTML
    return label


class ReviewPanel(QWidget):
    """The right-hand column of the review dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(290)
        self.setMaximumWidth(380)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        finding = QGroupBox(self.tr("Finding"))
        self.finding_label = _wrap(self.tr("Click a highlighted finding, or press N."))
        self.finding_label.setObjectName("findingLabel")
        self.finding_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 6)
        self.finding_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.accept_button = QPushButton(self.tr("Accept (A)"))
        self.accept_button.setToolTip(self.tr("Redact it: a redacted export replaces it"))
        self.reject_button = QPushButton(self.tr("Reject (R)"))
        self.reject_button.setToolTip(self.tr("Keep it: a redacted export leaves it as it is"))
        self.kind_button = QPushButton()
        self.kind_button.setToolTip(self.tr("Accept every undecided finding of this kind "
                                            "(Shift+A)"))
        self.previous_button = QPushButton(self.tr("◀ Previous (P)"))
        self.next_button = QPushButton(self.tr("Next (N) ▶"))
        self.survivor_button = QPushButton(self.tr("The survivor's own name"))
        self.survivor_button.setCheckable(True)
        self.survivor_button.setToolTip(self.tr("Replace this name, wherever it appears, "
                                                "by the survivor's pseudonym"))
        grid = QGridLayout(finding)
        grid.addWidget(self.finding_label, 0, 0, 1, 2)
        grid.addWidget(self.accept_button, 1, 0)
        grid.addWidget(self.reject_button, 1, 1)
        grid.addWidget(self.kind_button, 2, 0, 1, 2)
        grid.addWidget(self.previous_button, 3, 0)
        grid.addWidget(self.next_button, 3, 1)
        grid.addWidget(self.survivor_button, 4, 0, 1, 2)

        selection = QGroupBox(self.tr("Selected text"))
        self.selection_hint = _wrap(self.tr("Select words in the text to redact them by hand."))
        self.selection_hint.setObjectName("hint")
        self.kind_combo = QComboBox()
        for kind in MANUAL_KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.redact_button = QPushButton(self.tr("Redact selection (X)"))
        self.name_from_selection = QPushButton(self.tr("Add to the names list"))
        self.name_from_selection.setToolTip(self.tr("Find and redact every mention of this "
                                                    "name in the testimony"))
        box = QGridLayout(selection)
        box.addWidget(self.selection_hint, 0, 0, 1, 2)
        box.addWidget(QLabel(self.tr("Kind:")), 1, 0)
        box.addWidget(self.kind_combo, 1, 1)
        box.addWidget(self.redact_button, 2, 0, 1, 2)
        box.addWidget(self.name_from_selection, 3, 0, 1, 2)
        box.setColumnStretch(1, 1)

        names = QGroupBox(self.tr("Names to redact everywhere"))
        self.names_list = QListWidget()
        self.names_list.setMaximumHeight(90)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("A name, as it is written"))
        self.add_name_button = QPushButton(self.tr("Add"))
        self.remove_name_button = QPushButton(self.tr("Remove"))
        row = QHBoxLayout()
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.add_name_button)
        column = QVBoxLayout(names)
        column.addWidget(self.names_list)
        column.addLayout(row)
        column.addWidget(self.remove_name_button, 0, Qt.AlignmentFlag.AlignRight)

        images = QGroupBox(self.tr("Images"))
        self.images_list = QListWidget()
        self.images_list.setMaximumHeight(70)
        self.image_button = QPushButton(self.tr("Mark areas to hide…"))
        column = QVBoxLayout(images)
        column.addWidget(self.images_list)
        column.addWidget(self.image_button)
        self.images_group = images

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for group in (finding, selection, names, images):
            layout.addWidget(group)
        layout.addStretch(1)

    def selected_kind(self) -> str:
        return str(self.kind_combo.currentData())

    # -- showing a state ----------------------------------------------------------------

    def show_item(self, state: ReviewState | None, key: ItemKey | None, *, ready: bool,
                  has_selection: bool) -> None:
        """Describe the finding in hand and enable what applies to it."""
        item = state.item(key) if state else None
        if state is None or item is None:
            self.finding_label.setText(self.tr("Click a highlighted finding, or press N."))
        else:
            quoted = item.text if len(item.text) <= SHOWN_TEXT else item.text[:SHOWN_TEXT] + "…"
            label = state.replacements.get(item.key)
            after = self.tr("In the export: {0}").format(label) if label else \
                self.tr("In the export: left as it is")
            manual = "" if item.detected else " · " + self.tr("marked by hand")
            self.finding_label.setText(f"{kind_label(item.kind)} · “{quoted}”\n"
                                       f"{status_label(item.status)}{manual}\n{after}")
        for button in (self.accept_button, self.reject_button, self.kind_button):
            button.setEnabled(ready and item is not None)
        self.kind_button.setText(self.tr("Accept all of this kind: {0}").format(
            kind_label(item.kind)) if item else self.tr("Accept all of this kind"))
        person = item is not None and item.kind == "PERSON"
        self.survivor_button.setEnabled(ready and person)
        self.survivor_button.setChecked(bool(
            state and item and item.status is Status.ACCEPTED
            and state.replacements.get(item.key) == state.testimony.survivor.pseudonym))
        for button in (self.next_button, self.previous_button):
            button.setEnabled(ready and bool(state and state.items))
        self.redact_button.setEnabled(has_selection)
        self.name_from_selection.setEnabled(ready and (has_selection or person))
        self.add_name_button.setEnabled(ready)
        self.remove_name_button.setEnabled(ready and self.names_list.count() > 0)
        self.image_button.setEnabled(ready and self.images_list.count() > 0)

    def show_names(self, names: tuple[str, ...]) -> None:
        current = self.names_list.currentItem()
        keep = current.text() if current else None
        self.names_list.clear()
        for name in names:
            self.names_list.addItem(name)
            if name == keep:
                self.names_list.setCurrentRow(self.names_list.count() - 1)

    def show_images(self, testimony: Testimony) -> None:
        """The image attachments, each with how many areas it has hidden."""
        self.images_list.clear()
        for ref in testimony.attachments:
            if ref.media_type not in REDACTABLE_MEDIA_TYPES:
                continue
            boxes = sum(1 for b in testimony.image_redactions if b.attachment == ref.id)
            item = QListWidgetItem(self.tr("{0} · areas hidden: {1}").format(ref.name, boxes))
            item.setData(Qt.ItemDataRole.UserRole, ref.id)
            self.images_list.addItem(item)
        if self.images_list.count():
            self.images_list.setCurrentRow(0)
        self.images_group.setVisible(self.images_list.count() > 0)
