"""Commands for custody after a bundle left: transfers, withdraw, receipt.

``import`` and ``verify`` (in ``commands_bundle``) hand notices and receipts to the
``show_*`` functions here, so each kind of file is described in one place.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from pathlib import Path
from typing import Any

from intake.cli.commands_records import resolve_id
from intake.cli.context import Context
from intake.custody import ledger
from intake.custody.dispatch import Imported, Verified
from intake.custody.notices import CheckedNotice
from intake.custody.receipts import CheckedReceipt, write_receipt
from intake.custody.withdraw import withdraw


def register(commands: Any) -> None:
    p = commands.add_parser("transfers", help="the transfer ledger: every export of a "
                            "testimony, and its delivery receipt")
    p.add_argument("id", nargs="?", help="one testimony (default: every transfer)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_transfers)

    p = commands.add_parser("withdraw", help="record a consent withdrawal; write a signed "
                            "notice for each recipient that holds the testimony")
    p.add_argument("id")
    p.add_argument("--note", help="a short note for the recipients, sent in every notice as "
                   "written (put no names in it)")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="DIR",
                   help="an existing folder for the notices (*.tin.age)")
    p.set_defaults(run=run_withdraw)

    p = commands.add_parser("receipt", help="(legal side) a signed delivery receipt for an "
                            "imported bundle, encrypted to its sender")
    p.add_argument("bundle_id", metavar="BUNDLE_ID")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.set_defaults(run=run_receipt)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def run_transfers(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        tid = resolve_id(store, args.id) if args.id else None
        rows = ledger.transfers(store, tid)
    if args.json:
        ctx.out(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        ctx.out("No transfers: " + ("this testimony was never exported." if tid
                                    else "nothing was exported from this store yet."))
        return 0
    table = [("SENT", "BUNDLE", "TO", "FINGERPRINT", "PURPOSE", "LEVEL", "RECORDS", "STATUS")]
    for r in rows:
        status = (f"delivered and verified {r.delivery.signed_at[:10]}" if r.delivery
                  else "sent, no receipt yet")
        if r.notices:
            status += f"; withdrawal notice {r.notices[-1].created[:10]}"
        table.append((r.created_at[:16].replace("T", " "), r.bundle_id[:8],
                      r.recipient_label or "(not a contact)", r.recipient, r.purpose, r.level,
                      str(len(r.testimony_ids)), status))
    widths = [max(_width(row[i]) for row in table) for i in range(len(table[0]) - 1)]
    for row in table:
        ctx.out("  ".join(_pad(c, w) for c, w in zip(row, widths, strict=False))
                + "  " + row[-1])
    return 0


def run_withdraw(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        tid = resolve_id(store, args.id)
        result = withdraw(store, tid, args.output, note=args.note)
        pseudonym = store.get(tid).survivor.pseudonym
    when = result.withdrawn.isoformat()
    if result.newly_withdrawn:
        ctx.out(f"Consent for testimony {tid} ({pseudonym}) recorded as withdrawn on {when} "
                f"(revision {result.revision}). Exports will refuse it.")
    else:
        ctx.out(f"Consent for testimony {tid} ({pseudonym}) was already withdrawn on {when}.")
    for fp in result.unreachable:
        ctx.warn(f"warning: recipient {fp} holds this testimony but is no longer a contact; "
                 "no notice could be written for them")
    if not result.notices:
        ctx.out("No recipient holds this testimony: there is no notice to write.")
        return 0
    ctx.out(f"Wrote {len(result.notices)} withdrawal notice(s); send each to its recipient:")
    for n in result.notices:
        bundles = ", ".join(b[:8] for b in n.bundle_ids)
        ctx.out(f"  {n.path}  to {n.recipient_label} ({n.recipient}); bundles {bundles}")
    return 0


def run_receipt(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        written = write_receipt(store, args.bundle_id, args.output)
    r = written.receipt
    to = written.sender_label or "the sender"
    ctx.out(f"Receipt {r.receipt_id} for bundle {r.bundle_id} written to {written.path}")
    ctx.out(f"Encrypted to {to} ({r.sender}); send it back to them. It lists "
            f"{len(r.records)} record(s) and the manifest SHA-256 {r.manifest_sha256}.")
    return 0


def show_notice(ctx: Context, c: CheckedNotice) -> None:
    n = c.notice
    ctx.out(f"Notice:      {n.notice_id} (tin/1, withdrawal of consent)")
    ctx.out(f"From:        {c.sender_label!r}")
    ctx.out(f"Fingerprint: {n.sender.fingerprint}")
    ctx.out(f"Created:     {n.created}")
    ctx.out(f"Testimony:   {n.testimony_id} ({c.pseudonym})")
    ctx.out(f"Withdrawn:   {n.withdrawn.isoformat()}")
    ctx.out(f"Bundles:     {', '.join(c.bundle_ids)}")
    ctx.out(f"Note:        {' '.join(n.note.split()) if n.note else '-'}")


def show_receipt(ctx: Context, c: CheckedReceipt) -> None:
    r = c.receipt
    counts: dict[str, int] = {}
    for rec in r.records:
        counts[rec.outcome] = counts.get(rec.outcome, 0) + 1
    ctx.out(f"Receipt:     {r.receipt_id} (tir/1, delivery receipt)")
    ctx.out(f"From:        {c.recipient_label or r.importer.label!r}")
    ctx.out(f"Fingerprint: {r.importer.fingerprint}")
    ctx.out(f"Bundle:      {r.bundle_id}")
    ctx.out(f"Manifest:    SHA-256 {r.manifest_sha256} (matches the ledger)")
    ctx.out(f"Imported:    {r.imported_at}: {len(r.records)} record(s), "
            + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))


def show_verified(ctx: Context, v: Verified) -> int:
    if v.notice is not None:
        show_notice(ctx, v.notice)
        ctx.out("Checked: the age encryption, the sender's signature, that it is addressed "
                "to this store, and that the sender sent this testimony here.")
    elif v.receipt is not None:
        show_receipt(ctx, v.receipt)
        ctx.out("Checked: the age encryption, the recipient's signature, and that the "
                "bundle, its manifest and its records match the transfer ledger.")
    return 0


def show_imported(ctx: Context, done: Imported) -> int:
    if done.notice is not None:
        show_notice(ctx, done.notice.checked)
        if done.notice.already_applied:
            ctx.out("Already applied: nothing changed.")
        elif done.notice.newly_withdrawn:
            ctx.out(f"Applied: the testimony is marked withdrawn (revision "
                    f"{done.notice.revision}). It is kept with its custody trail, refused by "
                    "exports, and left out of search unless --include-withdrawn.")
        else:
            ctx.out("Recorded: consent for this testimony was already withdrawn here.")
    elif done.receipt is not None:
        show_receipt(ctx, done.receipt.checked)
        if done.receipt.already_recorded:
            ctx.out("Already recorded: this transfer was marked delivered before; nothing "
                    "changed.")
        else:
            ctx.out("Recorded: the transfer is marked delivered and verified.")
    return 0
