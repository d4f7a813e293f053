"""The survivor's consent receipt: what they agreed to, in plain Korean and English.

The receipt carries no name, pseudonym or other identifier — a survivor may be
searched, and the paper must not say who they are. It carries a short receipt
code: a MAC of the record id and the consent's hash under a subkey of the store's
data key (``Store.receipt_mac``). Only the store that made it can compute or check
a code — a bundle holds the id and the consent, so an unkeyed hash would let anyone
holding one tie the survivor's paper to the record. The store can look the code up
and see the consent exactly as it stood when the receipt was made, even after later
changes. This module builds the content and finds a
code again; a renderer (``ui/pdf``, Qt, injected so ``intake/`` never imports Qt)
lays it out as a one-page PDF, or the app shows it on screen only.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from crypto.atomicfile import atomic_writer
from intake.errors import Cancelled, IntakeError, InvalidInput, NotFound
from intake.model import Consent, Testimony
from intake.store import Store

CODE_BYTES = 5  # 40 bits: 8 base32 characters, "ABCD-EFGH"
_BASE32 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
AUDIT_ACTION = "consent.receipt"
MEDIA = ("pdf", "screen")
MAX_RECEIPT_PDF_BYTES = 16 * 1024 * 1024


def consent_hash(consent: Consent) -> str:
    text = json.dumps(consent.to_dict(), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ReceiptKey(Protocol):
    """What makes receipt codes: the open :class:`Store` (the key stays in ``crypto``)."""

    def receipt_mac(self, message: bytes) -> bytes: ...


def _readable(digest: bytes) -> str:
    code = base64.b32encode(digest[:CODE_BYTES]).decode("ascii")
    return f"{code[:4]}-{code[4:]}"


def receipt_code(key: ReceiptKey, testimony_id: str, consent: Consent) -> str:
    """Short, readable aloud, different whenever the consent changes, and keyed: nobody
    without this store's data key can compute it from a bundle."""
    message = f"tic-receipt/2\n{testimony_id}\n{consent_hash(consent)}".encode()
    return _readable(key.receipt_mac(message))


def _unkeyed_code(testimony_id: str, consent: Consent) -> str:
    """The code of receipts printed before codes were keyed (``tic-receipt/1``). Only ever
    compared against, in :func:`lookup`, so a survivor's older paper is still found; never
    issued again."""
    message = f"tic-receipt/1\n{testimony_id}\n{consent_hash(consent)}".encode()
    return _readable(hashlib.sha256(message).digest())


def normalise_code(text: str) -> str:
    raw = "".join(c for c in text.upper() if c.isalnum())
    raw = raw.replace("0", "O").replace("1", "I").replace("8", "B")
    return f"{raw[:4]}-{raw[4:]}" if len(raw) == 8 else raw


def checked_code(text: str) -> str:
    """The normalised code, or InvalidInput if it cannot be one (before any search)."""
    code = normalise_code(text[:64])
    if len(code) != 9 or not set(code.replace("-", "")) <= _BASE32:
        raise InvalidInput("code", "a receipt code is 8 letters and digits, like ABCD-EFGH")
    return code


@dataclass(frozen=True)
class ReceiptLine:
    """One statement on the receipt, in both languages.

    ``agreed`` is True for something the survivor agreed to, False for something they
    did not, None for information; renderers draw it as a mark (the text never
    depends on a symbol a font may lack).
    """

    ko: str
    en: str
    agreed: bool | None = None


@dataclass(frozen=True)
class ConsentReceipt:
    code: str
    testimony_id: str          # kept for the app's own lookup; never printed
    revision: int
    consent: Consent
    lines: tuple[ReceiptLine, ...]
    title: ReceiptLine = ReceiptLine("동의 확인서", "Consent receipt")
    code_label: ReceiptLine = ReceiptLine("확인 번호", "Receipt code")
    agreed_label: ReceiptLine = ReceiptLine("동의함", "agreed")
    not_agreed_label: ReceiptLine = ReceiptLine("동의하지 않음", "not agreed")
    keep_note: ReceiptLine = ReceiptLine(
        "이 종이에는 이름이 없습니다. 확인 번호만 있으면 면담자가 동의 내용을 찾을 수 있습니다.",
        "This paper carries no name. With the receipt code, the interviewer can find "
        "what you agreed to.")


def _yes_no(value: bool | None, yes: ReceiptLine, no: ReceiptLine,
            unknown: ReceiptLine | None = None) -> ReceiptLine | None:
    return unknown if value is None else (yes if value else no)


def _day(d: date | None) -> str:
    return d.isoformat() if d else "—"


def build(key: ReceiptKey, testimony: Testimony) -> ConsentReceipt:
    c = testimony.consent
    L = ReceiptLine
    lines: list[ReceiptLine | None] = []
    if c.withdrawn:
        lines.append(L(f"이 동의는 {c.withdrawn.isoformat()}에 철회되었습니다. 앞으로 진술을 "
                       "내보내지 않습니다.",
                       f"This consent was withdrawn on {c.withdrawn.isoformat()}. Your "
                       "statement will not be shared from now on.", False))
    if c.recorded is None:
        lines.append(L("아직 동의가 기록되지 않았습니다. 아무것도 내보내지 않습니다.",
                       "No consent has been recorded yet: nothing will be shared."))
    else:
        lines.append(L(f"동의한 날: {_day(c.recorded)}", f"Date of consent: {_day(c.recorded)}"))
    lines += [
        _yes_no(c.legal,
                L("법적 절차(재판, 조사)에 내 진술을 쓰는 것에 동의했습니다.",
                  "You agreed that your statement may be used in legal proceedings "
                  "(courts, investigations).", True),
                L("법적 절차에는 쓰지 않습니다.",
                  "It will not be used in legal proceedings.", False)),
        _yes_no(c.advocacy,
                L("인권 옹호 활동(보고서, 정부·유엔 설명)에 쓰는 것에 동의했습니다.",
                  "You agreed that it may be used for advocacy (reports, briefings to "
                  "governments and the UN).", True),
                L("인권 옹호 활동에는 쓰지 않습니다.", "It will not be used for advocacy.", False)),
        _yes_no(c.publication,
                L("공개 출판(언론, 책, 인터넷)에 쓰는 것에 동의했습니다. 이름은 나오지 않습니다.",
                  "You agreed that it may be published (press, books, the internet), "
                  "without your name.", True),
                L("공개 출판하지 않습니다.", "It will not be published.", False)),
        _yes_no(c.identity_to_court,
                L("보호 조치 아래에서 법원에 신원을 밝히는 것에 동의했습니다.",
                  "Your identity may be disclosed to a court, under protective measures.",
                  True),
                L("법원에도 신원을 밝히지 않습니다.",
                  "Your identity will not be disclosed, not even to a court.", False),
                L("법원에 신원을 밝히는 것은 아직 정하지 않았습니다. 먼저 물어보겠습니다.",
                  "Disclosing your identity to a court was not decided; you will be asked "
                  "first.")),
        _yes_no(c.recontact,
                L("다시 연락해도 된다고 했습니다.", "You may be contacted again.", True),
                L("다시 연락하지 않습니다.", "You will not be contacted again.", False),
                L("다시 연락하는 것은 정하지 않았습니다.",
                  "Whether you may be contacted again was not decided.")),
    ]
    if not c.withdrawn:
        # ``expires`` is the first day consent no longer holds (Consent.covers).
        lines.append(L(f"이 동의는 {c.expires.isoformat()}에 끝납니다." if c.expires
                       else "이 동의에는 끝나는 날이 없습니다.",
                       f"This consent ends on {c.expires.isoformat()}." if c.expires
                       else "This consent has no end date."))
        lines.append(L("언제든 동의를 철회할 수 있습니다. 면담자에게 아래 확인 번호를 알려 주세요.",
                       "You can withdraw your consent at any time: give the interviewer the "
                       "receipt code below."))
    return ConsentReceipt(receipt_code(key, testimony.id, c), testimony.id, testimony.revision, c,
                          tuple(line for line in lines if line is not None))


def find(key: ReceiptKey, revisions: list[Testimony], code: str) -> ConsentReceipt:
    """The receipt a code was made from, among the given revisions of testimonies."""
    wanted = normalise_code(code)
    for t in revisions:
        if receipt_code(key, t.id, t.consent) == wanted:
            return build(key, t)
    raise NotFound(f"no consent matches receipt code {wanted}")


# -- rendering (the Qt renderer lives in ui/pdf/consent_receipt.py) ----------------------


class ReceiptRenderer(Protocol):
    def __call__(self, receipt: ConsentReceipt) -> bytes:
        """The receipt as a one-page PDF, with no identifier on it."""
        ...


class ReceiptFailed(IntakeError):
    """The receipt renderer is missing or produced something that is not a PDF."""


def render_checked(renderer: ReceiptRenderer | None, receipt: ConsentReceipt) -> bytes:
    if renderer is None:
        raise ReceiptFailed("no consent receipt renderer is available (it needs Qt); run "
                            "this from testimony-intake or the desktop app")
    try:
        pdf = renderer(receipt)
    except IntakeError:
        raise
    except Exception as error:  # the type only: a message could quote the testimony
        raise ReceiptFailed(f"the consent receipt renderer failed ({type(error).__name__})"
                            ) from None
    if not isinstance(pdf, bytes | bytearray) or bytes(pdf[:5]) != b"%PDF-":
        raise ReceiptFailed("the consent receipt renderer did not produce a PDF")
    if len(pdf) > MAX_RECEIPT_PDF_BYTES:
        raise ReceiptFailed("the consent receipt PDF is unexpectedly large")
    return bytes(pdf)


# -- in the store: issuing (audited) and looking a code up -------------------------------


def _audit(store: Store, receipt: ConsentReceipt, medium: str) -> None:
    """The entry holds the code, the revision and the medium only, never text."""
    if medium not in MEDIA:
        raise ValueError(f"unknown receipt medium {medium!r}")
    store.audit.append(AUDIT_ACTION, receipt.testimony_id, {
        "code": receipt.code, "revision": receipt.revision, "medium": medium})


def show_on_screen(store: Store, testimony_id: str) -> ConsentReceipt:
    """The receipt of the testimony's current consent, audited as shown (no file)."""
    with store.transaction():
        receipt = build(store, store.get(testimony_id))
        _audit(store, receipt, "screen")
    return receipt


def save_pdf(store: Store, receipt: ConsentReceipt, pdf: bytes, path: Path) -> None:
    """Write the rendered receipt atomically, audited: the entry and the file land
    together or not at all (the transaction rolls back if the write fails)."""
    with store.transaction():
        _audit(store, receipt, "pdf")
        with atomic_writer(path) as out:
            out.write(pdf)


@dataclass(frozen=True)
class ReceiptLookup:
    """A code found again: the consent as it stood, and whether it has changed since."""

    receipt: ConsentReceipt         # its ``code`` is the code looked up
    pseudonym: str
    latest_revision: int
    current_code: str               # the code a receipt made today would carry
    issued_at: tuple[str, ...]      # when receipts with this code were made (audit log)
    changed_since: bool             # the consent differs from the one on the receipt


def lookup(store: Store, code: str, *,
           cancelled: Callable[[], bool] | None = None) -> ReceiptLookup:
    """Find a receipt code: first through the audit log, then by trying every revision
    (a receipt made before audit entries existed, or on another copy of the store).

    Both paths also accept the unkeyed code of receipts printed before codes were keyed;
    the audit log holds those codes as issued."""
    wanted = checked_code(code)
    issued: dict[str, list[tuple[str, int]]] = {}
    for at, tid, detail in store.conn.execute(
            "SELECT at, testimony_id, detail FROM audit WHERE action = ? ORDER BY seq",
            (AUDIT_ACTION,)):
        entry = json.loads(detail)
        if entry.get("code") == wanted and tid is not None:
            issued.setdefault(tid, []).append((at, int(entry.get("revision", 0))))
    for tid, made in issued.items():
        for _at, revision in made:
            found = _match(store, tid, revision, wanted)
            if found is not None:
                return _lookup(store, found, wanted, tuple(at for at, _r in made))
    for tid in store.ids():
        for info in store.revisions(tid):
            if cancelled is not None and cancelled():
                raise Cancelled("the search for the receipt code was cancelled")
            found = _match(store, tid, info.revision, wanted)
            if found is not None:
                return _lookup(store, found, wanted, ())
    raise NotFound(f"no consent in this store matches receipt code {wanted}")


def _match(store: Store, testimony_id: str, revision: int, wanted: str) -> Testimony | None:
    try:
        t = store.get(testimony_id, revision)
    except NotFound:
        return None
    if receipt_code(store, t.id, t.consent) == wanted or _unkeyed_code(t.id, t.consent) == wanted:
        return t
    return None


def _lookup(store: Store, t: Testimony, wanted: str,
            issued_at: tuple[str, ...]) -> ReceiptLookup:
    latest = store.get(t.id)
    receipt = dataclasses.replace(build(store, t), code=wanted)
    return ReceiptLookup(receipt, t.survivor.pseudonym, latest.revision,
                         receipt_code(store, latest.id, latest.consent), issued_at,
                         consent_hash(latest.consent) != consent_hash(t.consent))
