"""Contacts: strict cards, no duplicates, every trust decision audited."""

from __future__ import annotations

import pytest

from intake.contacts import Contacts, fingerprint_lines
from intake.errors import InvalidInput, NotFound, StoreDamaged


def test_add_verify_and_audit(new_store):
    mine, _ = new_store("mine", label="Field team A")
    theirs, _ = new_store("theirs", label="법률팀 B")
    contacts = Contacts(mine)
    added = contacts.add(theirs.identity_card())
    assert (added.label, added.verified) == ("법률팀 B", False)
    assert contacts.by_label("법률팀 B").fingerprint == theirs.identity_card().fingerprint
    assert contacts.verify("법률팀 B").verified
    assert contacts.verify("법률팀 B").verified  # twice: no second audit entry
    entries = [e for e in mine.audit.entries() if e.action.startswith("contact.")]
    assert [e.action for e in entries] == ["contact.add", "contact.verify"]
    assert entries[0].detail == {"fingerprint": added.fingerprint, "label": "법률팀 B",
                                 "source": "card"}
    assert mine.audit.problems() == []


def test_refusals(new_store):
    mine, _ = new_store("mine", label="Field team A")
    a, _ = new_store("a", label="Legal")
    b, _ = new_store("b", label="LEGAL")
    contacts = Contacts(mine)
    with pytest.raises(InvalidInput, match="own identity card"):
        contacts.add(mine.identity_card())
    contacts.add(a.identity_card())
    with pytest.raises(InvalidInput, match="already a contact"):
        contacts.add(a.identity_card(), "Another name")
    with pytest.raises(InvalidInput, match="already labelled"):
        contacts.add(b.identity_card())  # differs only by case: refused, it would confuse
    with pytest.raises(InvalidInput, match="label"):
        contacts.add(b.identity_card(), "bad\u202elabel")
    assert contacts.add(b.identity_card(), "Legal 2").label == "Legal 2"
    with pytest.raises(NotFound):
        contacts.by_label("nobody")
    assert contacts.free_label("Legal", b.identity_card().fingerprint).startswith("Legal (")


def test_a_damaged_card_row_is_reported(new_store):
    mine, _ = new_store("mine", label="Field team A")
    a, _ = new_store("a", label="Legal")
    b, _ = new_store("b", label="Other")
    Contacts(mine).add(a.identity_card())
    with mine.transaction() as conn:  # another key under this contact's fingerprint
        conn.execute("UPDATE contacts SET card = ?", (b.identity_card().to_json(),))
    with pytest.raises(StoreDamaged, match="damaged"):
        Contacts(mine).all()
    with mine.transaction() as conn:
        conn.execute("UPDATE contacts SET card = '{}'")
    with pytest.raises(StoreDamaged, match="damaged"):
        Contacts(mine).by_fingerprint(a.identity_card().fingerprint)


def test_fingerprint_lines():
    assert fingerprint_lines("11111 22222 33333 44444 55555 66666") == (
        "11111 22222 33333\n44444 55555 66666")
