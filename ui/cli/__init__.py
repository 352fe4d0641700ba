"""The `lexsearch` command: a thin wrapper over the same service functions the app calls."""

from __future__ import annotations

import argparse
import importlib
import sys

import i18nparse

from corpus.errors import LexsearchError

# One module per subcommand group, each with `register(subparsers)`; plain wiring, no plugin registry.
COMMANDS = ["corpus", "app", "cite", "index", "search", "serve"]


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`: only the named subcommand's module is imported (each pulls its own layers;
    all of them cost half a second before `lexsearch app` or a one-shot search can start); every one
    when no known subcommand is named, so that `--help` and errors list them all."""
    # argparse's own words (usage, -h, "the following arguments are required"…) in French too: i18nparse
    # ships the catalogue; it must be active before a parser is made, as -h's help is set then.
    i18nparse.activate("fr")
    parser = argparse.ArgumentParser(
        prog="lexsearch", description="Recherche dans le droit français, à toutes ses versions."
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE", required=True)
    named = [argv[0]] if argv and argv[0] in COMMANDS else COMMANDS
    for name in named:
        importlib.import_module(f"ui.cli.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
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
