"""Revisions: what changed, field by field and narrative line by line."""

from __future__ import annotations

import copy

from intake.model import Testimony
from intake.store.records import RevisionInfo
from tests.ui.test_editor_form import rich_dict
from ui.records.diff import field_differences, narrative_diff
from ui.records.revisions import RevisionDialog


def two_revisions() -> tuple[Testimony, Testimony]:
    old = rich_dict()
    old["revision"] = 2
    new = copy.deepcopy(old)
    new["revision"] = 3
    new["survivor"]["birth_year"] = 1984
    new["events"][1]["type"] = "detention"
    new["narrative"] = new["narrative"].replace("한 달을", "두 달을")
    return Testimony.from_dict(old), Testimony.from_dict(new)


def test_field_differences_name_each_changed_field():
    a, b = two_revisions()
    changes = {c.path: (c.before, c.after) for c in field_differences(a, b)}
    assert changes == {"survivor.birth_year": (1985, 1984),
                       "events[1].type": ("forced_return", "detention")}
    assert len(field_differences(None, b)) > 20  # a first revision: everything is new


def test_narrative_diff_is_by_line():
    lines = narrative_diff("하나\n둘\n셋\n", "하나\n둘!\n셋\n")
    assert ("-", "둘") in lines and ("+", "둘!") in lines
    assert ("-", "하나") not in lines


def test_the_dialog_shows_a_changed_field_with_labels(qtbot):
    dialog = RevisionDialog(language="ko")
    qtbot.addWidget(dialog)
    a, b = two_revisions()
    dialog.show_diff(a, b)
    rows = [[dialog.table.item(r, c).text() for c in range(3)]
            for r in range(dialog.table.rowCount())]
    assert ["Survivor › Birth year", "1985", "1984"] in rows
    assert ["Event 2 › Type", "강제송환", "구금"] in rows
    text = dialog.narrative.toPlainText()
    assert "− " in text and "두 달을" in text
    assert dialog.heading.text() == "Changes from revision 2 to revision 3"


def test_choosing_a_revision_asks_for_it(qtbot):
    dialog = RevisionDialog(language="en")
    qtbot.addWidget(dialog)
    infos = [RevisionInfo("t", n, f"2024-05-0{n}T10:00:00Z", f"{n:064x}") for n in (1, 2, 3)]
    with qtbot.waitSignal(dialog.revisionRequested, timeout=1000) as newest:
        dialog.set_revisions(infos)
    assert newest.args == [3]
    with qtbot.waitSignal(dialog.revisionRequested, timeout=1000) as chosen:
        dialog.list.setCurrentRow(2)
    assert chosen.args == [1]
    dialog.clear()
    assert dialog.list.count() == 0 and dialog.table.rowCount() == 0
