"""Review finding (issue 9): the receipt code is keyed with a subkey of the store's data key.

A bundle carries the record id and the consent, so an unkeyed hash of them let anyone
holding one tie a survivor's paper receipt to the record. Now only the store that made a
code can compute or check it; receipts printed before (unkeyed) are still found."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest

from intake import consent_receipt
from intake.consent_receipt import build, consent_hash, lookup, receipt_code
from intake.errors import NotFound, StoreLocked
from intake.store import Store
from tests.samples import make_testimony


def unkeyed(t) -> str:
    """The pre-keying code, computed here independently (SHA-256, ``tic-receipt/1``)."""
    import base64

    message = f"tic-receipt/1\n{t.id}\n{consent_hash(t.consent)}".encode()
    raw = base64.b32encode(hashlib.sha256(message).digest()[:5]).decode()
    return f"{raw[:4]}-{raw[4:]}"


def snapshot(store: Store) -> tuple:
    return (len(store.audit.entries()), [(i, len(store.revisions(i))) for i in store.ids()])


def test_two_stores_give_the_same_record_different_codes(new_store):
    field, other = new_store("field")[0], new_store("other", label="Legal")[0]
    t = make_testimony()
    codes = {receipt_code(field, t.id, t.consent), receipt_code(other, t.id, t.consent)}
    assert len(codes) == 2
    assert unkeyed(t) not in codes


def test_the_code_survives_locking_and_a_new_passphrase(new_store, tmp_path, policy,
                                                        passphrase):
    """The paper outlives the session: reopening, or rewrapping the data key, keeps it."""
    store, _recovery = new_store()
    t = store.add(make_testimony())
    code = receipt_code(store, t.id, t.consent)
    store.change_passphrase(passphrase("a different passphrase 둘"))
    store.close()
    with Store.open(tmp_path / "store", passphrase("a different passphrase 둘"),
                    policy=policy) as again:
        assert receipt_code(again, t.id, t.consent) == code
        assert lookup(again, code).receipt.testimony_id == t.id


def test_a_locked_store_makes_no_code(new_store):
    store, _recovery = new_store()
    t = store.add(make_testimony())
    store.close()
    with pytest.raises(StoreLocked):
        receipt_code(store, t.id, t.consent)
    with pytest.raises(StoreLocked):
        store.receipt_mac(b"anything")


def test_an_old_unkeyed_receipt_is_found_through_its_audit_entry(store):
    t = store.add(make_testimony())
    old = unkeyed(t)
    # What consent_receipt wrote before codes were keyed.
    store.audit.append(consent_receipt.AUDIT_ACTION, t.id,
                       {"code": old, "revision": 1, "medium": "pdf"})
    found = lookup(store, old.lower())
    assert found.receipt.code == old and found.receipt.revision == 1
    assert len(found.issued_at) == 1 and found.changed_since is False
    assert found.current_code == receipt_code(store, t.id, t.consent) != old


def test_an_old_unkeyed_receipt_without_an_entry_is_found_by_trying_revisions(store):
    t = store.add(make_testimony())
    store.save(dataclasses.replace(t, consent=dataclasses.replace(t.consent, advocacy=True)))
    found = lookup(store, unkeyed(t))
    assert found.receipt.revision == 1 and found.issued_at == ()
    assert found.changed_since is True and found.latest_revision == 2


def test_a_keyed_code_is_not_found_in_another_store(new_store):
    field, other = new_store("field")[0], new_store("other", label="Legal")[0]
    t = make_testimony()
    field.add(t)
    other.add(t)
    code = consent_receipt.show_on_screen(field, t.id).code
    before = snapshot(other)
    with pytest.raises(NotFound, match="no consent in this store matches"):
        lookup(other, code)
    assert snapshot(other) == before
    assert lookup(field, code).receipt.testimony_id == t.id


@pytest.mark.parametrize("bad", [None, "ABCD-EFGH", 42, bytearray(b"x")])
def test_the_store_mac_refuses_what_is_not_bytes(store, bad):
    with pytest.raises(TypeError):
        store.receipt_mac(bad)


def test_build_and_show_agree_and_the_audit_holds_the_keyed_code(store):
    t = store.add(make_testimony())
    shown = consent_receipt.show_on_screen(store, t.id)
    assert shown.code == build(store, t).code == receipt_code(store, t.id, t.consent)
    (entry,) = [e for e in store.audit.entries() if e.action == consent_receipt.AUDIT_ACTION]
    assert entry.detail["code"] == shown.code != unkeyed(t)
