"""Undo and redo for a redaction review: a stack of commands with the states around them.

Why snapshots: every :class:`~intake.review.ReviewState` is immutable and shares its
unchanged parts, so keeping the state before and after each command costs little and
makes undo exact — including a re-detection after a name was added, which no inverse
operation could reproduce without running the detector again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from intake.model import Testimony
from intake.review import Findings, ItemKey, ReviewState, Status


@dataclass(frozen=True)
class Command:
    """One undoable change: ``name`` says what it did (for "Undo accept"), ``run`` does it."""

    name: str
    run: Callable[[ReviewState], ReviewState]


@dataclass
class History:
    """The review's command stack: each entry keeps the state before and after it."""

    state: ReviewState
    _undo: list[tuple[Command, ReviewState]] = field(default_factory=list)
    _redo: list[tuple[Command, ReviewState]] = field(default_factory=list)

    def do(self, command: Command) -> bool:
        """Run ``command``; False (and nothing recorded) if it changed nothing."""
        after = command.run(self.state)
        if after is self.state:
            return False
        self._undo.append((command, self.state))
        self._redo.clear()
        self.state = after
        return True

    def undo(self) -> Command | None:
        if not self._undo:
            return None
        command, before = self._undo.pop()
        self._redo.append((command, self.state))
        self.state = before
        return command

    def redo(self) -> Command | None:
        if not self._redo:
            return None
        command, after = self._redo.pop()
        self._undo.append((command, self.state))
        self.state = after
        return command

    def undo_name(self) -> str | None:
        return self._undo[-1][0].name if self._undo else None

    def redo_name(self) -> str | None:
        return self._redo[-1][0].name if self._redo else None

    def rebase(self, t: Testimony) -> None:
        """Every snapshot onto a newer revision with the same texts (see ``rebased``)."""
        self.state = self.state.rebased(t)
        self._undo = [(c, s.rebased(t)) for c, s in self._undo]
        self._redo = [(c, s.rebased(t)) for c, s in self._redo]


def accept(keys: Sequence[ItemKey]) -> Command:
    return Command("accept", lambda s: s.set_status(keys, Status.ACCEPTED))


def reject(keys: Sequence[ItemKey]) -> Command:
    return Command("reject", lambda s: s.set_status(keys, Status.REJECTED))


def accept_kind(kind: str) -> Command:
    return Command("accept_kind", lambda s: s.accept_kind(kind))


def redact(path: str, start: int, end: int, kind: str) -> Command:
    return Command("redact", lambda s: s.redact(path, start, end, kind))


def mark_survivor(key: ItemKey, survivor: bool = True) -> Command:
    return Command("survivor", lambda s: s.mark_survivor(key, survivor))


def set_names(names: Sequence[str], findings: Findings) -> Command:
    return Command("names", lambda s: s.with_names(names, findings))
