"""The ``redaction.decide`` audit entry: what a review decided, as counts only.

Why its own entry: ``testimony.save`` proves *that* a revision was stored; a legal team
reading ``custody.jsonl`` (and the interviewer's own supervisor) also needs to see that a
person reviewed the redactions, how many findings were accepted, rejected or added by
hand, and how many were left undecided (a redacted export replaces those too). Audit
entries travel in bundles, so this one holds counts by kind and never a word of text.
"""

from __future__ import annotations

from typing import Any

from intake.model import Testimony
from intake.review import ReviewState, Status
from intake.store import Store

DECIDE = "redaction.decide"


def decision_counts(state: ReviewState) -> dict[str, Any]:
    """Counts per kind of accepted, rejected, manual and undecided items, and listed names."""
    counts: dict[str, dict[str, int]] = {"accepted": {}, "rejected": {}, "manual": {},
                                         "undecided": {}}
    for item in state.items:
        if not item.detected:
            group = "manual"
        else:
            group = {Status.ACCEPTED: "accepted", Status.REJECTED: "rejected",
                     Status.UNDECIDED: "undecided"}[item.status]
        counts[group][item.kind] = counts[group].get(item.kind, 0) + 1
    return {**counts, "names": len(state.names), "survivor_named": len(state.survivor)}


def save_decisions(store: Store, testimony: Testimony, counts: dict[str, Any]) -> Testimony:
    """Store the review's result (``intake.review.apply``) as a new revision, with its
    ``redaction.decide`` entry in the same transaction."""
    def decide(stored: Testimony) -> None:
        store.audit.append(DECIDE, stored.id, {"revision": stored.revision, **counts})

    return store.save(testimony, also=decide)
