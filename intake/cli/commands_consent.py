"""``consent-receipt``: the survivor's bilingual receipt as a PDF, and finding a code again.

``consent-receipt ID -o FILE`` writes the one-page receipt (no name, no id on it)
atomically and audits it (``consent.receipt``: the code and revision, never text),
the entry and the file together or neither. ``consent-receipt --lookup CODE``
shows the consent exactly as it stood when that receipt was made, and whether it
has changed since.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from intake import consent_receipt
from intake.cli.commands_records import resolve_id
from intake.cli.context import Context
from intake.consent_receipt import ReceiptLookup
from intake.errors import InvalidInput
from intake.model import Consent

_MARKS = {True: "○", False: "×", None: "·"}


def register(commands: Any) -> None:
    p = commands.add_parser(
        "consent-receipt",
        help="the survivor's bilingual consent receipt (PDF, no identifiers), or look a "
             "receipt code up",
        description="Write the survivor's one-page consent receipt in Korean and English: "
                    "what they agreed to, and a receipt code; no name, pseudonym or id is "
                    "on it. With --lookup, show the consent as it stood when a receipt "
                    "with that code was made.")
    p.add_argument("id", nargs="?", help="the testimony (full id or its first 8+ characters)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="the PDF to write")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--lookup", metavar="CODE",
                   help="a receipt code (ABCD-EFGH) to look up instead of writing a receipt")
    p.add_argument("--lang", choices=("en", "ko"), default="en",
                   help="language of the statements --lookup prints")
    p.add_argument("--json", action="store_true", help="--lookup: print JSON")
    p.set_defaults(run=run_consent_receipt)


def _usage(message: str) -> Exception:
    from intake.cli.main import UsageError  # main imports this module

    return UsageError(f"testimony-intake consent-receipt: {message}")


def run_consent_receipt(ctx: Context, args: argparse.Namespace) -> int:
    if args.lookup is not None:
        if args.id is not None or args.output is not None:
            raise _usage("give either ID -o FILE or --lookup CODE, not both")
        return _run_lookup(ctx, args)
    if args.id is None or args.output is None:
        raise _usage("give a testimony ID and -o FILE (or --lookup CODE)")
    if args.json:
        raise _usage("--json applies to --lookup only")
    return _run_write(ctx, args)


def check_target(path: Path, *, force: bool) -> None:
    """Refuse before unlocking: an existing file (unless ``force``), a directory, no parent."""
    if path.is_dir():
        raise InvalidInput("output", f"{path} is a directory; give a file name")
    if (path.exists() or path.is_symlink()) and not force:
        raise InvalidInput("output", f"{path} already exists; choose another name or "
                                     "give --force to replace it")
    if not path.parent.is_dir():
        raise InvalidInput("output", f"{path.parent} is not a directory")


def _run_write(ctx: Context, args: argparse.Namespace) -> int:
    check_target(args.output, force=args.force)
    with ctx.open_store() as store:
        receipt = consent_receipt.build(store, store.get(resolve_id(store, args.id)))
        pdf = consent_receipt.render_checked(ctx.receipt_renderer, receipt)
        consent_receipt.save_pdf(store, receipt, pdf, args.output)
    ctx.out(f"Wrote the consent receipt to {args.output} (receipt code {receipt.code}).")
    ctx.out("It names nobody. Look the code up later with: testimony-intake "
            f"consent-receipt --lookup {receipt.code}")
    if receipt.consent.withdrawn:
        ctx.warn("warning: this consent was withdrawn; the receipt says so")
    return 0


def _run_lookup(ctx: Context, args: argparse.Namespace) -> int:
    code = consent_receipt.checked_code(args.lookup)  # refuse nonsense before unlocking
    with ctx.open_store() as store:
        found = consent_receipt.lookup(store, code)
    if args.json:
        ctx.out(json.dumps(lookup_dict(found), ensure_ascii=False, indent=2))
        return 0
    for line in lookup_lines(found, args.lang):
        ctx.out(line)
    return 0


def lookup_dict(found: ReceiptLookup) -> dict[str, Any]:
    r = found.receipt
    return {"code": r.code, "testimony_id": r.testimony_id, "pseudonym": found.pseudonym,
            "revision": r.revision, "latest_revision": found.latest_revision,
            "current_code": found.current_code, "changed_since": found.changed_since,
            "issued_at": list(found.issued_at), "consent": r.consent.to_dict()}


def _answer(value: bool | None) -> str:
    return "not decided" if value is None else ("yes" if value else "no")


def consent_summary(c: Consent) -> list[str]:
    return [f"recorded {c.recorded or '—'}; legal: {_answer(c.legal)}; advocacy: "
            f"{_answer(c.advocacy)}; publication: {_answer(c.publication)}",
            f"identity to a court: {_answer(c.identity_to_court)}; may be recontacted: "
            f"{_answer(c.recontact)}; expires: {c.expires or 'never'}; withdrawn: "
            f"{c.withdrawn or 'no'}"]


def lookup_lines(found: ReceiptLookup, lang: str) -> list[str]:
    r = found.receipt
    lines = [f"Receipt code:  {r.code}",
             f"Testimony:     {r.testimony_id} ({found.pseudonym}), revision {r.revision}"
             f" (latest {found.latest_revision})",
             "Receipts made: " + (", ".join(found.issued_at) if found.issued_at
                                  else "none recorded in this store's audit log"),
             "Consent as it stood then:"]
    lines += [f"  {line}" for line in consent_summary(r.consent)]
    lines.append("The receipt said:")
    lines += [f"  {_MARKS[line.agreed]} {line.ko if lang == 'ko' else line.en}"
              for line in r.lines]
    lines.append("Since then:    " + (f"the consent has changed (today's receipt code is "
                                      f"{found.current_code})" if found.changed_since
                                      else "unchanged"))
    return lines
