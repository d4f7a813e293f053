"""Export: checks consent and risk, plans the members, writes the bundle, records the transfer.

The order is what makes it safe:

1. every refusal first (recipients, consent, risk, and at the ``redacted`` level the
   re-identification check of :mod:`intake.bundle.reidentification`), naming each
   testimony and why;
2. the first pass (:mod:`intake.bundle.plan`) builds and hashes the members, signs
   the manifest;
3. the second pass (:mod:`intake.bundle.writer`) streams the tar into age encryption
   inside an atomic file, so a failed or cancelled export leaves nothing behind;
4. the audit entries and the transfer ledger commit in one transaction *before* the
   file is renamed into place: an export may be recorded that never landed (the
   rename failed), never the other way round.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from crypto.atomicfile import atomic_writer
from intake.bundle.format import LEVELS
from intake.bundle.plan import ExportPlan, plan_export
from intake.bundle.redact import Detector, load_default_detector
from intake.bundle.redacted_media import Withheld
from intake.bundle.reidentification import (
    DEFAULT_K,
    RiskFinding,
    assess_testimonies,
    check_k,
    finding_line,
    generalisations,
)
from intake.bundle.statement import STATEMENT_LANGUAGES, StatementRenderer
from intake.bundle.writer import CancelCheck, Progress, encrypt_bundle
from intake.clock import utc_now, utc_now_iso
from intake.contacts import Contact, Contacts
from intake.errors import ConsentRefused, InvalidInput
from intake.model import PURPOSES, Testimony
from intake.store import Store


@dataclass(frozen=True)
class ExportRequest:
    recipients: tuple[str, ...]            # contact labels
    purpose: str
    level: str
    testimony_ids: tuple[str, ...] | None = None  # None: every testimony
    override_risk: bool = False
    allow_unverified: bool = False
    lang: str = "en"
    # The re-identification check of the redacted level (intake.bundle.reidentification).
    k: int = DEFAULT_K
    generalise: bool = False     # apply the suggested generalisations to the exported copy
    accept_risk: bool = False    # export flagged testimonies unchanged (audited)
    include_media: bool = False  # redacted level: include audio, tags stripped (audited)


@dataclass(frozen=True)
class ExportResult:
    bundle_id: str
    path: Path
    manifest_sha256: str
    testimony_ids: tuple[str, ...]
    recipients: tuple[Contact, ...]
    attachments: int
    tar_size: int
    warnings: tuple[str, ...] = field(default_factory=tuple)
    risks: tuple[RiskFinding, ...] = ()         # flagged, then generalised or accepted
    generalised: dict[str, tuple[str, ...]] = field(default_factory=dict)
    withheld: tuple[Withheld, ...] = ()         # attachments left out at the redacted level


def export_bundle(store: Store, request: ExportRequest, out_path: Path, *,
                  renderer: StatementRenderer | None, detector: Detector | None = None,
                  progress: Progress | None = None,
                  cancelled: CancelCheck | None = None) -> ExportResult:
    """Write a bundle for ``request`` to ``out_path``; see the module docstring."""
    _check_request(request)
    recipients = _recipients(store, request)
    testimonies = _testimonies(store, request)
    risky = _check_consent_and_risk(testimonies, request, utc_now().date())
    risks: list[RiskFinding] = []
    steps: dict[str, tuple[str, ...]] = {}
    if request.level == "redacted":
        risks = assess_testimonies(store, testimonies, request.k, cancelled=cancelled)
        steps = generalisations(risks, generalise=request.generalise,
                                accept_risk=request.accept_risk)
        if detector is None:
            detector = load_default_detector()
    plan = plan_export(store, testimonies, recipients=[c.card for c in recipients],
                       purpose=request.purpose, level=request.level, renderer=renderer,
                       lang=request.lang, detector=detector, cancelled=cancelled,
                       generalisations=steps, include_media=request.include_media)
    signature = store.identity.sign_minisign(plan.manifest_bytes,
                                             plan.manifest.trusted_comment()).encode("ascii")
    with atomic_writer(out_path) as out:
        size = encrypt_bundle(out, plan, signature, store.blob_store,
                              [c.card.age for c in recipients], progress=progress,
                              cancelled=cancelled)
        _record(store, plan, recipients, request, risky, risks, steps)
    warnings = [("generalised " + finding_line(r, applied=True)) if r.testimony_id in steps
                else "exported despite the re-identification risk " + finding_line(r)
                for r in risks]
    warnings += [w.line() for w in plan.withheld]
    unverified = [c.label for c in recipients if not c.verified]
    if unverified:
        warnings.append("sent to contacts whose fingerprint was never verified: "
                        + ", ".join(unverified))
    return ExportResult(plan.manifest.bundle_id, Path(out_path), plan.manifest_sha256,
                        tuple(t.id for t in testimonies), tuple(recipients),
                        sum(len(t.attachments) for t in plan.exported), size, tuple(warnings),
                        tuple(risks), steps, plan.withheld)


def assess_export(store: Store, request: ExportRequest, *,
                  cancelled: CancelCheck | None = None) -> list[RiskFinding]:
    """The re-identification findings ``export_bundle`` would act on, without exporting:
    what an export dialog shows (with the suggested generalisations) before it asks to
    generalise or to accept the risk. Empty at the ``full`` level, where the survivor's
    identity goes to the recipient by design."""
    _check_request(request)
    if request.level != "redacted":
        return []
    return assess_testimonies(store, _testimonies(store, request), request.k,
                              cancelled=cancelled)


def _check_request(request: ExportRequest) -> None:
    if request.purpose not in PURPOSES:
        raise InvalidInput("purpose", f"must be one of {', '.join(PURPOSES)}")
    if request.level not in LEVELS:
        raise InvalidInput("level", f"must be one of {', '.join(LEVELS)}")
    if request.lang not in STATEMENT_LANGUAGES:
        raise InvalidInput("lang", f"must be one of {', '.join(STATEMENT_LANGUAGES)}")
    if not request.recipients:
        raise InvalidInput("to", "name at least one recipient (a contact label)")
    check_k(request.k)


def _recipients(store: Store, request: ExportRequest) -> list[Contact]:
    contacts = Contacts(store)
    chosen: dict[str, Contact] = {}
    for label in request.recipients:
        contact = contacts.by_label(label)
        chosen.setdefault(contact.fingerprint, contact)
    unverified = [c.label for c in chosen.values() if not c.verified]
    if unverified and not request.allow_unverified:
        raise InvalidInput("to", f"{', '.join(unverified)}: fingerprint not verified; read it "
                           "out over the phone, then run 'contacts verify LABEL'")
    return list(chosen.values())


def _testimonies(store: Store, request: ExportRequest) -> list[Testimony]:
    ids = list(dict.fromkeys(request.testimony_ids)) if request.testimony_ids else store.ids()
    if not ids:
        raise InvalidInput("ids", "there is no testimony to export")
    return [store.get(i) for i in ids]


def _check_consent_and_risk(testimonies: list[Testimony], request: ExportRequest,
                            today: date) -> list[Testimony]:
    """Refuse (naming every testimony and why) or return the at-risk survivors' records."""
    refused, risky = [], []
    for t in testimonies:
        ok, why = t.consent.covers(request.purpose, today)
        if not ok:
            refused.append(f"{t.id[:8]} ({t.survivor.pseudonym}): {why}")
        elif t.survivor.risk:
            risky.append(t)
    if refused:
        raise ConsentRefused(f"nothing was exported; consent does not allow "
                             f"{request.purpose} use of {len(refused)} testimon"
                             f"{'y' if len(refused) == 1 else 'ies'}: " + "; ".join(refused))
    if risky and request.level == "full" and not request.override_risk:
        named = "; ".join(f"{t.id[:8]} ({t.survivor.pseudonym}): {', '.join(t.survivor.risk)}"
                          for t in risky)
        raise ConsentRefused(f"nothing was exported; survivors at risk may only be exported "
                             f"at --level redacted (or with --override-risk): {named}")
    return risky


def _record(store: Store, plan: ExportPlan, recipients: list[Contact], request: ExportRequest,
            risky: list[Testimony], risks: list[RiskFinding],
            steps: dict[str, tuple[str, ...]]) -> None:
    m = plan.manifest
    fingerprints = [c.fingerprint for c in recipients]
    overridden = {t.id for t in risky} if request.level == "full" else set()
    accepted = {r.testimony_id: r for r in risks
                if r.testimony_id not in steps or not r.reaches_k}
    withheld: dict[str, list[str]] = {}
    for w in plan.withheld:
        withheld.setdefault(w.testimony_id, []).append(w.attachment_id)
    with store.transaction() as conn:
        for t in plan.exported:
            if t.id in overridden:
                store.audit.append("export.override_risk", t.id, {
                    "bundle_id": m.bundle_id, "risk": list(t.survivor.risk),
                    "level": request.level})
            if t.id in accepted:
                r = accepted[t.id]
                store.audit.append("export.accept_risk", t.id, {
                    "bundle_id": m.bundle_id, "k": r.k, "crowd": r.crowd,
                    "crowd_after": r.crowd_after if t.id in steps else r.crowd,
                    "generalised": list(steps.get(t.id, ()))})
            if t.id in plan.audio_included:
                store.audit.append("export.include_media", t.id, {
                    "bundle_id": m.bundle_id, "attachments": list(plan.audio_included[t.id]),
                    "level": m.level})
            detail = {
                "bundle_id": m.bundle_id, "recipients": fingerprints, "purpose": m.purpose,
                "level": m.level, "manifest_sha256": plan.manifest_sha256,
                "revision": t.revision, "record_sha256": plan.record_sha256[t.id],
                "unverified_recipients": sum(not c.verified for c in recipients)}
            if t.id in steps:
                detail["generalised"] = list(steps[t.id])
            if t.id in withheld:
                detail["withheld_attachments"] = withheld[t.id]
            store.audit.append("export", t.id, detail)
        conn.execute("INSERT INTO transfers (bundle_id, created_at, recipients, purpose, level,"
                     " manifest_sha256, testimony_ids) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (m.bundle_id, utc_now_iso(), json.dumps(fingerprints), m.purpose, m.level,
                      plan.manifest_sha256, json.dumps([t.id for t in plan.exported])))
        conn.executemany("INSERT INTO transfer_testimonies (bundle_id, testimony_id, revision,"
                         " record_sha256) VALUES (?, ?, ?, ?)",
                         [(m.bundle_id, t.id, t.revision, plan.record_sha256[t.id])
                          for t in plan.exported])
