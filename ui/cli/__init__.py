"""The `lexsearch` command: a thin wrapper over the same service functions the app calls."""

from __future__ import annotations

import argparse
import importlib
import sys

from corpus.errors import LexsearchError

# One module per subcommand group, each with `register(subparsers)`; plain wiring, no plugin registry.
COMMANDS = ["corpus", "app", "cite", "index", "search", "serve"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lexsearch", description="Search over versioned French law.")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"ui.cli.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except LexsearchError as error:
        print(f"lexsearch: erreur : {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("lexsearch: interrompu", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
