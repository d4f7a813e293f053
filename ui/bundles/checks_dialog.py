"""Before an export is written: who is left out and why, and what the user must decide.

Shown only when there is something to say. Consent refusals are final (those
testimonies are left out); survivors at risk are left out of a full-level export
unless the user overrides it, which the audit log records; recipients whose
fingerprint was never verified are named; at the redacted level, survivors who
could be re-identified are listed with the suggested generalisations, and the
user chooses "Generalise and export" or "Export as is" (audited). The dialog
only collects decisions; ``ExportDialog`` turns them into an ``ExportRequest``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.bundle.reidentification import RiskFinding
from ui.bundles.export_review import (
    EXPIRED,
    NOT_GIVEN,
    NOT_RECORDED,
    NOT_YET,
    WITHDRAWN,
    ExportReview,
    Refusal,
)
from ui.bundles.words import identifying_text, purpose_name, risk_flags_text, steps_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportChecksDialog", text)


@dataclass(frozen=True)
class Decisions:
    testimony_ids: tuple[str, ...]
    override_risk: bool = False
    generalise: bool = False
    accept_risk: bool = False


def refusal_text(r: Refusal, purpose: str) -> str:
    reasons = {
        WITHDRAWN: _tr("consent was withdrawn on {0}"),
        NOT_RECORDED: _tr("no consent has been recorded"),
        NOT_YET: _tr("consent was only recorded on {0}"),
        EXPIRED: _tr("consent expired on {0}"),
        NOT_GIVEN: _tr("consent was not given for {1}"),
    }
    why = reasons.get(r.why, r.why).format(r.on or "", purpose_name(purpose))
    return f"{r.pseudonym} ({r.testimony_id[:8]}): {why}"


def risk_text(r: Refusal) -> str:
    return f"{r.pseudonym} ({r.testimony_id[:8]}): {risk_flags_text(r.risk)}"


def finding_text(f: RiskFinding) -> str:
    line = _tr("{0} ({1}): {2} shared by only {3} of the testimonies in this store "
               "(at least {4} needed). Suggested: {5}.").format(
        f.pseudonym, f.testimony_id[:8], identifying_text(f.identifying), f.crowd, f.k,
        steps_text(f.suggested))
    if not f.reaches_k:
        line += " " + _tr("Even generalised, only {0} would share it.").format(f.crowd_after)
    return line


def _list(lines: list[str]) -> QListWidget:
    view = QListWidget()
    view.addItems(lines)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setMaximumHeight(min(34 + 22 * len(lines), 160))
    return view


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ExportChecksDialog(QDialog):
    """``decisions`` is set when the user goes on; None after Back."""

    def __init__(self, review: ExportReview, purpose: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review = review
        self.decisions: Decisions | None = None
        self.setWindowTitle(_tr("Before exporting"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.override_box = QCheckBox(_tr("Export these survivors at the full level anyway "
                                          "(recorded in the audit log)"))
        if review.refused:
            layout.addWidget(_heading(_tr("Consent does not allow this export for:")))
            layout.addWidget(_list([refusal_text(r, purpose) for r in review.refused]))
            layout.addWidget(_note(_tr("These testimonies will be left out.")))
        if review.at_risk:
            layout.addWidget(_heading(_tr("Survivors at risk (a full-level export identifies "
                                          "them):")))
            layout.addWidget(_list([risk_text(r) for r in review.at_risk]))
            layout.addWidget(_note(_tr("They are left out unless you choose otherwise; the "
                                       "redacted level would include them safely.")))
            layout.addWidget(self.override_box)
        if review.unverified:
            layout.addWidget(_heading(_tr("Recipients whose fingerprint was never verified:")))
            layout.addWidget(_note(", ".join(review.unverified)))
            layout.addWidget(_note(_tr("If their card was swapped on the way, someone else "
                                       "could read this bundle. Verify them under Contacts "
                                       "first if you can.")))
        if review.findings:
            layout.addWidget(_heading(_tr("Survivors who could be re-identified from what "
                                          "the redacted copy still says:")))
            layout.addWidget(_list([finding_text(f) for f in review.findings]))
            layout.addWidget(_note(_tr("Generalising changes only the exported copy, never "
                                       "the store.")))
            if any(not f.reaches_k for f in review.findings):
                layout.addWidget(_note(_tr("Where even generalising is not enough, exporting "
                                           "means accepting the risk, and the audit log "
                                           "records it.")))

        self.buttons = QDialogButtonBox()
        self.generalise_button: QPushButton | None = None
        self.as_is_button: QPushButton | None = None
        self.go_button: QPushButton | None = None
        if not self.remaining(override=True):
            layout.addWidget(_note(_tr("Nothing is left to export.")))
        elif review.findings:
            self.generalise_button = self._button(_tr("Generalise and export"),
                                                  generalise=True)
            self.as_is_button = self._button(_tr("Export as is (recorded in the audit log)"),
                                             accept_risk=True)
        else:
            self.go_button = self._button(_tr("Export"))
            self.override_box.toggled.connect(self._update_go)
            self._update_go()
        back = self.buttons.addButton(_tr("&Back"), QDialogButtonBox.ButtonRole.RejectRole)
        back.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    def remaining(self, *, override: bool) -> tuple[str, ...]:
        out = set(self.review.refused_ids())
        if not override:
            out |= {r.testimony_id for r in self.review.at_risk}
        return tuple(i for i in self.review.testimony_ids if i not in out)

    def _button(self, text: str, *, generalise: bool = False,
                accept_risk: bool = False) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._go(generalise, accept_risk))
        return button

    def _update_go(self) -> None:
        if self.go_button is None:
            return
        override = self.override_box.isChecked()
        left_out = self.review.refused or (self.review.at_risk and not override)
        self.go_button.setText(_tr("Leave them out and export") if left_out
                               else _tr("Export"))
        self.go_button.setEnabled(bool(self.remaining(override=override)))

    def _go(self, generalise: bool, accept_risk: bool) -> None:
        override = self.override_box.isChecked()
        ids = self.remaining(override=override)
        if not ids:
            return
        # Generalising cannot hide everyone: those still exposed go out only with the
        # risk accepted, which the dialog said ("Even then only …") and the audit records.
        stuck = generalise and any(not f.reaches_k for f in self.review.findings)
        self.decisions = Decisions(ids, override_risk=override, generalise=generalise,
                                   accept_risk=accept_risk or stuck)
        self.accept()
