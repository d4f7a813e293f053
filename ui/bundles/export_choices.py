"""Purpose and disclosure level, each choice with the one line that explains it.

Why explained in place: the purpose decides whose consent counts, the level decides
whether a survivor can be recognised; a user in the field should not have to
remember which is which.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.bundles.words import level_name, purpose_name


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def _explained(button: QRadioButton, text: str) -> QVBoxLayout:
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setIndent(24)
    hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, yet readable
    box = QVBoxLayout()
    box.setSpacing(0)
    box.addWidget(button)
    box.addWidget(hint)
    return box


class ExportChoices(QWidget):
    purposeChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.purpose_group = QButtonGroup(self)
        p_group = QGroupBox(_tr("Purpose"))
        p_layout = QVBoxLayout(p_group)
        self.purpose_buttons: dict[str, QRadioButton] = {}
        for purpose, hint in (
                ("legal", _tr("Courts, prosecutors, UN mechanisms: needs consent to legal "
                              "use.")),
                ("advocacy", _tr("Reports and briefings by human rights groups: needs "
                                 "consent to advocacy.")),
                ("publication", _tr("Anything made public: needs consent to "
                                    "publication."))):
            button = QRadioButton(purpose_name(purpose).capitalize())
            self.purpose_buttons[purpose] = button
            self.purpose_group.addButton(button)
            p_layout.addLayout(_explained(button, hint))
        self.purpose_buttons["legal"].setChecked(True)

        self.media_box = QCheckBox(_tr("Include &audio recordings, their tags stripped "
                                       "(recorded in the audit log)"))
        self.media_box.setToolTip(_tr("At the redacted level, audio is left out unless you "
                                      "include it; a voice can identify a survivor. Documents "
                                      "and video are always left out."))
        self.level_group = QButtonGroup(self)
        l_group = QGroupBox(_tr("Disclosure level"))
        l_layout = QVBoxLayout(l_group)
        self.level_buttons: dict[str, QRadioButton] = {}
        for level, hint in (
                ("redacted", _tr("Names, numbers and places below city level replaced; the "
                                 "survivor named by pseudonym only.")),
                ("full", _tr("Everything as recorded, for a recipient who may know who the "
                             "survivor is."))):
            button = QRadioButton(level_name(level).capitalize())
            self.level_buttons[level] = button
            self.level_group.addButton(button)
            l_layout.addLayout(_explained(button, hint))
            if level == "redacted":  # the option belongs to this level: shown under it
                media_row = QHBoxLayout()
                media_row.addSpacing(22)
                media_row.addWidget(self.media_box)
                l_layout.addLayout(media_row)
        self.level_buttons["redacted"].setChecked(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(p_group)
        layout.addWidget(l_group)
        self.purpose_group.buttonToggled.connect(lambda *_a: self.purposeChanged.emit())
        self.level_group.buttonToggled.connect(lambda *_a: self._level_changed())

    @property
    def purpose(self) -> str:
        return next(p for p, b in self.purpose_buttons.items() if b.isChecked())

    @property
    def level(self) -> str:
        return next(v for v, b in self.level_buttons.items() if b.isChecked())

    @property
    def include_media(self) -> bool:
        return self.level == "redacted" and self.media_box.isChecked()

    def _level_changed(self) -> None:
        self.media_box.setEnabled(self.level == "redacted")
