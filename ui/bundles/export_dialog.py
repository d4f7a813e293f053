"""The export dialog: which testimonies, to whom, for what, at which level, into which file.

Flow: the user chooses; "Export…" asks the worker what the export would refuse
or warn about (:mod:`ui.bundles.export_review`); if anything, the checks dialog
shows it per testimony and collects the decisions; then ``export_bundle`` runs on
the worker with progress and Cancel. The library writes through an atomic file,
so a cancelled or failed export leaves nothing behind; the dialog only says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake.bundle import ExportRequest, ExportResult, export_bundle
from intake.bundle.redact import Detector
from intake.bundle.statement import StatementRenderer
from intake.contacts import Contact, Contacts
from intake.errors import Cancelled
from intake.store import Store, Summary
from ui.bundles.checks_dialog import Decisions, ExportChecksDialog
from ui.bundles.export_choices import ExportChoices
from ui.bundles.export_models import ID_ROLE, PSEUDONYM, RecipientModel, TestimonyChoiceModel
from ui.bundles.export_review import ExportReview, review_export
from ui.bundles.files import (
    BUNDLE_SUFFIX,
    ask_file,
    default_bundle_name,
    unused_path,
    with_bundle_suffix,
)
from ui.bundles.words import level_name, purpose_name
from ui.messages import Button, MessageBox
from ui.operations import OperationHandle, failure_text
from ui.session import Session


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def _load(store: Store, _h: OperationHandle) -> tuple[list[Summary], list[Contact]]:
    return store.summaries(), Contacts(store).all()


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportResult

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 preselected: Sequence[str] = (), renderer: StatementRenderer | None = None,
                 detector: Detector | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.renderer = renderer
        self.detector = detector
        self.busy = False
        self.handle: OperationHandle | None = None  # the work in flight (tests cancel it)
        self.checks: ExportChecksDialog | None = None
        self.result: ExportResult | None = None
        self._chosen_path = False
        self.setWindowTitle(_tr("Export a bundle"))
        self.resize(980, 640)

        # testimonies
        self.testimonies = TestimonyChoiceModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.testimonies)
        self.proxy.setFilterKeyColumn(PSEUDONYM)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(_tr("Filter by pseudonym"))
        self.filter_edit.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.count_label = QLabel()
        t_group = QGroupBox(_tr("Testimonies"))
        t_layout = QVBoxLayout(t_group)
        t_layout.addWidget(self.filter_edit)
        t_layout.addWidget(self.table, 1)
        t_layout.addWidget(self.count_label)

        # recipients
        self.recipients = RecipientModel(self)
        self.recipient_view = QListView()
        self.recipient_view.setModel(self.recipients)
        self.recipient_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.no_contacts = QLabel(_tr("No contacts yet: add the legal team's identity card "
                                      "under Contacts first."))
        self.no_contacts.setWordWrap(True)
        self.no_contacts.hide()
        r_group = QGroupBox(_tr("Recipients (only they can open the bundle)"))
        r_layout = QVBoxLayout(r_group)
        r_layout.addWidget(self.recipient_view)
        r_layout.addWidget(self.no_contacts)

        self.choices = ExportChoices()

        # file
        self.path_edit = QLineEdit()
        self.choose_button = QPushButton(_tr("C&hoose…"))
        f_group = QGroupBox(_tr("Bundle file"))
        f_layout = QHBoxLayout(f_group)
        f_layout.addWidget(self.path_edit, 1)
        f_layout.addWidget(self.choose_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(_tr("&Export…"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(r_group, 1)
        right.addWidget(self.choices)
        grid = QGridLayout()
        grid.addWidget(t_group, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addWidget(f_group, 1, 0, 1, 2)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.testimonies.dataChanged.connect(self._update)
        self.testimonies.modelReset.connect(self._update)
        self.recipients.dataChanged.connect(self._update)
        self.recipients.modelReset.connect(self._update)
        self.choices.purposeChanged.connect(self._purpose_changed)
        self.path_edit.textEdited.connect(self._path_typed)
        self.path_edit.textChanged.connect(self._update)
        self.choose_button.clicked.connect(self.ask_path)
        session.locked.connect(self.clear)

        self._preselected = tuple(preselected)
        self._purpose_changed()
        self.session.run(_load, success=lambda r: self._loaded(*r),
                         failure=lambda e: self.status.setText(failure_text(e)))

    # -- choices ------------------------------------------------------------------------

    @property
    def purpose(self) -> str:
        return self.choices.purpose

    @property
    def level(self) -> str:
        return self.choices.level

    def set_purpose(self, purpose: str) -> None:
        self.choices.purpose_buttons[purpose].setChecked(True)

    def set_level(self, level: str) -> None:
        self.choices.level_buttons[level].setChecked(True)

    def set_path(self, path: Path) -> None:
        self._chosen_path = True
        self.path_edit.setText(str(path))

    def _loaded(self, summaries: list[Summary], contacts: list[Contact]) -> None:
        self.testimonies.set_summaries(summaries, self._preselected)
        self.recipients.set_contacts(contacts)
        self.no_contacts.setVisible(not contacts)
        checked = self.testimonies.checked_ids()
        if checked:
            row = next(r for r in range(self.testimonies.rowCount())
                       if self.testimonies.index(r, 0).data(ID_ROLE) == checked[0])
            self.table.scrollTo(self.proxy.mapFromSource(self.testimonies.index(row, 0)))

    def _purpose_changed(self, *_args: object) -> None:
        self.testimonies.set_purpose(self.purpose)
        if not self._chosen_path:
            self.path_edit.setText(str(unused_path(Path.home(),
                                                   default_bundle_name(self.purpose))))

    def _path_typed(self, _text: str) -> None:
        self._chosen_path = True

    def ask_path(self) -> None:
        start = Path(self.path_edit.text()).expanduser() if self.path_edit.text() else (
            Path.home() / default_bundle_name(self.purpose))
        ask_file(self, _tr("Write the bundle to"),
                 _tr("Bundles (*{0});;All files (*)").format(BUNDLE_SUFFIX),
                 lambda p: self.set_path(with_bundle_suffix(p)), save=True, start=start)

    def _update(self, *_args: object) -> None:
        chosen = len(self.testimonies.checked_ids())
        self.count_label.setText(_tr("{0} of {1} chosen").format(
            chosen, self.testimonies.rowCount()))
        ready = (chosen > 0 and bool(self.recipients.checked_labels())
                 and bool(self.path_edit.text().strip()))
        self.export_button.setEnabled(ready and not self.busy)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for w in (self.table, self.filter_edit, self.recipient_view, self.path_edit,
                  self.choose_button, self.choices):
            w.setEnabled(not busy)
        self._update()

    # -- exporting ----------------------------------------------------------------------

    def request(self) -> ExportRequest:
        lang = "ko" if QLocale().language() == QLocale.Language.Korean else "en"
        return ExportRequest(recipients=self.recipients.checked_labels(),
                             purpose=self.purpose, level=self.level,
                             testimony_ids=self.testimonies.checked_ids(),
                             allow_unverified=True, lang=lang,
                             include_media=self.choices.include_media)

    def output_path(self) -> Path | None:
        """The chosen file, or None after saying why it cannot be used."""
        typed = Path(self.path_edit.text().strip()).expanduser()
        if typed.is_dir():
            self.status.setText(_tr("{0} is a folder; choose a file name.").format(typed))
            return None
        path = with_bundle_suffix(typed)
        if not path.parent.is_dir():
            self.status.setText(_tr("The folder {0} does not exist.").format(path.parent))
            return None
        if path.is_dir():
            self.status.setText(_tr("{0} is a folder; choose a file name.").format(path))
            return None
        if path.exists() and MessageBox.question(
                self, _tr("Export a bundle"),
                _tr("{0} already exists. Replace it?").format(path.name)) != Button.Yes:
            return None
        return path

    def start_export(self) -> None:
        if self.busy or not self.export_button.isEnabled():
            return
        path = self.output_path()
        if path is None:
            return
        request = self.request()
        self.status.clear()
        self._set_busy(True)
        self.handle = self.session.run(
            lambda store, h: review_export(store, request, cancelled=h.cancelled),
            success=lambda review: self._reviewed(review, request, path), failure=self._failed,
            progress_title=_tr("Checking consent and risks…"))

    def _reviewed(self, review: ExportReview, request: ExportRequest, path: Path) -> None:
        if review.quiet:
            self._write(request, path, Decisions(review.testimony_ids))
            return
        self.checks = ExportChecksDialog(review, request.purpose, self)
        self.checks.finished.connect(lambda _r: self._checked(request, path))
        self.checks.open()

    def _checked(self, request: ExportRequest, path: Path) -> None:
        decisions = self.checks.decisions if self.checks is not None else None
        self.checks = None
        if decisions is None:
            self._set_busy(False)
            self.status.setText(_tr("Nothing was exported."))
            return
        self._write(request, path, decisions)

    def _write(self, request: ExportRequest, path: Path, decisions: Decisions) -> None:
        request = replace(request, testimony_ids=decisions.testimony_ids,
                          override_risk=decisions.override_risk,
                          generalise=decisions.generalise, accept_risk=decisions.accept_risk)
        renderer, detector = self.renderer, self.detector
        if renderer is None:
            from ui.pdf.statement import render_statement as renderer

        def work(store: Store, h: OperationHandle) -> ExportResult:
            return export_bundle(store, request, path, renderer=renderer, detector=detector,
                                 progress=lambda done, total: h.report(
                                     done / total if total else 0.0),
                                 cancelled=h.cancelled)

        self.handle = self.session.run(work, success=self._done, failure=self._failed,
                                       progress_title=_tr("Writing the bundle…"))

    def _done(self, result: ExportResult) -> None:
        self.result = result
        self._set_busy(False)
        names = ", ".join(c.label for c in result.recipients)
        lines = [_tr("Bundle written: {0}").format(result.path),
                 _tr("Testimonies: {0}; attachments: {1}; for {2}, {3} level; to {4}.").format(
                     len(result.testimony_ids), result.attachments,
                     purpose_name(self.purpose), level_name(self.level), names)]
        if result.warnings:
            lines.append(_tr("Recorded in the audit log:"))
            lines += [f"• {w}" for w in result.warnings]
        self.status.setText("\n".join(lines))
        self._chosen_path = False
        self._purpose_changed()
        self.exported.emit(result)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            self.status.setText(_tr("Export cancelled; no file was written."))
        else:
            self.status.setText(_tr("Nothing was exported: {0}").format(failure_text(exc)))

    # -- closing ------------------------------------------------------------------------

    def reject(self) -> None:
        if self.busy and self.session.is_unlocked:
            return  # the progress dialog's Cancel stops the export
        super().reject()

    def clear(self) -> None:
        """On lock: forget every choice shown and close."""
        self.busy = False
        self.testimonies.clear()
        self.recipients.clear()
        self.status.clear()
        if self.checks is not None:
            self.checks.reject()
        self.reject()
