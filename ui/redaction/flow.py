"""One redaction review: the dialogs, wired to the workspace's worker and save path.

The workspace owns the store (through its session); the dialogs own nothing but what
they show. This object connects them: slow work goes through ``Session.run``, an image
is decrypted into memory by ``Workspace.read_attachment``, and every save — decisions or
image boxes — is a new revision through ``Workspace.save_revision``. After either kind of
save, both dialogs move onto the new revision, so the next save is not refused as stale.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt

from intake.model import AttachmentRef, ImageRedaction, Testimony
from intake.review_audit import decision_counts, save_decisions
from ui.operations import OperationHandle
from ui.redaction.image_dialog import ImageRedactionDialog
from ui.redaction.review_dialog import RedactionReviewDialog
from ui.redaction.runner import Done, Failed, Work

if TYPE_CHECKING:
    from ui.workspace import Workspace


class RedactionFlow(QObject):
    def __init__(self, workspace: Workspace, testimony: Testimony) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.session = workspace.session
        self.dialog = RedactionReviewDialog(testimony, self.run, workspace)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.can_ask = lambda: self.session.is_unlocked
        self.dialog.saveRequested.connect(self._save_decisions)
        self.dialog.imageRequested.connect(self.open_image)
        self.image_dialog: ImageRedactionDialog | None = None

    def run(self, work: Work, success: Done, failure: Failed | None = None,
            title: str | None = None) -> None:
        def on_store(_store: Any, handle: OperationHandle) -> Any:
            return work(handle)

        self.session.run(on_store, success=success, failure=failure, progress_title=title)

    def start(self) -> None:
        self.dialog.show()
        self.dialog.start()

    def close(self) -> None:
        """Close both dialogs without asking (lock, or another review replacing this one)."""
        for dialog in (self.image_dialog, self.dialog):
            if dialog is not None:
                dialog.discard()
        self.image_dialog = None

    # -- decisions --------------------------------------------------------------------------

    def _save_decisions(self, testimony: Testimony) -> None:
        state = self.dialog.state  # the state ``testimony`` was made from (emitted just now)
        counts = decision_counts(state) if state is not None else {}
        self.workspace.save_revision(testimony, success=self._saved,
                                     failure=lambda _e: self.dialog.save_failed(),
                                     save=lambda store, t: save_decisions(store, t, counts))

    def _saved(self, stored: Testimony) -> None:
        self.dialog.saved(stored)

    # -- images -----------------------------------------------------------------------------

    def open_image(self, attachment_id: str) -> None:
        self.workspace.read_attachment(attachment_id, self._show_image)

    def _show_image(self, result: tuple[AttachmentRef, bytes]) -> None:
        ref, data = result
        if self.image_dialog is not None:
            self.image_dialog.discard()
        boxes = tuple(b for b in self.dialog.testimony.image_redactions if b.attachment == ref.id)
        dialog = ImageRedactionDialog(ref, data, boxes, self.run, self.dialog)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.can_ask = lambda: self.session.is_unlocked
        dialog.saveRequested.connect(self._save_boxes)
        self.image_dialog = dialog
        dialog.show()

    def _save_boxes(self, attachment_id: str, boxes: tuple[ImageRedaction, ...]) -> None:
        base = self.dialog.testimony
        others = tuple(b for b in base.image_redactions if b.attachment != attachment_id)
        updated = replace(base, image_redactions=others + tuple(boxes))
        dialog = self.image_dialog

        def saved(stored: Testimony) -> None:
            self.dialog.rebase(stored)
            if dialog is not None:
                dialog.saved(stored)

        self.workspace.save_revision(
            updated, success=saved,
            failure=lambda _e: dialog.save_failed() if dialog is not None else None)
