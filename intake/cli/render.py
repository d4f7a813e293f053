"""Plain-text renderings for the terminal."""

from __future__ import annotations

import unicodedata
from typing import Any

from intake.model import Testimony
from intake.store import Summary


def summary_dict(s: Summary) -> dict[str, Any]:
    return {"id": s.testimony_id, "revision": s.revision, "pseudonym": s.pseudonym,
            "interview_date": s.interview_date, "place": s.place,
            "event_types": list(s.event_types), "consent": list(s.consent),
            "withdrawn": s.withdrawn, "updated_at": s.updated_at}


def _width(text: str) -> int:
    """Terminal columns: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def render_summaries(rows: list[Summary]) -> str:
    if not rows:
        return "No testimonies yet. Add one with: testimony-intake add FILE.json"
    table = [("ID", "PSEUDONYM", "INTERVIEW", "PLACE", "CONSENT", "EVENTS")]
    for s in rows:
        consent = "WITHDRAWN" if s.withdrawn else (",".join(s.consent) or "none")
        table.append((s.testimony_id, s.pseudonym, s.interview_date or "-", s.place or "-",
                      consent, " ".join(s.event_types) or "-"))
    widths = [max(_width(r[i]) for r in table) for i in range(len(table[0]) - 1)]
    return "\n".join("  ".join(_pad(c, w) for c, w in zip(r, widths, strict=False)) + "  " + r[-1]
                     for r in table)


def render_testimony(t: Testimony) -> str:
    c = t.consent
    scopes = c.scopes
    lines = [f"Testimony {t.id} (revision {t.revision})",
             f"Survivor:  {t.survivor.pseudonym}"
             + (f", {t.survivor.sex}" if t.survivor.sex else "")
             + (f", born {t.survivor.birth_year}" if t.survivor.birth_year else "")
             + (f", from {t.survivor.origin}" if t.survivor.origin else ""),
             f"Interview: {t.interview.date or '-'} in {t.interview.place or '-'}"
             + (f" by {t.interview.interviewer}" if t.interview.interviewer else ""),
             "Consent:   " + ("WITHDRAWN " + str(c.withdrawn) if c.withdrawn
                              else (", ".join(scopes) or "none given"))
             + (f" (recorded {c.recorded})" if c.recorded else "")]
    if t.events:
        lines.append("Events:")
        for e in t.events:
            when = str(e.start) if e.start else "?"
            if e.end:
                when += f" – {e.end}"
            if e.approx:
                when += " (approx.)"
            where = ", ".join(x for x in (e.place, e.facility) if x)
            lines.append(f"  {when:<24} {e.type:<18} {where}")
            if e.description:
                lines.append(f"  {'':<24} {e.description}")
    if t.attachments:
        lines.append("Attachments:")
        for a in t.attachments:
            lines.append(f"  {a.id}  {a.name}  {a.size} bytes  sha256 {a.sha256}")
    lines.extend(["Narrative:", t.narrative or "-"])
    return "\n".join(lines)
