"""Checking the store: what the quick check at unlock found, and the full check on demand.

Why say it at unlock: a damaged key file or a lost attachment found while the
store is open can still be saved by a backup; found at the next unlock, it may be
too late. The message never blocks the store: it names what is damaged, and
offers the full check (every page, revision, audit entry and attachment), which
runs on the worker with progress. ``Store.check`` has no cancel hook of its own:
Cancel stops waiting and drops its result; the read-only check finishes
unseen on the worker.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from intake.store import Store
from intake.store.check import CheckReport
from ui.messages import Button, MessageBox
from ui.operations import OperationHandle
from ui.session import Session

SHOWN_PROBLEMS = 12


def _tr(text: str) -> str:
    return QCoreApplication.translate("StoreCheck", text)


def listed(problems: Sequence[str]) -> str:
    lines = [f"• {p}" for p in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(_tr("… and {0} more.").format(len(problems) - SHOWN_PROBLEMS))
    return "\n".join(lines)


def report_quick_check(parent: QWidget | None, session: Session,
                       problems: Sequence[str]) -> None:
    """After an unlock whose quick check found damage: say what, offer the full check."""
    answer = MessageBox.question(
        parent, _tr("The store has damage"),
        _tr("The quick check at unlock found a problem in the store:\n\n{0}\n\nYou can keep "
            "working. Make a backup soon, and run the full check to see everything that is "
            "damaged. Run the full check now?").format(listed(problems)))
    if answer == Button.Yes:
        open_check_store(parent, session)


def open_check_store(parent: QWidget | None, session: Session) -> OperationHandle:
    """Entry point for "Check the store…": the full check on the worker, then its verdict."""

    def work(store: Store, _handle: OperationHandle) -> CheckReport:
        return store.check()

    handle: OperationHandle

    def done(report: CheckReport) -> None:
        if handle.cancelled():
            return
        show_report(parent, report)

    handle = session.run(work, success=done,
                         progress_title=_tr("Checking every page, revision and attachment…"))
    return handle


def show_report(parent: QWidget | None, report: CheckReport) -> None:
    counts = _tr("{0} revisions, {1} attachments, {2} audit entries checked.").format(
        report.counts.get("revisions", 0), report.counts.get("attachments", 0),
        report.counts.get("audit_entries", 0))
    if report.ok:
        text = _tr("The store is intact: {0}").format(counts)
        if report.notes:
            text += "\n\n" + listed(report.notes)
        MessageBox.information(parent, _tr("Check the store"), text)
    else:
        MessageBox.warning(parent, _tr("Check the store"), _tr(
            "The store is damaged ({0} problems):\n\n{1}\n\n{2}\nMake a backup of what is "
            "left now; a backup made before the damage can be restored into a new store "
            "location.").format(len(report.problems), listed(report.problems), counts))
