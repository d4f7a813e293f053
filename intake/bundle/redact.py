"""The redacted copy of a testimony that a ``redacted`` bundle carries.

Every identifier the detector finds in every free-text field, every manual
redaction, and every name in the testimony's own ``names`` list is replaced by a
label. The same text gets the same label everywhere in the testimony
(``[PERSON-1]`` in the narrative is ``[PERSON-1]`` in an event description), and
once a text is known to be an identifier it is replaced wherever else it appears,
even where the detector did not flag it. ``names`` and ``redactions`` are dropped;
attachment file names become ``<attachment id>.<ext>``.

It fails closed: if a known identifier is still present after replacement, or the
detector cannot be loaded, no redacted copy is made.
"""

from __future__ import annotations

import mimetypes
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from intake.errors import IntakeError
from intake.model import KEEP, AttachmentRef, Testimony

_LABEL = re.compile(r"\[[A-Z][A-Z0-9_]*-\d+\]")
_KIND = re.compile(r"[A-Z][A-Z0-9_]{0,31}")
_PATH_PART = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")
_EXT = re.compile(r"[A-Za-z0-9]{1,8}")


class RedactionUnavailable(IntakeError):
    """The identifier detector could not be loaded, so nothing can be redacted."""


class RedactionFailed(IntakeError):
    """Redaction could not guarantee that every identifier was removed."""


class Detector(Protocol):
    """What :mod:`intake.redaction` provides: findings with ``start, end, kind`` in code points."""

    def detect(self, text: str, *, lang: str = ..., names: Sequence[str] = ...) -> Sequence[Any]:
        ...


def load_default_detector() -> Detector:
    try:
        from intake.redaction import default_detector  # type: ignore[attr-defined]
    except ImportError:
        raise RedactionUnavailable("the identifier detector (intake.redaction) is not "
                                   "available, so a redacted export cannot be made") from None
    detector = default_detector if hasattr(default_detector, "detect") else default_detector()
    return detector  # type: ignore[no-any-return]


@dataclass
class RedactionReport:
    """What was replaced, as counts only (safe for the audit log)."""

    spans: dict[str, int] = field(default_factory=dict)
    labels: int = 0


@dataclass
class _Labels:
    by_key: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    forms: dict[str, set[str]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def label_for(self, surface: str, kind: str, given: str | None = None) -> str:
        """The label of ``surface``: the first one it was given (a manual redaction's own
        replacement, e.g. the pseudonym for the survivor's name), else ``[KIND-n]``."""
        key = _key(surface)
        if key not in self.by_key:
            label = given if given else self._next(kind)
            self.by_key[key] = label
            self.kinds[key] = kind
            self.used.add(label)
        self.forms.setdefault(key, set()).add(surface)
        return self.by_key[key]

    def _next(self, kind: str) -> str:
        n = 1
        while f"[{kind}-{n}]" in self.used:
            n += 1
        return f"[{kind}-{n}]"


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def redact_testimony(t: Testimony, detector: Detector) -> tuple[Testimony, RedactionReport]:
    """The redacted copy of ``t`` and a count of what was replaced.

    A ``KEEP`` span (the interviewer rejected the detector's finding there) leaves
    exactly that text as it is; a finding that does not match it exactly is replaced.
    """
    fields = [(p, text) for p, text in t.texts() if not p.startswith("attachments[")]
    texts = dict(fields)
    keep: dict[str, set[tuple[int, int]]] = {p: set() for p, _ in fields}
    for r in t.redactions:
        if r.kind == KEEP and r.field in keep:
            keep[r.field].add((r.start, r.end))
    labels = _Labels()
    spans: dict[str, list[tuple[int, int, str]]] = {p: [] for p, _ in fields}
    for r in t.redactions:
        text = texts.get(r.field)
        if r.kind == KEEP or text is None or r.end > len(text):
            continue  # attachment names are replaced whole below
        given = r.replacement.strip() or None
        spans[r.field].append((r.start, r.end, labels.label_for(text[r.start:r.end], r.kind,
                                                                 given)))
    for path, text in fields:
        for f in _detect(detector, text, t):
            start, end = int(f.start), int(f.end)
            if not 0 <= start < end <= len(text):
                raise RedactionFailed("the identifier detector reported a span outside the text")
            if (start, end) in keep[path]:
                continue
            kind = f.kind if isinstance(f.kind, str) and _KIND.fullmatch(f.kind) else "REDACTED"
            spans[path].append((start, end, labels.label_for(text[start:end], kind)))
    for name in t.names:
        labels.label_for(name, "PERSON")
    report = RedactionReport()
    redacted = t
    for path, text in fields:
        found = spans[path] + _occurrences(text, labels, keep[path])
        new_text, checked = _apply(text, found, keep[path], report)
        _check_clean(checked, labels, path, t.id)
        if new_text != text:
            redacted = _with_text(redacted, path, new_text)
    report.labels = len(labels.by_key)
    attachments = tuple(replace(a, name=anonymous_name(a)) for a in redacted.attachments)
    return replace(redacted, attachments=attachments, redactions=(), names=(),
                   **_no_image_boxes(redacted)), report


def _no_image_boxes(t: Testimony) -> dict[str, tuple[()]]:
    """Image boxes are drawn into exported images, not carried (models that have them)."""
    return {"image_redactions": ()} if hasattr(t, "image_redactions") else {}


def _detect(detector: Detector, text: str, t: Testimony) -> Sequence[Any]:
    try:
        return detector.detect(text, lang="auto", names=t.names)
    except Exception as error:  # the type only: a message could quote the text
        raise RedactionFailed(f"testimony {t.id}: the identifier detector failed "
                              f"({type(error).__name__}); nothing was exported") from None


def _occurrences(text: str, labels: _Labels, keep: set[tuple[int, int]]
                 ) -> list[tuple[int, int, str]]:
    """Every place a known identifier appears, whether or not the detector flagged it there.

    Spaces and line breaks may fall anywhere inside it (a name wrapped across lines). A
    place the interviewer decided to keep is left alone.
    """
    out: list[tuple[int, int, str]] = []
    for key, forms in labels.forms.items():
        label = labels.by_key[key]
        for form in forms:
            letters = [re.escape(c) for c in form if not c.isspace()]
            if len(letters) < 2:
                continue
            for m in re.finditer(r"\s*".join(letters), text, re.IGNORECASE):
                if not any(a <= m.start() and m.end() <= b for a, b in keep):
                    out.append((m.start(), m.end(), label))
    return out


def _apply(text: str, spans: list[tuple[int, int, str]], keep: set[tuple[int, int]],
           report: RedactionReport) -> tuple[str, str]:
    """Replace the union of overlapping spans, each by the label of its longest part.

    Returns the new text, and the same with kept spans blanked (what is checked for
    surviving identifiers: a kept text is there by the interviewer's decision).
    """
    merged: list[tuple[int, int, str, int]] = []
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        if merged and start < merged[-1][1]:
            m_start, m_end, m_label, m_len = merged[-1]
            if end - start > m_len:
                m_label, m_len = label, end - start
            merged[-1] = (m_start, max(m_end, end), m_label, m_len)
        else:
            merged.append((start, end, label, end - start))
    out, checked, pos = [], [], 0
    for start, end, label, _len in merged:
        out += [text[pos:start], label]
        checked += [_blank(text, pos, start, keep), " "]
        pos = end
        kind = label.strip("[]").rsplit("-", 1)[0] if _LABEL.fullmatch(label) else "MANUAL"
        report.spans[kind] = report.spans.get(kind, 0) + 1
    out.append(text[pos:])
    checked.append(_blank(text, pos, len(text), keep))
    return "".join(out), "".join(checked)


def _blank(text: str, start: int, end: int, keep: set[tuple[int, int]]) -> str:
    piece = list(text[start:end])
    for a, b in keep:
        for i in range(max(a, start), min(b, end)):
            piece[i - start] = " "
    return "".join(piece)


def _check_clean(text: str, labels: _Labels, path: str, testimony_id: str) -> None:
    """Fail closed if any known identifier survived (labels themselves are not checked)."""
    squeezed = "".join(_key(text).split())
    for key in labels.by_key:
        letters = "".join(key.split())
        if len(letters) >= 2 and letters in squeezed:
            raise RedactionFailed(f"testimony {testimony_id}: an identifier is still present "
                                  f"in {path} after redaction; nothing was exported")


def _with_text(t: Testimony, path: str, value: str) -> Testimony:
    parts = [(m.group(1), None if m.group(2) is None else int(m.group(2)))
             for m in (_PATH_PART.fullmatch(p) for p in path.split(".")) if m]
    return _set(t, parts, value)  # type: ignore[no-any-return]


def _set(node: Any, parts: list[tuple[str, int | None]], value: str) -> Any:
    if not parts:
        return value
    (name, index), rest = parts[0], parts[1:]
    child = getattr(node, name)
    if index is None:
        return replace(node, **{name: _set(child, rest, value)})
    items = list(child)
    items[index] = _set(items[index], rest, value)
    return replace(node, **{name: tuple(items)})


def anonymous_name(a: AttachmentRef) -> str:
    """``<id>.<ext>``: the old extension if it is one of the media type's own (``.M4A`` →
    ``.m4a``), else the media type's usual one; never any other text of the old name (an
    "extension" such as ``Kim.Younghee`` is a name)."""
    _stem, dot, ext = a.name.rpartition(".")
    if dot and _EXT.fullmatch(ext) and \
            mimetypes.guess_type(f"x.{ext.lower()}")[0] == a.media_type:
        return f"{a.id}.{ext.lower()}"
    guessed = (mimetypes.guess_extension(a.media_type) or "").lstrip(".")
    return f"{a.id}.{guessed}" if guessed else a.id
