"""The `lexsearch` command: a thin wrapper over the same service functions the app calls."""

from __future__ import annotations

import argparse
import importlib
import sys

import i18nparse

from corpus.errors import LexsearchError

# One module per subcommand group, each with `register(subparsers)`; plain wiring, no plugin registry.
COMMANDS = ["corpus", "app", "cite", "index", "search", "serve"]


def build_parser() -> argparse.ArgumentParser:
    # argparse's own words (usage, -h, "the following arguments are required"…) in French too: i18nparse
    # ships the catalogue; it must be active before a parser is made, as -h's help is set then.
    i18nparse.activate("fr")
    parser = argparse.ArgumentParser(
        prog="lexsearch", description="Recherche dans le droit français, à toutes ses versions."
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE", required=True)
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
