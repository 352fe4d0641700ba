"""Newer snapshots in miniature, applied through the store's own API as `corpus add` applies one (the
code replaced): what the incremental index update tests change in a store they wrote."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from analyzers.citation_numbers import order_key
from corpus.model import Article, Status
from corpus.store import Store


def _reworded(article: Article, suffix: str) -> Article:
    last = article.versions[-1]
    return replace(article, versions=(*article.versions[:-1], replace(last, text=f"{last.text} {suffix}")))


def change_store(path: Path) -> None:
    """A newer snapshot in miniature, applied as `corpus add` applies one (the code replaced): a wording
    changed, an article gone, a new version ending the previous one, a new article, dates changed."""
    with Store.open(path) as store:
        code = store.codes()[0]
        articles = list(store.code_history(code))
        with_text = [a for a in articles if a.versions and all(v.text for v in a.versions)]
        first, gone, amended, copied, redated = with_text[:5]
        articles[articles.index(first)] = _reworded(first, "Le salarié bénéficie d'un congé de reclassement.")
        articles.remove(gone)
        previous = amended.versions[-1]
        new_version = replace(
            previous,
            version_id=previous.version_id + "-2026",
            text=previous.text + " La démission de la salariée enceinte est nulle.",
            valid_from=date(2026, 1, 1),
            valid_to=None,
        )
        ended = replace(previous, valid_to=date(2026, 1, 1), status=Status.MODIFIED)
        articles[articles.index(amended)] = replace(
            amended, versions=(*amended.versions[:-1], ended, new_version)
        )
        articles.append(
            Article(
                copied.article_id + "-NEW",
                code,
                copied.number + "-1",
                tuple(replace(v, version_id=v.version_id + "-NEW") for v in copied.versions),
            )
        )
        dated = redated.versions[0]
        articles[articles.index(redated)] = replace(
            redated, versions=(replace(dated, valid_from=date(2019, 3, 1)), *redated.versions[1:])
        )
        store.replace_code(code, articles)


def shrink_store(path: Path) -> None:
    """More versions removed than added: the last documents move into the freed numbers."""
    with Store.open(path) as store:
        code = store.codes()[0]
        articles = list(store.code_history(code))
        with_text = [a for a in articles if a.versions and all(v.text for v in a.versions)]
        for gone in with_text[1:4]:
            articles.remove(gone)
        articles[articles.index(with_text[0])] = _reworded(with_text[0], "La démission est libre.")
        store.replace_code(code, articles)


def remove_cited_article(path: Path) -> None:
    """An article inside a range that unchanged texts cite ("L. 3253-2 à L. 3253-21") is removed: the
    range no longer expands to it, so their citations must be found again."""
    with Store.open(path) as store:
        code = store.codes()[0]
        spans: dict[tuple[str, int], list[str]] = {}
        for version in store.iter_versions():
            for target, _, _, start, _ in store.citations_from(version.version_id):
                spans.setdefault((version.version_id, start), []).append(target)
        inside = [  # not an endpoint: the expansion over the articles known put it there
            sorted(targets, key=lambda key: order_key(key.split(":", 1)[1]))[1:-1]
            for targets in spans.values()
            if len(targets) >= 3
        ]
        in_ranges = {target for targets in inside for target in targets}
        articles = list(store.code_history(code))
        gone = next(a for a in articles if a.key in in_ranges and all(v.text for v in a.versions))
        articles.remove(gone)
        store.replace_code(code, articles)
