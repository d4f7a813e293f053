"""The transfer ledger: every export of a testimony, to whom, and whether it arrived.

Export writes a ``transfers`` row and its ``transfer_testimonies`` in the same
transaction as its ``export`` audit entries (``intake.bundle.export``), so the ledger
and the audit log cannot disagree. This module reads it back one row per (bundle,
recipient) — a bundle sent to two legal teams is two transfers — with the delivery
receipt that recipient returned and the withdrawal notices written to it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from intake.contacts import Contacts
from intake.errors import NotFound, StoreDamaged
from intake.store import Store, records


@dataclass(frozen=True)
class Delivery:
    """A verified delivery receipt for one transfer."""

    receipt_id: str
    signed_at: str          # when the recipient wrote the receipt (their clock)
    received_at: str        # when this store imported it


@dataclass(frozen=True)
class NoticeSent:
    notice_id: str
    testimony_id: str
    created: str


@dataclass(frozen=True)
class Transfer:
    """One bundle as sent to one recipient."""

    bundle_id: str
    created_at: str
    recipient: str                   # fingerprint
    recipient_label: str | None      # None if no longer a contact
    purpose: str
    level: str
    manifest_sha256: str
    testimony_ids: tuple[str, ...]
    delivery: Delivery | None
    notices: tuple[NoticeSent, ...]

    @property
    def delivered(self) -> bool:
        return self.delivery is not None

    def to_dict(self) -> dict[str, object]:
        return {"bundle_id": self.bundle_id, "created_at": self.created_at,
                "recipient": {"fingerprint": self.recipient, "label": self.recipient_label},
                "purpose": self.purpose, "level": self.level,
                "manifest_sha256": self.manifest_sha256,
                "testimony_ids": list(self.testimony_ids),
                "status": "delivered and verified" if self.delivered else "sent",
                "receipt": None if self.delivery is None else {
                    "receipt_id": self.delivery.receipt_id,
                    "signed_at": self.delivery.signed_at,
                    "received_at": self.delivery.received_at},
                "withdrawal_notices": [{"notice_id": n.notice_id,
                                        "testimony_id": n.testimony_id,
                                        "created": n.created} for n in self.notices]}


def transfers(store: Store, testimony_id: str | None = None) -> list[Transfer]:
    """The ledger, oldest first: every transfer, or those that carried ``testimony_id``
    (and then only that testimony's withdrawal notices)."""
    conn = store.conn
    if testimony_id is not None:
        if not records.exists(conn, testimony_id):
            raise NotFound(f"no testimony with id {testimony_id}")
        rows = conn.execute(
            "SELECT t.bundle_id, t.created_at, t.recipients, t.purpose, t.level,"
            " t.manifest_sha256, t.testimony_ids FROM transfers t"
            " JOIN transfer_testimonies tt ON tt.bundle_id = t.bundle_id"
            " WHERE tt.testimony_id = ? ORDER BY t.created_at, t.bundle_id",
            (testimony_id,)).fetchall()
    else:
        rows = conn.execute(
            "SELECT bundle_id, created_at, recipients, purpose, level, manifest_sha256,"
            " testimony_ids FROM transfers ORDER BY created_at, bundle_id").fetchall()
    labels = {c.fingerprint: c.label for c in Contacts(store).all()}
    deliveries = _deliveries(store, [r[0] for r in rows])
    notices = _notices(store)
    out = []
    for bundle_id, created_at, recipients_json, purpose, level, digest, ids_json in rows:
        try:
            recipients, ids = json.loads(recipients_json), tuple(json.loads(ids_json))
        except ValueError:
            raise StoreDamaged(f"the ledger row of bundle {bundle_id} is damaged") from None
        for fp in recipients:
            sent = tuple(n for n in notices.get(fp, ()) if n.testimony_id in ids
                         and bundle_id in n.bundle_ids
                         and testimony_id in (None, n.testimony_id))
            out.append(Transfer(bundle_id, created_at, fp, labels.get(fp), purpose, level,
                                digest, ids, deliveries.get((bundle_id, fp)),
                                tuple(NoticeSent(n.notice_id, n.testimony_id, n.created)
                                      for n in sent)))
    return out


def holders(store: Store, testimony_id: str) -> dict[str, tuple[str, ...]]:
    """Recipient fingerprint → the bundles that carried ``testimony_id`` to them, oldest first."""
    found: dict[str, list[str]] = defaultdict(list)
    for t in transfers(store, testimony_id):
        found[t.recipient].append(t.bundle_id)
    return {fp: tuple(ids) for fp, ids in found.items()}


def _deliveries(store: Store, bundle_ids: list[str]) -> dict[tuple[str, str], Delivery]:
    out: dict[tuple[str, str], Delivery] = {}
    wanted = set(bundle_ids)
    for bundle_id, recipient, receipt_id, signed_at, received_at in store.conn.execute(
            "SELECT bundle_id, recipient, receipt_id, signed_at, received_at"
            " FROM transfer_receipts"):
        if bundle_id in wanted:
            out[(bundle_id, recipient)] = Delivery(receipt_id, signed_at, received_at)
    return out


@dataclass(frozen=True)
class _Sent:
    notice_id: str
    testimony_id: str
    bundle_ids: tuple[str, ...]
    created: str


def _notices(store: Store) -> dict[str, list[_Sent]]:
    out: dict[str, list[_Sent]] = defaultdict(list)
    for notice_id, testimony_id, recipient, bundle_ids, created in store.conn.execute(
            "SELECT notice_id, testimony_id, recipient, bundle_ids, created FROM notices_sent"
            " ORDER BY created, notice_id"):
        out[recipient].append(_Sent(notice_id, testimony_id, tuple(json.loads(bundle_ids)),
                                    created))
    return out
