"""The witness statement as Qt rich text (HTML): header, events, narrative, attachments.

Pure Python: no Qt here, so the content can be tested without a display. Every
value from the testimony goes through :func:`html.escape`: a narrative holding
``<b>`` or ``<img src=…>`` is printed as text, never interpreted.
"""

from __future__ import annotations

import html

from intake import vocabulary
from intake.dates import chronological
from intake.model import Event, Testimony

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Witness statement", "survivor": "Survivor", "pseudonym": "Pseudonym",
        "sex": "Sex", "born": "Year of birth", "origin": "Origin", "risk": "At risk",
        "interview": "Interview", "date": "Date", "place": "Place", "language": "Language",
        "interviewer": "Interviewer", "interpreter": "Interpreter", "mode": "Mode",
        "depth": "Depth", "time": "Time", "restrictions": "Restrictions",
        "consent": "Consent", "scope": "Given for", "recorded": "Recorded",
        "expires": "Expires", "court": "Identity to a court", "recontact": "May be recontacted",
        "withdrawn": "WITHDRAWN", "none": "none", "yes": "yes", "no": "no",
        "events": "Events (chronological)", "when": "When", "type": "Event",
        "where": "Place, facility", "who": "Perpetrator", "knowledge": "Knowledge",
        "description": "Description", "approx": "approx.", "narrative": "Narrative",
        "attachments": "Attachments", "name": "File", "media": "Type", "size": "Bytes",
        "sha256": "SHA-256", "no_events": "No events recorded.",
        "no_attachments": "No attachments.", "testimony": "Testimony",
        "revision": "revision", "legal": "legal", "advocacy": "advocacy",
        "publication": "publication",
    },
    "ko": {
        "title": "증언 진술서", "survivor": "생존자", "pseudonym": "가명", "sex": "성별",
        "born": "출생연도", "origin": "출신", "risk": "위험", "interview": "면담",
        "date": "날짜", "place": "장소", "language": "언어", "interviewer": "면담자",
        "interpreter": "통역", "mode": "방식", "depth": "깊이", "time": "시간",
        "restrictions": "제약", "consent": "동의", "scope": "동의 범위", "recorded": "기록일",
        "expires": "만료", "court": "법정에 신원 공개", "recontact": "재연락 가능",
        "withdrawn": "철회됨", "none": "없음", "yes": "예", "no": "아니오",
        "events": "사건 (시간순)", "when": "시기", "type": "사건", "where": "장소, 시설",
        "who": "가해자", "knowledge": "인지", "description": "설명", "approx": "추정",
        "narrative": "진술", "attachments": "첨부 파일", "name": "파일", "media": "형식",
        "size": "바이트", "sha256": "SHA-256", "no_events": "기록된 사건이 없습니다.",
        "no_attachments": "첨부 파일이 없습니다.", "testimony": "증언", "revision": "개정",
        "legal": "법적", "advocacy": "옹호", "publication": "공개",
    },
}

_STYLE = """
<style>
 h1 { font-size: 16pt; margin-bottom: 2pt; }
 h2 { font-size: 12pt; margin-top: 10pt; margin-bottom: 3pt; }
 td, th { padding: 2pt 4pt; vertical-align: top; }
 th { background-color: #e8e8e8; text-align: left; }
 .k { color: #444444; }
 .hash { font-size: 7pt; }
</style>
"""


def esc(value: object) -> str:
    """Escaped text; line breaks kept."""
    return html.escape("" if value is None else str(value), quote=True).replace("\n", "<br/>")


def statement_html(t: Testimony, lang: str) -> str:
    L = LABELS[lang]
    parts = [_STYLE, f"<h1>{esc(L['title'])} — {esc(t.survivor.pseudonym)}</h1>",
             f"<p class='k'>{esc(L['testimony'])} {esc(t.id)}, {esc(L['revision'])} "
             f"{t.revision}</p>"]
    parts += _facts(L, t)
    parts.append(f"<h2>{esc(L['events'])}</h2>")
    parts.append(_events(L, t, lang) if t.events else f"<p>{esc(L['no_events'])}</p>")
    parts.append(f"<h2>{esc(L['narrative'])}</h2><p>{esc(t.narrative) or '—'}</p>")
    parts.append(f"<h2>{esc(L['attachments'])}</h2>")
    parts.append(_attachments(L, t) if t.attachments else f"<p>{esc(L['no_attachments'])}</p>")
    return "".join(parts)


def _row(label: str, value: object) -> str:
    return f"<tr><td class='k' width='30%'>{esc(label)}</td><td>{esc(value)}</td></tr>"


def _facts(L: dict[str, str], t: Testimony) -> list[str]:
    s, iv, c = t.survivor, t.interview, t.consent
    yes_no = {True: L["yes"], False: L["no"], None: "—"}
    survivor = [_row(L["pseudonym"], s.pseudonym), _row(L["sex"], s.sex or "—"),
                _row(L["born"], s.birth_year or s.birth_year_band or "—"),
                _row(L["origin"], s.origin or "—")]
    if s.risk:
        survivor.append(_row(L["risk"], ", ".join(s.risk)))
    times = " – ".join(x.isoformat() for x in (iv.start, iv.end) if x is not None)
    interview = [_row(L["date"], iv.date or "—"), _row(L["place"], iv.place or "—"),
                 _row(L["language"], iv.language or "—"),
                 _row(L["interviewer"], iv.interviewer or "—")]
    interview += [_row(L[k], v) for k, v in (("interpreter", iv.interpreter),
                                             ("mode", iv.mode), ("depth", iv.depth),
                                             ("time", times),
                                             ("restrictions", iv.restrictions)) if v]
    scopes = ", ".join(L[p] for p in c.scopes) or L["none"]
    consent = [_row(L["scope"], scopes), _row(L["recorded"], c.recorded or "—")]
    if c.withdrawn:
        consent.append(_row(L["withdrawn"], c.withdrawn))
    if c.expires:
        consent.append(_row(L["expires"], c.expires))
    consent += [_row(L["court"], yes_no[c.identity_to_court]),
                _row(L["recontact"], yes_no[c.recontact])]
    out = []
    for title, rows in ((L["survivor"], survivor), (L["interview"], interview),
                        (L["consent"], consent)):
        out.append(f"<h2>{esc(title)}</h2><table cellspacing='0' cellpadding='2' "
                   f"width='100%'>{''.join(rows)}</table>")
    return out


def _term(vocab: str, term_id: str | None, lang: str) -> str:
    if term_id is None:
        return ""
    term = vocabulary.load(vocab).get(term_id)
    return term.label(lang) if term else term_id


def _events(L: dict[str, str], t: Testimony, lang: str) -> str:
    rows = [f"<tr><th>{esc(L['when'])}</th><th>{esc(L['type'])}</th><th>{esc(L['where'])}"
            f"</th><th>{esc(L['who'])}</th><th>{esc(L['description'])}</th></tr>"]
    for e in sorted(t.events, key=lambda e: chronological(e.start)):
        rows.append(f"<tr><td>{esc(_when(e, L))}</td>"
                    f"<td>{esc(_term('event_types', e.type, lang))}</td>"
                    f"<td>{esc(', '.join(x for x in (e.place, e.facility) if x))}</td>"
                    f"<td>{esc(_who(e, lang))}</td><td>{esc(e.description)}"
                    + (f" <i>({esc(L['knowledge'])}: {esc(e.knowledge)})</i>"
                       if e.knowledge else "") + "</td></tr>")
    return f"<table border='1' cellspacing='0' cellpadding='3' width='100%'>{''.join(rows)}</table>"


def _when(e: Event, L: dict[str, str]) -> str:
    when = str(e.start) if e.start else "?"
    if e.end:
        when += f" – {e.end}"
    return when + (f" ({L['approx']})" if e.approx else "")


def _who(e: Event, lang: str) -> str:
    parts = [_term("perpetrators", e.perpetrator, lang), e.perpetrator_description or ""]
    if e.agency:
        parts.append(_term("perpetrators", e.agency, lang))
    return "; ".join(p for p in parts if p)


def _attachments(L: dict[str, str], t: Testimony) -> str:
    rows = [f"<tr><th>{esc(L['name'])}</th><th>{esc(L['media'])}</th>"
            f"<th>{esc(L['size'])}</th><th>{esc(L['sha256'])}</th></tr>"]
    for a in t.attachments:
        rows.append(f"<tr><td>{esc(a.name)}</td><td>{esc(a.media_type)}</td>"
                    f"<td>{a.size}</td><td class='hash'>{esc(a.sha256)}</td></tr>")
    return f"<table border='1' cellspacing='0' cellpadding='3' width='100%'>{''.join(rows)}</table>"
