"""The unlocked workspace: testimony list on the left; detail, editor and attachments right.

This module only wires: the record widgets (``ui/records``, ``ui/editor``,
``ui/attachments``) never see the store, and every store call goes through
``Session.run`` so it happens on the worker. On lock, :meth:`clear` makes every
widget drop what it shows.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from intake.custody import ledger
from intake.errors import InvalidInput
from intake.model import AttachmentRef, Testimony
from intake.store import Store, Summary
from intake.store.drafts import Draft
from ui.messages import Button, MessageBox
from ui.operations import OperationHandle
from ui.records.labels import local_time
from ui.search.search_panel import SearchPanel
from ui.session import Session
from ui.widget_set import record_widgets


def _tr(text: str) -> str:
    return QCoreApplication.translate("Workspace", text)


@dataclass(frozen=True)
class CarryOver:
    """What a workspace rebuilt in another language picks up from the one it replaces."""

    shown: str | None                  # the testimony in the detail pane
    draft: dict[str, Any] | None       # the editor's state, when editing
    editing_id: str | None = None
    draft_key: str | None = None
    base_revision: int | None = None


class Workspace(QWidget):
    statusMessage = Signal(str)
    editingChanged = Signal(bool)
    noticesWanted = Signal(str)  # a testimony whose consent was just withdrawn

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        w = record_widgets()
        self.list_view = w.TestimonyListView()
        self.detail = w.DetailPane()
        self.editor = w.TestimonyEditor()
        self._viewer_class = w.AttachmentViewer
        self._revisions_class = w.RevisionDialog
        self.viewer: Any = None
        self.revisions: Any = None
        self.redaction: Any = None  # ui.redaction.flow.RedactionFlow while a review is open
        self.current: Testimony | None = None
        self.draft_key: str | None = None
        self.editing_id: str | None = None
        self.base_revision: int | None = None

        self.right = QStackedWidget()
        self.right.addWidget(self.detail)  # it hosts the attachment panel itself
        self.right.addWidget(self.editor)
        self.search = SearchPanel(session)
        self.left = QTabWidget()
        self.left.setDocumentMode(True)
        self.left.addTab(self.list_view, _tr("Testimonies"))
        self.left.addTab(self.search, _tr("Search"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.left)
        split.addWidget(self.right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([560, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)

        self.list_view.testimonySelected.connect(self.select)
        self.list_view.testimonyActivated.connect(self.edit)
        self.detail.editRequested.connect(self.edit)
        self.editor.draftChanged.connect(self.autosave)
        self.editor.saveRequested.connect(self.save)
        self.detail.attachmentsAddRequested.connect(self.attach)
        self.detail.attachmentOpenRequested.connect(self.open_attachment)
        self.detail.set_session(session)
        self.detail.testimonyRequested.connect(self.show_found)
        self.search.testimonyActivated.connect(self.show_found)

    @property
    def editing(self) -> bool:
        return self.right.currentWidget() is self.editor

    # -- loading --------------------------------------------------------------------------

    def load(self) -> None:
        """After unlock: summaries into the list, then offer any drafts back."""
        self.session.run(lambda s, _h: (s.summaries(), s.drafts()), success=self._loaded)

    def _loaded(self, result: tuple[list[Summary], list[Draft]]) -> None:
        rows, drafts = result
        self._show_rows(rows)
        self.offer_drafts(drafts)

    def _show_rows(self, rows: list[Summary], *, count: bool = True) -> None:
        """The list, the detail's empty-store hint and (with ``count``) the status line."""
        self.list_view.set_summaries(rows)
        self.detail.set_store_empty(not rows)
        if count:
            self.statusMessage.emit(_tr("Testimonies: {0}").format(len(rows)))

    def carry_over(self) -> CarryOver:
        shown = self.current.id if self.current is not None else None
        if not self.editing or self.draft_key is None:
            return CarryOver(shown, None)
        return CarryOver(shown, self.editor.current_dict(), self.editing_id, self.draft_key,
                         self.base_revision)

    def resume(self, carry: CarryOver) -> None:
        """The list again, then the same testimony or the same unsaved edit (no prompt)."""
        tid = carry.editing_id if carry.draft is not None else carry.shown

        def work(s: Store, _h: OperationHandle) -> tuple[list[Summary], Testimony | None]:
            return s.summaries(), (s.get(tid) if tid else None)

        def resumed(result: tuple[list[Summary], Testimony | None]) -> None:
            rows, testimony = result
            self._show_rows(rows)
            if carry.draft is not None and carry.draft_key is not None:
                self._open_editor(testimony, carry.draft, carry.draft_key, carry.base_revision)
            elif testimony is not None:
                self.list_view.select_testimony(testimony.id)
                self.show_testimony(testimony)

        self.session.run(work, success=resumed)

    def refresh(self) -> None:
        """After an import or a withdrawal: the list again, and the shown testimony anew
        (without offering drafts a second time)."""
        shown = self.current.id if self.current is not None and not self.editing else None

        def reloaded(rows: list[Summary]) -> None:
            self._show_rows(rows)
            if shown is not None:
                self.list_view.select_testimony(shown)
                self.select(shown)  # shown anew even if the row was already current

        self.session.run(lambda s, _h: s.summaries(), success=reloaded)

    def offer_drafts(self, drafts: list[Draft]) -> None:
        for draft in drafts:
            pseudonym = (draft.body.get("survivor") or {}).get("pseudonym") or _tr("(no pseudonym)")
            answer = MessageBox.question(
                self, _tr("Unsaved work"),
                _tr("Restore unsaved work from {0}?\n\nTestimony: {1}\n\nNo discards it; "
                    "Cancel keeps it for later.").format(local_time(draft.saved_at), pseudonym),
                Button.Yes | Button.No | Button.Cancel, Button.Yes)
            if answer == Button.Yes:
                self.restore_draft(draft)
                return
            if answer == Button.No:
                self.session.run(lambda s, _h, k=draft.key: s.discard_draft(k))

    def restore_draft(self, draft: Draft) -> None:
        if draft.testimony_id is None:
            self._open_editor(None, draft.body, draft.key)
            return
        self.session.run(lambda s, _h: s.get(draft.testimony_id),
                         success=lambda t: self._open_editor(t, draft.body, draft.key,
                                                             draft.base_revision))

    # -- reading ----------------------------------------------------------------------------

    def find(self) -> None:
        """Ctrl+F: the search tab, its field focused."""
        self.left.setCurrentWidget(self.search)
        self.search.focus_search()

    def show_found(self, testimony_id: str) -> None:
        """A search hit or a corroborating testimony: select it in the list if it is
        there (the quick filter may hide it), and show it either way."""
        if not self.list_view.select_testimony(testimony_id):
            self.select(testimony_id)

    def select(self, testimony_id: str) -> None:
        if self.editing and not self.leave_editor():
            return
        self.session.run(lambda s, _h: s.get(testimony_id), success=self.show_testimony)

    def show_testimony(self, testimony: Testimony | None) -> None:
        self.current = testimony
        self.detail.show_testimony(testimony)
        self.right.setCurrentIndex(0)
        self.editingChanged.emit(False)

    # -- editing ----------------------------------------------------------------------------

    def new_testimony(self) -> None:
        if self.editing and not self.leave_editor():
            return
        self._open_editor(None, None, f"new-{uuid.uuid4()}")

    def edit(self, testimony_id: str) -> None:
        if self.editing and self.editing_id == testimony_id:
            return
        if self.editing and not self.leave_editor():
            return
        self.session.run(lambda s, _h: s.get(testimony_id),
                         success=lambda t: self._open_editor(t, None, f"edit-{t.id}"))

    def _open_editor(self, testimony: Testimony | None, body: dict[str, Any] | None, key: str,
                     base_revision: int | None = None) -> None:
        self.draft_key = key
        self.editing_id = testimony.id if testimony else None
        self.base_revision = base_revision or (testimony.revision if testimony else None)
        self.editor.load(testimony, body)
        self.right.setCurrentIndex(1)
        self.editingChanged.emit(True)

    def leave_editor(self) -> bool:
        """Ask before leaving unsaved edits: Save, Discard or stay (Cancel)."""
        if not self.editor.is_modified():
            self._close_editor(discard=True)
            return True
        answer = MessageBox.question(
            self, _tr("Unsaved changes"), _tr("Save the changes to this testimony?"),
            Button.Save | Button.Discard | Button.Cancel, Button.Save)
        if answer == Button.Save:
            self.save(self.editor.current_dict())
            return False  # the save shows the testimony when it lands
        if answer == Button.Discard:
            self._close_editor(discard=True)
            return True
        return False

    def _close_editor(self, *, discard: bool) -> None:
        key = self.draft_key
        if discard and key is not None:
            self.session.run(lambda s, _h: s.discard_draft(key))
        self.draft_key = self.editing_id = self.base_revision = None
        self.editor.clear()
        self.right.setCurrentIndex(0)
        self.editingChanged.emit(False)

    def autosave(self, body: dict[str, Any]) -> None:
        key, tid, base = self.draft_key, self.editing_id, self.base_revision
        if key is None:
            return
        self.session.run(lambda s, _h: s.save_draft(key, body, testimony_id=tid,
                                                     base_revision=base))

    def final_draft(self) -> Any:
        """For lock: a function that keeps the editor's state as a draft before the close."""
        if not self.editing or not self.editor.is_modified() or self.draft_key is None:
            return None
        key, tid, base = self.draft_key, self.editing_id, self.base_revision
        body = self.editor.current_dict()
        return lambda s: s.save_draft(key, body, testimony_id=tid, base_revision=base)

    def save_current(self) -> None:
        if self.editing:
            self.save(self.editor.current_dict())

    def save(self, body: dict[str, Any]) -> None:
        new = self.editing_id is None
        data = dict(body)
        if not new:
            data["id"] = self.editing_id
            data["revision"] = self.base_revision
        try:
            testimony = Testimony.from_dict(data, new=new)
        except InvalidInput as exc:
            MessageBox.warning(self, _tr("Not saved"), _tr("Not saved: {0}").format(exc))
            return
        key = self.draft_key

        def work(store: Store, _h: OperationHandle) -> tuple[Testimony, list[Summary], int]:
            before = None if new else store.get(testimony.id).consent.withdrawn
            stored = store.add(testimony) if new else store.save(testimony)
            if key is not None:
                store.discard_draft(key)
            holders = 0
            if stored.consent.withdrawn is not None and before is None and not new:
                holders = len({t.recipient for t in ledger.transfers(store, stored.id)})
            return stored, store.summaries(), holders

        self.session.run(work, success=self._saved,
                         failure=lambda e: MessageBox.warning(
                             self, _tr("Not saved"), _tr("Not saved: {0}").format(e)))

    def _saved(self, result: tuple[Testimony, list[Summary], int]) -> None:
        stored, rows, holders = result
        self.draft_key = self.editing_id = self.base_revision = None
        self.editor.clear()
        self._show_rows(rows, count=False)  # the status line says "Saved revision n"
        if hasattr(self.list_view, "select_testimony"):
            self.list_view.select_testimony(stored.id)
        self.show_testimony(stored)
        self.statusMessage.emit(_tr("Saved revision {0}.").format(stored.revision))
        if holders:
            self._offer_notices(stored, holders)

    def _offer_notices(self, stored: Testimony, holders: int) -> None:
        """Consent was just withdrawn in the editor, and others hold the testimony: the
        survivor expects them to be told, so offer the signed notices at once."""
        answer = MessageBox.question(
            self, _tr("Consent withdrawn"),
            _tr("{0} recipients hold this testimony from earlier exports. Write a signed "
                "withdrawal notice for each of them now?").format(holders),
            Button.Yes | Button.No, Button.Yes)
        if answer == Button.Yes:
            self.noticesWanted.emit(stored.id)

    # -- attachments ------------------------------------------------------------------------

    def attach(self, paths: list[Path]) -> None:
        if self.current is None:
            return
        tid = self.current.id
        for path in paths:
            self._attach_one(tid, Path(path))

    def _attach_one(self, testimony_id: str, path: Path) -> None:
        try:
            total = max(1, path.stat().st_size)
        except OSError:
            total = 1

        def work(store: Store, h: OperationHandle) -> Testimony:
            store.attach(testimony_id, path, progress=lambda done: h.report(done / total),
                         cancelled=h.cancelled)
            return store.get(testimony_id)

        self.session.run(work, success=self._attached,
                         progress_title=_tr("Encrypting {0} into the store…").format(path.name))

    def _attached(self, testimony: Testimony) -> None:
        if self.current is not None and self.current.id == testimony.id and not self.editing:
            self.show_testimony(testimony)
        self.statusMessage.emit(_tr("Attachment added."))

    def open_attachment(self, attachment_id: str) -> None:
        self.read_attachment(attachment_id, self._show_attachment)

    def read_attachment(self, attachment_id: str,
                        success: Callable[[tuple[AttachmentRef, bytes]], None]) -> None:
        """Decrypt an attachment into memory on the worker (never to disk)."""
        def work(store: Store, _h: OperationHandle) -> tuple[AttachmentRef, bytes]:
            sink = io.BytesIO()
            ref = store.read_attachment(attachment_id, sink)
            return ref, sink.getvalue()

        self.session.run(work, success=success,
                         progress_title=_tr("Decrypting the attachment…"))

    def _show_attachment(self, result: tuple[AttachmentRef, bytes]) -> None:
        if self.viewer is None:
            self.viewer = self._viewer_class(self)
        self.viewer.show_attachment(*result)
        self.viewer.show()

    # -- redaction review -----------------------------------------------------------------

    def review_redactions(self) -> None:
        """Open the redaction review of the testimony shown (not while it is being edited)."""
        if self.current is None or self.editing:
            return
        from ui.redaction.flow import RedactionFlow  # loaded when first asked for

        if self.redaction is not None:
            self.redaction.close()
        self.redaction = RedactionFlow(self, self.current)
        self.redaction.start()

    def save_revision(self, testimony: Testimony,
                      success: Callable[[Testimony], None] | None = None,
                      failure: Callable[[Exception], None] | None = None,
                      save: Callable[[Store, Testimony], Testimony] | None = None) -> None:
        """Store ``testimony`` as a new revision from outside the editor (redaction
        decisions, image boxes), then show it as a save from the editor would. ``save``
        replaces ``Store.save`` on the worker (redaction decisions add their audit entry)."""
        def work(store: Store, _h: OperationHandle) -> tuple[Testimony, list[Summary]]:
            stored = save(store, testimony) if save is not None else store.save(testimony)
            return stored, store.summaries()

        def saved(result: tuple[Testimony, list[Summary]]) -> None:
            self._saved((*result, 0))  # redaction never withdraws consent
            if success is not None:
                success(result[0])

        def failed(exc: Exception) -> None:
            MessageBox.warning(self, _tr("Not saved"), _tr("Not saved: {0}").format(exc))
            if failure is not None:
                failure(exc)

        self.session.run(work, success=saved, failure=failed)

    # -- revisions ------------------------------------------------------------------------

    def show_revisions(self) -> None:
        if self.current is None or self.editing:
            return
        tid = self.current.id
        self.session.run(lambda s, _h: s.revisions(tid),
                         success=lambda revs: self._revisions_loaded(tid, revs))

    def _revisions_loaded(self, testimony_id: str, revisions: list[Any]) -> None:
        if self.revisions is not None:
            self.revisions.close()
        dialog = self._revisions_class(self)
        dialog.revisionRequested.connect(lambda n: self._load_diff(dialog, testimony_id, n))
        dialog.set_revisions(revisions)
        dialog.show()
        self.revisions = dialog

    def _load_diff(self, dialog: Any, testimony_id: str, revision: int) -> None:
        def work(store: Store, _h: OperationHandle) -> tuple[Testimony | None, Testimony]:
            before = store.get(testimony_id, revision - 1) if revision > 1 else None
            return before, store.get(testimony_id, revision)

        self.session.run(work, success=lambda pair: dialog.show_diff(*pair))

    # -- locking ----------------------------------------------------------------------------

    def clear(self) -> None:
        """Drop every piece of testimony data this workspace and its widgets hold."""
        self.current = None
        self.draft_key = self.editing_id = self.base_revision = None
        for widget in (self.list_view, self.detail, self.editor, self.search):
            widget.clear()
        self.left.setCurrentWidget(self.list_view)
        for dialog in (self.viewer, self.revisions):
            if dialog is not None:
                dialog.clear()
                dialog.close()
        if self.redaction is not None:
            self.redaction.close()
        self.revisions = self.redaction = None
        self.right.setCurrentIndex(0)
