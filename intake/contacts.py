"""Contacts: the identity cards of recipients (legal teams) and trusted senders (interviewers).

A contact is a card this store has decided to trust, under a label. Trust has two
steps: *added* (the card came by email or USB, so it could have been swapped) and
*verified* (its fingerprint was read aloud over the phone and matched). Every
decision lands in the audit log. Cards are re-parsed strictly whenever they are
read back, so a damaged row is reported, never half-used.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from crypto.card import IdentityCard, check_label
from crypto.errors import CardInvalid
from intake.clock import utc_now_iso
from intake.errors import InvalidInput, NotFound, StoreDamaged
from intake.store import Store
from intake.store.database import Connection


@dataclass(frozen=True)
class Contact:
    label: str
    card: IdentityCard
    verified: bool
    added_at: str

    @property
    def fingerprint(self) -> str:
        return self.card.fingerprint


def fingerprint_lines(fingerprint: str) -> str:
    """The fingerprint as two lines of three groups: easier to read aloud and compare."""
    groups = fingerprint.split()
    return " ".join(groups[:3]) + "\n" + " ".join(groups[3:])


def _same_label(a: str, b: str) -> bool:
    fold = lambda s: unicodedata.normalize("NFKC", s).casefold()  # noqa: E731
    return fold(a) == fold(b)


class Contacts:
    """The contacts of one open store. Writes run in their own transaction, or in the
    caller's if ``conn`` is already inside one (import trusting a new sender)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def _conn(self) -> Connection:
        return self._store.conn

    def all(self) -> list[Contact]:
        rows = self._conn.execute("SELECT fingerprint, label, card, verified, added_at"
                                  " FROM contacts"
                                  " ORDER BY label").fetchall()
        return [_contact(*r) for r in rows]

    def by_fingerprint(self, fingerprint: str) -> Contact | None:
        row = self._conn.execute("SELECT fingerprint, label, card, verified, added_at"
                                  " FROM contacts"
                                 " WHERE fingerprint = ?", (fingerprint,)).fetchone()
        return None if row is None else _contact(*row)

    def by_label(self, label: str) -> Contact:
        """The contact with this label (exact first, then ignoring case); NotFound if none."""
        contacts = self.all()
        for c in contacts:
            if c.label == label:
                return c
        matches = [c for c in contacts if _same_label(c.label, label)]
        if len(matches) == 1:
            return matches[0]
        raise NotFound(f"no contact labelled {label!r} (see: testimony-intake contacts list)")

    def add(self, card: IdentityCard, label: str | None = None, *, source: str = "card",
            bundle_id: str | None = None) -> Contact:
        """Add a card (not yet verified). Refuses this store's own card and duplicates."""
        with self._store.transaction():
            return self.add_in_transaction(card, label, source=source, bundle_id=bundle_id)

    def add_in_transaction(self, card: IdentityCard, label: str | None = None, *,
                           source: str = "card", bundle_id: str | None = None) -> Contact:
        label = card.label if label is None else label
        try:
            check_label(label)
        except CardInvalid as error:
            raise InvalidInput("label", str(error).removeprefix("identity card: ")) from None
        if card.same_keys(self._store.identity_card()):
            raise InvalidInput("card", "this is this store's own identity card")
        known = self.by_fingerprint(card.fingerprint)
        if known is not None:
            raise InvalidInput("card", f"this card is already a contact, labelled {known.label!r}")
        for other in self.all():
            if _same_label(other.label, label):
                raise InvalidInput("label", f"another contact is already labelled "
                                   f"{other.label!r}; choose another with --label")
        now = utc_now_iso()
        self._conn.execute("INSERT INTO contacts (fingerprint, label, card, verified, added_at)"
                           " VALUES (?, ?, ?, 0, ?)", (card.fingerprint, label, card.to_json(),
                                                       now))
        detail: dict[str, object] = {"fingerprint": card.fingerprint, "label": label,
                                     "source": source}
        if bundle_id is not None:
            detail["bundle_id"] = bundle_id
        self._store.audit.append("contact.add", None, detail)
        return Contact(label, card, False, now)

    def verify(self, label: str) -> Contact:
        """Mark a contact verified: its fingerprint was compared over the phone."""
        contact = self.by_label(label)
        if contact.verified:
            return contact
        with self._store.transaction():
            self._conn.execute("UPDATE contacts SET verified = 1 WHERE fingerprint = ?",
                               (contact.fingerprint,))
            self._store.audit.append("contact.verify", None, {
                "fingerprint": contact.fingerprint, "label": contact.label})
        return Contact(contact.label, contact.card, True, contact.added_at)

    def free_label(self, wanted: str, fingerprint: str) -> str:
        """``wanted``, or ``wanted (12345)`` if another contact already uses it."""
        if not any(_same_label(c.label, wanted) for c in self.all()):
            return wanted
        return f"{wanted[:180]} ({fingerprint.split()[0]})"


def _contact(fingerprint: str, label: str, card_json: str, verified: int,
             added_at: str) -> Contact:
    try:
        card = IdentityCard.from_json(card_json)
    except CardInvalid:
        card = None
    if card is None or card.fingerprint != fingerprint:
        raise StoreDamaged(f"the stored card of contact {label!r} is damaged")
    return Contact(label, card, bool(verified), added_at)
