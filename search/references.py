"""Turning the references a query cites (numbers, ranges, prefixes) into article keys of the index, in
the order the user gave them; ranges and prefixes follow the codes' own order (L3253-8 < L3253-8-1 <
L3253-9 < L3253-10)."""

from __future__ import annotations

from corpus.model import article_key
from indexer.schema import number_token
from search.index_view import IndexView
from search.query import ParsedQuery


def resolve_references(view: IndexView, parsed: ParsedQuery, code_id: str | None) -> tuple[str, ...]:
    """Article keys the query cites, in the order cited (ranges expanded, prefixes listed)."""
    keys: list[str] = []

    def candidates(number: str, reference_code: str | None) -> list[str]:
        if reference_code:
            key = article_key(reference_code, number)
            return [key] if key in view.by_article else []
        found = view.by_number.get(number.upper(), [])
        return sorted(found, key=lambda key: (key.split(":")[0] != code_id, key))

    for reference in parsed.references:
        keys += candidates(reference.number, reference.code_id)
    codes = [code_id] if code_id else list(view.numbers_by_code)
    for number_range in parsed.ranges:
        for code in codes:
            keys += [
                article_key(code, n)
                for n in view.numbers_between(code, number_range.first, number_range.last)
            ]
    for prefix in parsed.prefixes:
        token = number_token(prefix)
        for code in codes:
            keys += [article_key(code, n) for n in view.numbers_starting(code, token)]
    return tuple(dict.fromkeys(keys))
