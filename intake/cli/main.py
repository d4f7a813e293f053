"""Parse the command line, run one command, and turn every failure into one line.

Exit status (DESIGN §7): 0 success; 1 a user-facing failure, with a one-line
reason on stderr and never a traceback; 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from crypto.errors import CryptoError
from crypto.kdf import PRODUCTION, KdfPolicy
from intake.bundle.statement import StatementRenderer
from intake.cli import (
    commands_backup,
    commands_bundle,
    commands_consent,
    commands_custody,
    commands_loadfile,
    commands_records,
    commands_scan,
    commands_search,
    commands_store,
)
from intake.cli.context import Context
from intake.consent_receipt import ReceiptRenderer
from intake.errors import IntakeError
from intake.store.paths import default_store_dir

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` stays in charge of exit codes."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="testimony-intake",
        description="Record, redact and hand over survivor testimony from an encrypted store. "
                    "With no command, opens the desktop app.")
    parser.add_argument("--store", metavar="DIR", type=Path,
                        help="the store directory (default: $TESTIMONY_INTAKE_STORE or the "
                             "per-user data directory)")
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help="read the passphrase from the first line of FILE (- for stdin) "
                             "instead of asking on the terminal")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands_store.register(commands)
    commands_records.register(commands)
    commands_search.register(commands)
    commands_bundle.register(commands)
    commands_scan.register(commands)
    commands_backup.register(commands)
    commands_custody.register(commands)
    commands_consent.register(commands)
    commands_loadfile.register(commands)
    return parser


def wants_gui(argv: Sequence[str]) -> bool:
    """True when no command is given: the launcher then opens the desktop app."""
    try:
        return build_parser().parse_args(list(argv)).command is None
    except (UsageError, SystemExit):
        return False


def main(argv: Sequence[str] | None = None, *, policy: KdfPolicy = PRODUCTION,
         context: Context | None = None,
         statement_renderer: StatementRenderer | None = None,
         receipt_renderer: ReceiptRenderer | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    ctx = context or Context(store_dir=Path())
    if statement_renderer is not None:
        ctx.statement_renderer = statement_renderer
    if receipt_renderer is not None:
        ctx.receipt_renderer = receipt_renderer
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        ctx.warn(str(exc))
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version print and exit 0
        return int(exc.code or 0)
    if args.command is None:
        parser.print_usage(ctx.stderr)
        return EXIT_USAGE
    ctx.store_dir = args.store or default_store_dir()
    ctx.passphrase_file = args.passphrase_file
    ctx.policy = policy
    try:
        return int(args.run(ctx, args) or EXIT_OK)
    except UsageError as exc:
        ctx.warn(str(exc))
        return EXIT_USAGE
    except IntakeError as exc:
        ctx.warn(f"error: {_one_line(str(exc))}")
        return EXIT_FAILURE
    except CryptoError as exc:
        ctx.warn(f"error: {_one_line(str(exc))}")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        ctx.warn("interrupted; nothing was changed")
        return EXIT_FAILURE
    except BrokenPipeError:
        return EXIT_FAILURE
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        ctx.warn(f"error: {exc.strerror or exc}{where}")
        return EXIT_FAILURE


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "failed"


def entry_point() -> None:
    sys.exit(main())
