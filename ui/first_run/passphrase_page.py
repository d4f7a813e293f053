"""Wizard page: choose the passphrase (typed twice, scored, or generated as six words)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from intake.cli.passphrase import MIN_PASSPHRASE_CHARS
from ui.widgets.generator import DEFAULT_WORDS, entropy_bits, generate_passphrase
from ui.widgets.passphrase_field import PassphraseField
from ui.widgets.strength_meter import StrengthMeter


class PassphrasePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(self.tr(
            "The passphrase opens the store. Anyone who takes this laptop can try to guess "
            "it offline, so use several words nobody could link to you. It cannot be reset: "
            "only the recovery key on the next page can replace it."))
        self.first = PassphraseField()
        self.second = PassphraseField()
        self.meter = StrengthMeter()
        self.generate = QPushButton(self.tr("Generate a passphrase"))
        self.generate.setToolTip(self.tr("{0} random words: about {1} bits").format(
            DEFAULT_WORDS, int(entropy_bits())))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setObjectName("hint")
        self._generated = ""

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Passphrase:"), self.first)
        form.addRow(self.tr("&Repeat it:"), self.second)
        form.addRow(self.tr("Strength:"), self.meter)
        row = QHBoxLayout()
        row.addWidget(self.generate)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addStretch(1)

        self.first.textChanged.connect(self._typed)
        self.second.textChanged.connect(self._typed)
        self.meter.scored.connect(self._scored)
        self.generate.clicked.connect(self.fill_generated)

    def fill_generated(self) -> None:
        words = generate_passphrase()
        self._generated = words
        self.first.setText(words)
        self.second.setText(words)
        self.first.toggle.setChecked(True)
        self.second.toggle.setChecked(True)
        self._changed()

    def _typed(self, _text: str) -> None:
        text = self.first.text()
        self.meter.set_text(text)
        if text != self._generated:
            self._generated = ""
        self._changed()

    def _scored(self, _score: int) -> None:
        self._changed()

    def _changed(self) -> None:
        self.hint.setText(self._problem() or (self.tr(
            "Write these words down now, in this order, with the spaces. Keep the paper "
            "apart from the laptop (and from the recovery key).") if self._generated else ""))
        self.completeChanged.emit()

    def _problem(self) -> str:
        text, again = self.first.text(), self.second.text()
        if not text:
            return ""
        if len(text.strip()) < MIN_PASSPHRASE_CHARS:
            return self.tr("Use at least {0} characters; several words are best.").format(
                MIN_PASSPHRASE_CHARS)
        if self.meter.score >= 0 and not self.meter.acceptable:
            return self.tr("This passphrase could be guessed. Add words, or generate one.")
        if again and again != text:
            return self.tr("The two passphrases differ.")
        return ""

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        text = self.first.text()
        return (bool(text) and text == self.second.text() and not self._problem()
                and self.meter.acceptable)

    def take_passphrase(self) -> str:
        return self.first.text()

    def wipe(self) -> None:
        self.first.wipe()
        self.second.wipe()
        self.meter.set_text("")
