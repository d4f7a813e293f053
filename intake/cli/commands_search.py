"""Commands that find and count: search, searches (saved), stats, corroborate."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from intake import stats as stats_module
from intake.cli.commands_records import resolve_id
from intake.cli.context import Context
from intake.cli.render import _pad, _width, summary_dict
from intake.dates import PartialDate
from intake.errors import InvalidInput
from intake.search import Filters, Hit, Query, search
from intake.search.corroborate import Corroboration, corroborating
from intake.search.saved import delete_search, load_search, save_search, saved_searches
from intake.store.records import Summary


def _filter_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--type", action="append", default=[], metavar="T",
                   help="event type, by id or any label (repeat for either)")
    p.add_argument("--from", dest="date_from", metavar="D", help="events from D (YYYY[-MM[-DD]])")
    p.add_argument("--to", dest="date_to", metavar="D", help="events up to D (YYYY[-MM[-DD]])")
    p.add_argument("--open-ended", action="store_true",
                   help="let an event without an end run on past its start")
    p.add_argument("--place", action="append", default=[], metavar="P",
                   help="place in any spelling; a province includes its cities")
    p.add_argument("--facility", action="append", default=[], metavar="F")
    p.add_argument("--perpetrator", action="append", default=[], metavar="P",
                   help="institution in any spelling, or words of the description")
    p.add_argument("--consent", choices=("legal", "advocacy", "publication"),
                   help="only testimonies whose consent covers this use today")
    p.add_argument("--sender", action="append", default=[], metavar="S",
                   help="'local', or the contact (label or fingerprint) records came from")
    p.add_argument("--include-withdrawn", action="store_true")


def register(commands: Any) -> None:
    p = commands.add_parser("search", help="search narratives and fields, with filters")
    p.add_argument("query", nargs="?", default="",
                   help='words, "a phrase", a OR b, -word; may be empty with a filter')
    _filter_arguments(p)
    p.add_argument("--limit", type=int, default=20, help="hits per page (default 20)")
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.add_argument("--save", metavar="NAME", help="also keep this search under NAME")
    p.add_argument("--saved", metavar="NAME", help="run the search saved under NAME")
    p.set_defaults(run=run_search)

    p = commands.add_parser("searches", help="list saved searches, or delete one")
    p.add_argument("--delete", metavar="NAME")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_searches)

    p = commands.add_parser("stats", help="counts of events, small counts withheld")
    p.add_argument("--by", choices=stats_module.DIMENSIONS, default="type")
    p.add_argument("--threshold", type=int, default=stats_module.DEFAULT_THRESHOLD,
                   help="withhold counts of fewer survivors than this (default 5)")
    p.add_argument("--age-at", choices=("event", "interview"), default="event")
    p.add_argument("--json", action="store_true")
    p.add_argument("--csv", type=Path, metavar="FILE", help="also write the table as CSV")
    _filter_arguments(p)
    p.set_defaults(run=run_stats)

    p = commands.add_parser("corroborate", help="testimonies sharing a place, facility or "
                            "perpetrator with one, in overlapping dates")
    p.add_argument("id")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--include-withdrawn", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_corroborate)


def _usage(message: str) -> Exception:
    from intake.cli.main import UsageError  # main imports this module

    return UsageError(message)


def filters_from(args: argparse.Namespace) -> Filters:
    return Filters(
        types=tuple(args.type),
        date_from=PartialDate.parse(args.date_from, "from") if args.date_from else None,
        date_to=PartialDate.parse(args.date_to, "to") if args.date_to else None,
        open_ended=args.open_ended, places=tuple(args.place),
        facilities=tuple(args.facility), perpetrators=tuple(args.perpetrator),
        consent=args.consent, senders=tuple(args.sender),
        include_withdrawn=args.include_withdrawn)


def hit_dict(hit: Hit) -> dict[str, Any]:
    return {**summary_dict(hit.summary), "score": round(hit.score, 4),
            "events": list(hit.events), "snippets": [s.to_dict() for s in hit.snippets]}


def _line(s: Summary, extra: str) -> str:
    return f"{s.pseudonym}  {s.testimony_id}  {s.interview_date or '-'}  {extra}"


def run_search(ctx: Context, args: argparse.Namespace) -> int:
    filters = filters_from(args)
    if args.saved and (args.query.strip() or not filters.empty or args.save):
        raise _usage("search: --saved runs a saved search as it is; give no query or filters")
    if not args.saved and not args.query.strip() and filters.empty:
        raise _usage("search: give a query, a filter (--type, --from, --place, …) or --saved")
    with ctx.open_store() as store:
        query = load_search(store, args.saved) if args.saved else Query(args.query, filters)
        query = Query(query.text, query.filters, limit=args.limit, offset=args.offset)
        if args.save:
            save_search(store, args.save, query)
        results = search(store, query)
    if args.json:
        ctx.out(json.dumps([hit_dict(h) for h in results], ensure_ascii=False, indent=2))
        return 0
    if not results.total:
        ctx.out("No testimony matches.")
        return 0
    shown = f"{args.offset + 1}-{args.offset + len(results)} of " if len(results) else ""
    noun = "testimony matches" if results.total == 1 else "testimonies match"
    ctx.out(f"{shown}{results.total} {noun}")
    for h in results:
        consent = "WITHDRAWN" if h.summary.withdrawn else ",".join(h.summary.consent) or "none"
        score = f"score {h.score:.2f}" if h.score else ""
        events = f"events {','.join(map(str, h.events))}" if h.events else ""
        ctx.out(_line(h.summary, "  ".join(x for x in (consent, score, events) if x)))
        for s in h.snippets:
            ctx.out(f"    {s.field}: {' '.join(s.marked().split())}")
    return 0


def run_searches(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        if args.delete:
            delete_search(store, args.delete)
            ctx.out("deleted")
            return 0
        saved = saved_searches(store)
    if args.json:
        ctx.out(json.dumps([{"name": s.name, "saved_at": s.saved_at, **s.query.to_dict()}
                            for s in saved], ensure_ascii=False, indent=2))
    elif not saved:
        ctx.out("No saved searches. Save one with: testimony-intake search … --save NAME")
    else:
        for s in saved:
            ctx.out(f"{s.name}  {s.query.text or '(filters only)'}  saved {s.saved_at}")
    return 0


def render_table(table: stats_module.StatTable) -> str:
    """The table for a terminal, Korean labels aligned, with its notes."""
    total = [table.total_events, table.total_survivors]
    rows: list[tuple[str, ...]] = [
        (c.label_en, c.label_ko, table.shown(c, "events"), table.shown(c, "survivors"))
        for c in table.cells]
    rows.append(("Total", "합계", *(f"<{table.threshold}" if t is None else str(t)
                                    for t in total)))
    head = (table.by.upper(), "", "EVENTS", "SURVIVORS")
    widths = [max(_width(r[i]) for r in [head, *rows]) for i in range(4)]
    lines = ["  ".join(_pad(c, w) if i < 2 else " " * (w - _width(c)) + c
                       for i, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip()
             for r in [head, *rows]]
    lines.append(f"Counting {table.basis}. <{table.threshold}: fewer than {table.threshold} "
                 "survivors; x: withheld, with such a row or so that the total cannot give "
                 "one away.")
    return "\n".join(lines)


def run_stats(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        table = stats_module.statistics(store, args.by, threshold=args.threshold,
                                        filters=filters_from(args), age_at=args.age_at)
    if args.csv:
        if args.csv.exists() and args.csv.is_dir():
            raise InvalidInput("csv", f"{args.csv} is a directory")
        args.csv.write_bytes(table.to_csv())
    if args.json:
        ctx.out(json.dumps(table.to_dict(), ensure_ascii=False, indent=2))
    else:
        ctx.out(render_table(table))
        if args.csv:
            ctx.out(f"Wrote {args.csv}")
    return 0


def corroboration_dict(c: Corroboration) -> dict[str, Any]:
    return {**summary_dict(c.summary), "score": c.score,
            "shared": [{"kind": s.kind, "detail": s.detail, "weight": s.weight,
                        "event": s.event, "other_event": s.other_event} for s in c.shared]}


def run_corroborate(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.open_store() as store:
        found = corroborating(store, resolve_id(store, args.id), limit=args.limit,
                              include_withdrawn=args.include_withdrawn)
    if args.json:
        ctx.out(json.dumps([corroboration_dict(c) for c in found], ensure_ascii=False,
                           indent=2))
    elif not found:
        ctx.out("No other testimony shares a place, facility or perpetrator in those dates.")
    else:
        for c in found:
            ctx.out(_line(c.summary, f"score {c.score:g}"))
            for s in c.shared:
                ctx.out(f"    {s.detail}  (event {s.event} / {s.other_event})")
    return 0
