"""What a redacted export does about survivors who could be re-identified (issue 9).

:mod:`intake.reidentify` measures: which testimonies' quasi-identifiers (birth year,
sex, origin, places and dates of detention) fewer than ``k`` testimonies of the store
share, and which generalisations would hide them. This module decides what the export
does with that measure, in one place so the CLI and the export dialog cannot differ:

* nobody flagged: the export goes on;
* flagged, and neither ``generalise`` nor ``accept_risk``: refused, with
  :class:`ReidentificationRefused` carrying the findings for a dialog to show;
* ``generalise``: the suggested generalisations are applied to the exported copy only;
  if even the strongest leaves a survivor in a crowd smaller than ``k``, the export is
  still refused unless ``accept_risk`` is given as well;
* ``accept_risk``: the export goes on unchanged and the decision is audited.

Messages name a testimony by its short id and pseudonym and say which *kinds* of
value make it unique, never the values themselves.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence

from intake.errors import Cancelled, IntakeError, InvalidInput
from intake.model import Testimony
from intake.reidentify import (
    DEFAULT_K,
    ReidentificationRisk,
    assess,
    describe_identifying,
    describe_steps,
)
from intake.store import Store

RiskFinding = ReidentificationRisk  # the name a dialog imports
MAX_K = 1000

__all__ = ["DEFAULT_K", "MAX_K", "ReidentificationRefused", "RiskFinding", "assess_testimonies",
           "check_k", "finding_line", "generalisations"]


class ReidentificationRefused(IntakeError):
    """A redacted export would let a survivor be picked out; ``findings`` says who and how."""

    def __init__(self, message: str, findings: Iterable[RiskFinding]) -> None:
        super().__init__(message)
        self.findings = tuple(findings)


def check_k(k: object) -> int:
    if not isinstance(k, int) or isinstance(k, bool) or not 2 <= k <= MAX_K:
        raise InvalidInput("k", f"must be a whole number from 2 to {MAX_K}")
    return k


def assess_testimonies(store: Store, targets: Sequence[Testimony], k: int, *,
                       cancelled: Callable[[], bool] | None = None) -> list[RiskFinding]:
    """``targets`` measured against every testimony in ``store`` (targets included)."""
    check_k(k)
    if not targets:
        return []
    chosen = {t.id: t for t in targets}
    population: list[Testimony] = list(targets)
    rows = store.conn.execute(  # every testimony's latest revision, in one query
        "SELECT r.testimony_id, r.body FROM revisions r JOIN summaries s"
        " ON s.testimony_id = r.testimony_id AND s.revision = r.revision")
    for n, (testimony_id, body) in enumerate(rows):
        if cancelled is not None and n % 500 == 0 and cancelled():
            raise Cancelled("export cancelled; nothing was written")
        if testimony_id not in chosen:
            population.append(Testimony.from_dict(json.loads(body)))
    return assess(targets, population, k=k)


def finding_line(f: RiskFinding, *, applied: bool = False) -> str:
    """One line about one finding, for the CLI's warnings and the refusal message."""
    line = (f"{f.testimony_id[:8]} ({f.pseudonym}): {describe_identifying(f.identifying)} "
            f"shared by only {f.crowd} testimon{'y' if f.crowd == 1 else 'ies'} in this "
            f"store (k = {f.k}); {'applied' if applied else 'suggested'}: "
            f"{describe_steps(f.suggested)}")
    if not f.reaches_k:
        line += f" (still only {f.crowd_after} after that)"
    return line


def generalisations(findings: Sequence[RiskFinding], *, generalise: bool,
                    accept_risk: bool) -> dict[str, tuple[str, ...]]:
    """The generalisation steps to apply per testimony id, or raise the refusal."""
    if not findings:
        return {}
    k = findings[0].k
    if generalise:
        stuck = [f for f in findings if not f.reaches_k]
        if stuck and not accept_risk:
            raise ReidentificationRefused(
                f"nothing was exported; even generalised, {_count(stuck)} still shared by "
                f"fewer than {k} testimonies in this store: "
                + "; ".join(finding_line(f) for f in stuck)
                + ". Add --accept-risk to export anyway (audited)", findings)
        return {f.testimony_id: f.suggested for f in findings}
    if accept_risk:
        return {}
    raise ReidentificationRefused(
        f"nothing was exported; {_count(findings)} could be re-identified: "
        + "; ".join(finding_line(f) for f in findings)
        + ". Use --generalise to export the suggested generalisations, or --accept-risk to "
        "export unchanged (audited)", findings)


def _count(findings: Sequence[RiskFinding]) -> str:
    return f"{len(findings)} testimon{'y' if len(findings) == 1 else 'ies'}"
