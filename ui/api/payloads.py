"""JSON shapes of the service's values: search results (the same for `search --json` and the API),
articles, versions, diffs and changesets, each with links to the API's own resources."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote, urlencode

from corpus.model import Article, Changeset, UncertainDate, Version
from search.diff import TextDiff
from search.results import Hit, SameText, SearchResults, VersionRef


def day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def uncertain(span: UncertainDate | None) -> dict | None:
    """An uncertain boundary (`corpus.model.UncertainDate`): the change happened after `after` (null: no
    earlier limit known) and by the boundary's own date, known to `precision` ("month" or "day")."""
    if span is None:
        return None
    return {"after": day(span.after), "precision": span.precision.value}


# -- the API's own resource paths ----------------------------------------------------------------------


def article_path(article_id: str) -> str:
    return f"/articles/{quote(article_id, safe='')}"


def article_by_number_path(code_id: str, number: str) -> str:
    return f"/codes/{quote(code_id, safe='')}/articles/{quote(number, safe='')}"


def version_path(version_id: str) -> str:
    return f"/versions/{quote(version_id, safe='')}"


def diff_path(version_id: str) -> str:
    return f"{version_path(version_id)}/diff"


def changeset_path(text_id: str, effective_on: date | None) -> str:
    path = f"/changesets/{quote(text_id, safe='')}"
    return f"{path}?{urlencode({'date': effective_on.isoformat()})}" if effective_on else path


def search_path(params: dict[str, object]) -> str:
    shown = {name: value for name, value in params.items() if value not in (None, "", False)}
    return "/search?" + urlencode({k: ("true" if v is True else v) for k, v in shown.items()})


# -- search --------------------------------------------------------------------------------------------


def version_ref_json(ref: VersionRef, links: bool) -> dict:
    found = {
        "version_id": ref.version_id,
        "valid_from": day(ref.valid_from),
        "valid_to": day(ref.valid_to),
        "valid_from_uncertain": uncertain(ref.start_uncertain),
        "valid_to_uncertain": uncertain(ref.end_uncertain),
        "status": ref.status,
    }
    if links:
        found["links"] = {"version": version_path(ref.version_id), "diff": diff_path(ref.version_id)}
    return found


def same_text_json(same: SameText, links: bool = False) -> dict:
    found = {
        "article": same.article,
        "code": same.code,
        "code_id": same.code_id,
        "version_id": same.version_id,
        "article_url": same.article_url,
    }
    if links:
        found["links"] = {"version": version_path(same.version_id)}
    return found


def hit_json(hit: Hit, links: bool = False) -> dict:
    """One hit: the snippet is plain text, `highlights` the [start, end) spans of its matches."""
    found = {
        "article": hit.article,
        "code": hit.code,
        "code_id": hit.code_id,
        "article_id": hit.article_id,
        "version_id": hit.version_id,
        "valid_from": day(hit.valid_from),
        "valid_to": day(hit.valid_to),
        "valid_from_uncertain": uncertain(hit.start_uncertain),
        "valid_to_uncertain": uncertain(hit.end_uncertain),
        "status": hit.status,
        "score": hit.score,
        "snippet": hit.snippet_text,
        "highlights": [list(span) for span in hit.highlights],
        "section_path": list(hit.section_path),
        "other_versions": [version_ref_json(other, links) for other in hit.other_versions],
        # Articles of other places with the same wording, grouped under this hit (search.same_text).
        "same_text": [same_text_json(same, links) for same in hit.same_text],
        "amending_text": hit.amending_text,
        "amending_text_id": hit.amending_text_id,
        "article_url": hit.article_url,
        "diff_url": hit.diff_url,
    }
    if links:
        found["links"] = {
            "article": article_path(hit.article_id),
            "version": version_path(hit.version_id),
            "diff": diff_path(hit.version_id),
        }
        if hit.amending_text_id:
            found["links"]["changeset"] = changeset_path(hit.amending_text_id, hit.valid_from)
    return found


def results_json(results: SearchResults, links: bool = False) -> dict:
    """The JSON shape of `lexsearch search --json`; the API adds `links` (`links=True`)."""
    return {
        "query": results.query,
        "total": results.total,
        "took_ms": results.took_ms,
        "filter": results.filter_description,
        "notices": list(results.notices),
        "understood_references": list(results.understood_references),
        "suggestion": results.suggestion,
        "unmatched_terms": list(results.unmatched_terms),
        "partial_match": results.partial_match,
        "hits": [hit_json(hit, links) for hit in results.hits],
    }


# -- pages ---------------------------------------------------------------------------------------------


def version_json(version: Version, *, with_text: bool = True) -> dict:
    found = {
        "version_id": version.version_id,
        "article_id": version.article_id,
        "number": version.number,
        "valid_from": day(version.valid_from),
        "valid_to": day(version.valid_to),
        "valid_from_uncertain": uncertain(version.start_uncertain),
        "valid_to_uncertain": uncertain(version.end_uncertain),
        "status": version.status.value,
        "has_text": version.has_text,
        "section_path": list(version.section_path),
        "amendments": [
            {
                "text_id": amendment.text.text_id,
                "title": amendment.text.title,
                "role": amendment.role.value,
                "links": {
                    "changeset": changeset_path(
                        amendment.text.text_id,
                        version.valid_from if amendment.role.value == "created" else version.valid_to,
                    )
                },
            }
            for amendment in version.amendments
        ],
        "links": {
            "self": version_path(version.version_id),
            "article": article_path(version.article_id),
            "diff": diff_path(version.version_id),
        },
    }
    if with_text:
        found["text"] = version.text
        found["nota"] = version.nota
    return found


def article_json(article: Article, versions: list[Version]) -> dict:
    return {
        "article_id": article.article_id,
        "number": article.number,
        "code": article.code.title,
        "code_id": article.code.code_id,
        "versions": [version_json(version, with_text=False) for version in versions],
        "links": {
            "self": article_path(article.article_id),
            "by_number": article_by_number_path(article.code.code_id, article.number),
        },
    }


def diff_json(version: Version, previous: Version | None, diff: TextDiff) -> dict:
    """The word diff of `version` against the one it replaced (everything inserted for a first version)."""
    return {
        "version": version_json(version, with_text=False),
        "previous": version_json(previous, with_text=False) if previous else None,
        "ops": [{"kind": op.kind.value, "old": "".join(op.old), "new": "".join(op.new)} for op in diff.ops],
    }


def changeset_json(changeset: Changeset) -> dict:
    return {
        "changeset_id": changeset.changeset_id,
        "text_id": changeset.text.text_id,
        "title": changeset.text.title,
        "nature": changeset.text.nature,
        "signed_on": day(changeset.text.signed_on),
        "published_on": day(changeset.text.published_on),
        "effective_on": day(changeset.effective_on),
        "code_id": changeset.code_id,
        "entries": [
            {
                "role": entry.role.value,
                "version": version_json(entry.version, with_text=False),
                "previous_version_id": entry.previous_version_id,
            }
            for entry in changeset.entries
        ],
        "links": {"self": changeset_path(changeset.text.text_id, changeset.effective_on)},
    }
