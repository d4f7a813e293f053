"""What an export would refuse or warn about, worked out before anything is written.

Why the UI asks first: the library refuses a whole export if one testimony's
consent does not cover the purpose, naming them all in one line — right for the
CLI, but a dialog can do better: show each testimony with its reason and let the
user leave those out and go on. The decisions themselves stay in ``intake``:
consent is judged by ``Consent.covers`` and re-identification by
``intake.bundle.export.assess_export``; ``export_bundle`` checks everything again
when it runs. Runs on the worker (no Qt here); the dialog words the reasons.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from intake.bundle.export import ExportRequest, assess_export
from intake.bundle.reidentification import RiskFinding
from intake.clock import utc_now
from intake.contacts import Contacts
from intake.model import Consent, Testimony
from intake.store import Store

# Why consent does not cover the purpose, in the order Consent.covers checks it.
WITHDRAWN, NOT_RECORDED, NOT_YET, EXPIRED, NOT_GIVEN = (
    "withdrawn", "not_recorded", "not_yet", "expired", "not_given")


@dataclass(frozen=True)
class Refusal:
    testimony_id: str
    pseudonym: str
    why: str                  # one of the codes above, or the survivor's risk flags
    on: str | None = None     # the date the reason names, if any
    risk: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExportReview:
    refused: tuple[Refusal, ...]        # consent: always left out
    at_risk: tuple[Refusal, ...]        # full level: left out unless overridden (audited)
    findings: tuple[RiskFinding, ...]   # redacted level: generalise or accept (audited)
    unverified: tuple[str, ...]         # recipients whose fingerprint was never compared
    testimony_ids: tuple[str, ...]      # every testimony asked for, in order

    def refused_ids(self) -> set[str]:
        return {r.testimony_id for r in self.refused}

    @property
    def quiet(self) -> bool:
        return not (self.refused or self.at_risk or self.findings or self.unverified)


def consent_refusal(t: Testimony, purpose: str, today: date) -> Refusal | None:
    ok, _why = t.consent.covers(purpose, today)
    if ok:
        return None
    why, on = _reason(t.consent, today)
    return Refusal(t.id, t.survivor.pseudonym, why, on)


def _reason(c: Consent, today: date) -> tuple[str, str | None]:
    if c.withdrawn is not None:
        return WITHDRAWN, c.withdrawn.isoformat()
    if c.recorded is None:
        return NOT_RECORDED, None
    if today < c.recorded:
        return NOT_YET, c.recorded.isoformat()
    if c.expires is not None and today >= c.expires:
        return EXPIRED, c.expires.isoformat()
    return NOT_GIVEN, None


def review_export(store: Store, request: ExportRequest, *,
                  cancelled: Callable[[], bool] | None = None) -> ExportReview:
    """Every refusal and warning ``request`` would meet; ``request.testimony_ids`` is set."""
    today = utc_now().date()
    contacts = Contacts(store)
    unverified = tuple(dict.fromkeys(
        c.label for c in (contacts.by_label(label) for label in request.recipients)
        if not c.verified))
    ids = tuple(dict.fromkeys(request.testimony_ids or ()))
    refused: list[Refusal] = []
    at_risk: list[Refusal] = []
    for testimony_id in ids:
        t = store.get(testimony_id)
        refusal = consent_refusal(t, request.purpose, today)
        if refusal is not None:
            refused.append(refusal)
        elif t.survivor.risk and request.level == "full":
            at_risk.append(Refusal(t.id, t.survivor.pseudonym, "risk",
                                   risk=tuple(t.survivor.risk)))
    passing = tuple(i for i in ids if i not in {r.testimony_id for r in refused})
    findings: list[RiskFinding] = []
    if passing and request.level == "redacted":
        findings = assess_export(store, replace(request, testimony_ids=passing),
                                 cancelled=cancelled)
    return ExportReview(tuple(refused), tuple(at_risk), tuple(findings), unverified, ids)
