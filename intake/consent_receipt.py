"""The survivor's consent receipt: what they agreed to, in plain Korean and English.

The receipt carries no name, pseudonym or other identifier — a survivor may be
searched, and the paper must not say who they are. It carries a short receipt
code derived from the record id and the consent's hash: whoever holds the store
can look the code up and see the consent exactly as it stood when the receipt
was made, even after later changes. This module builds the content; a renderer
(``ui/pdf``, Qt) lays it out as a one-page PDF, or the app shows it on screen only.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import date

from intake.errors import NotFound
from intake.model import Consent, Testimony

CODE_BYTES = 5  # 40 bits: 8 base32 characters, "ABCD-EFGH"


def consent_hash(consent: Consent) -> str:
    text = json.dumps(consent.to_dict(), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def receipt_code(testimony_id: str, consent: Consent) -> str:
    """Short, readable aloud, and different whenever the consent changes."""
    digest = hashlib.sha256(f"tic-receipt/1\n{testimony_id}\n{consent_hash(consent)}".encode())
    code = base64.b32encode(digest.digest()[:CODE_BYTES]).decode("ascii")
    return f"{code[:4]}-{code[4:]}"


def normalise_code(text: str) -> str:
    raw = "".join(c for c in text.upper() if c.isalnum())
    raw = raw.replace("0", "O").replace("1", "I").replace("8", "B")
    return f"{raw[:4]}-{raw[4:]}" if len(raw) == 8 else raw


@dataclass(frozen=True)
class ReceiptLine:
    """One statement on the receipt, in both languages."""

    ko: str
    en: str


@dataclass(frozen=True)
class ConsentReceipt:
    code: str
    testimony_id: str          # kept for the app's own lookup; never printed
    revision: int
    consent: Consent
    lines: tuple[ReceiptLine, ...]
    title: ReceiptLine = ReceiptLine("동의 확인서", "Consent receipt")


def _yes_no(value: bool | None, yes: ReceiptLine, no: ReceiptLine,
            unknown: ReceiptLine) -> ReceiptLine:
    return unknown if value is None else (yes if value else no)


def _day(d: date | None) -> str:
    return d.isoformat() if d else "—"


def build(testimony: Testimony) -> ConsentReceipt:
    c = testimony.consent
    L = ReceiptLine
    lines = [
        L(f"동의한 날: {_day(c.recorded)}", f"Date of consent: {_day(c.recorded)}"),
        _yes_no(c.legal,
                L("✔ 법적 절차(재판, 조사)에 내 진술을 쓰는 것에 동의했습니다.",
                  "✔ You agreed that your statement may be used in legal proceedings "
                  "(courts, investigations)."),
                L("✘ 법적 절차에는 쓰지 않습니다.",
                  "✘ It will not be used in legal proceedings."),
                L("", "")),
        _yes_no(c.advocacy,
                L("✔ 인권 옹호 활동(보고서, 정부·유엔 설명)에 쓰는 것에 동의했습니다.",
                  "✔ You agreed that it may be used for advocacy (reports, briefings to "
                  "governments and the UN)."),
                L("✘ 인권 옹호 활동에는 쓰지 않습니다.", "✘ It will not be used for advocacy."),
                L("", "")),
        _yes_no(c.publication,
                L("✔ 공개 출판(언론, 책, 인터넷)에 쓰는 것에 동의했습니다. 이름은 나오지 않습니다.",
                  "✔ You agreed that it may be published (press, books, the internet), "
                  "without your name."),
                L("✘ 공개 출판하지 않습니다.", "✘ It will not be published."),
                L("", "")),
        _yes_no(c.identity_to_court,
                L("✔ 보호 조치 아래에서 법원에 신원을 밝히는 것에 동의했습니다.",
                  "✔ Your identity may be disclosed to a court, under protective measures."),
                L("✘ 법원에도 신원을 밝히지 않습니다.",
                  "✘ Your identity will not be disclosed, not even to a court."),
                L("법원에 신원을 밝히는 것은 아직 정하지 않았습니다. 먼저 물어보겠습니다.",
                  "Disclosing your identity to a court was not decided; you will be asked "
                  "first.")),
        _yes_no(c.recontact,
                L("✔ 다시 연락해도 된다고 했습니다.", "✔ You may be contacted again."),
                L("✘ 다시 연락하지 않습니다.", "✘ You will not be contacted again."),
                L("다시 연락하는 것은 정하지 않았습니다.",
                  "Whether you may be contacted again was not decided.")),
        L(f"이 동의는 {c.expires.isoformat()}까지 유효합니다." if c.expires
          else "이 동의에는 끝나는 날이 없습니다. 언제든 철회할 수 있습니다.",
          f"This consent holds until {c.expires.isoformat()}." if c.expires
          else "This consent has no end date; you can withdraw it at any time."),
        L("언제든 동의를 철회할 수 있습니다. 면담자에게 아래 확인 번호를 알려 주세요.",
          "You can withdraw your consent at any time: give the interviewer the receipt "
          "code below."),
    ]
    if c.withdrawn:
        lines.insert(0, L(f"이 동의는 {c.withdrawn.isoformat()}에 철회되었습니다.",
                          f"This consent was withdrawn on {c.withdrawn.isoformat()}."))
    return ConsentReceipt(receipt_code(testimony.id, c), testimony.id, testimony.revision, c,
                          tuple(line for line in lines if line.en))


def find(revisions: list[Testimony], code: str) -> ConsentReceipt:
    """The receipt a code was made from, among the given revisions of testimonies."""
    wanted = normalise_code(code)
    for t in revisions:
        if receipt_code(t.id, t.consent) == wanted:
            return build(t)
    raise NotFound(f"no consent matches receipt code {wanted}")
