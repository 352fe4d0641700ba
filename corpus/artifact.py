"""The compact committed corpus: gzip JSON Lines, one article per line with all its versions.

Writing is deterministic (sorted keys, articles in the order given, gzip without a timestamp), so
rebuilding from the same sources gives the same bytes and a reviewable diff in size only. The first
line is a header naming the format, so a stray `.jsonl.gz` is refused with a clear message.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from corpus.errors import SourceError
from corpus.model import AmendingText, Amendment, Article, ChangeRole, Code, Status, Version
from corpus.settings import DEFAULT_ARTIFACT

FORMAT = "lexsearch-corpus"
FORMAT_VERSION = 1


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def article_record(article: Article) -> dict:
    """The JSON shape of one article line (also what tests compare against)."""
    return {
        "article_id": article.article_id,
        "code_id": article.code.code_id,
        "code_title": article.code.title,
        "number": article.number,
        "versions": [
            {
                "version_id": version.version_id,
                "text": version.text,
                "html": version.html,
                "valid_from": _iso(version.valid_from),
                "valid_to": _iso(version.valid_to),
                "valid_to_pending": version.valid_to_pending,
                "status": version.status.value,
                "section_path": list(version.section_path),
                "nota": version.nota,
                "amendments": [
                    {
                        "text_id": amendment.text.text_id,
                        "title": amendment.text.title,
                        "nature": amendment.text.nature,
                        "signed_on": _iso(amendment.text.signed_on),
                        "published_on": _iso(amendment.text.published_on),
                        "role": amendment.role.value,
                        "link_type": amendment.link_type,
                        "article_in_text": amendment.article_in_text,
                    }
                    for amendment in version.amendments
                ],
            }
            for version in article.versions
        ],
    }


def write_articles(path: str | Path, articles: Iterable[Article], *, sources: Iterable[str] = ()) -> int:
    """Write the artifact atomically (temporary file, then rename); returns the article count."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = {"format": FORMAT, "version": FORMAT_VERSION, "sources": list(sources)}
    count = 0
    handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with (
            os.fdopen(handle, "wb") as raw,
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as stream,
        ):
            stream.write(_line(header))
            for article in articles:
                stream.write(_line(article_record(article)))
                count += 1
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the artifact is a shared, committed file
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def _line(record: dict) -> bytes:
    return (json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode()


def iter_articles(path: str | Path = DEFAULT_ARTIFACT) -> Iterator[Article]:
    """Stream the articles of an artifact; any damage is a SourceError naming the file and line."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(str(path), "aucun artefact de corpus à cet endroit")
    seen_versions: dict[str, int] = {}
    seen_articles: dict[str, int] = {}
    codes: dict[str, Code] = {}
    header_seen = False
    try:
        with gzip.open(path, "rb") as stream:
            for number, raw in enumerate(stream, start=1):
                where = f"{path}:{number}"
                record = _decode(raw, where)
                if number == 1:
                    _check_header(record, where)
                    header_seen = True
                    continue
                article = _article(record, where, codes)
                if article.article_id in seen_articles:
                    raise SourceError(
                        where,
                        f"article {article.article_id} en double (déjà ligne {seen_articles[article.article_id]})",
                    )
                seen_articles[article.article_id] = number
                for version in article.versions:
                    if version.version_id in seen_versions:
                        raise SourceError(
                            where,
                            f"version {version.version_id} en double (déjà ligne {seen_versions[version.version_id]})",
                        )
                    seen_versions[version.version_id] = number
                yield article
            if not header_seen:
                raise SourceError(str(path), "artefact vide (pas de ligne d'en-tête)")
    except (gzip.BadGzipFile, EOFError, zlib.error, OSError) as error:
        raise SourceError(str(path), f"gzip endommagé ({error or 'fichier tronqué'})") from None


def _decode(raw: bytes, where: str) -> dict:
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise SourceError(where, f"pas en UTF-8 (octet {error.start})") from None
    except json.JSONDecodeError as error:
        raise SourceError(where, f"ligne JSON invalide ({error.msg}, colonne {error.colno})") from None
    if not isinstance(record, dict):
        raise SourceError(where, "chaque ligne doit être un objet JSON")
    return record


def _check_header(record: dict, where: str) -> None:
    if record.get("format") != FORMAT:
        raise SourceError(where, f"ce n'est pas un artefact de corpus lexsearch (pas d'en-tête « {FORMAT} »)")
    if record.get("version") != FORMAT_VERSION:
        raise SourceError(
            where,
            f"artefact au format {record.get('version')!r}, cette version de lexsearch lit le format {FORMAT_VERSION}",
        )


def _need(
    record: dict, name: str, where: str, kind: type | tuple[type, ...] = str, *, optional: bool = False
):
    if name not in record:
        raise SourceError(where, f"champ « {name} » absent")
    value = record[name]
    if value is None and optional:
        return None
    if not isinstance(value, kind):
        raise SourceError(where, f"champ « {name} » de type inattendu ({type(value).__name__})")
    return value


def _day(record: dict, name: str, where: str) -> date | None:
    value = _need(record, name, where, optional=True)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise SourceError(
            where, f"champ « {name} » : {value!r} n'est pas une date ISO (AAAA-MM-JJ)"
        ) from None


def _enum(kind: type, value: str, where: str, name: str):
    try:
        return kind(value)
    except ValueError:
        raise SourceError(where, f"champ « {name} » : valeur inconnue {value!r}") from None


def _article(record: dict, where: str, codes: dict[str, Code]) -> Article:
    article_id = _need(record, "article_id", where)
    where = f"{where} (article {article_id})"
    code_id = _need(record, "code_id", where)
    code = codes.setdefault(code_id, Code(code_id, _need(record, "code_title", where)))
    number = _need(record, "number", where)
    versions = []
    for index, raw in enumerate(_need(record, "versions", where, list)):
        at = f"{where} version {index}"
        if not isinstance(raw, dict):
            raise SourceError(at, "une version doit être un objet JSON")
        amendments = []
        for link in _need(raw, "amendments", at, list):
            if not isinstance(link, dict):
                raise SourceError(at, "une modification doit être un objet JSON")
            text = AmendingText(
                text_id=_need(link, "text_id", at),
                title=_need(link, "title", at),
                nature=_need(link, "nature", at, optional=True),
                signed_on=_day(link, "signed_on", at),
                published_on=_day(link, "published_on", at),
            )
            amendments.append(
                Amendment(
                    text,
                    _enum(ChangeRole, _need(link, "role", at), at, "role"),
                    _need(link, "link_type", at, optional=True),
                    _need(link, "article_in_text", at, optional=True),
                )
            )
        versions.append(
            Version(
                version_id=_need(raw, "version_id", at),
                article_id=article_id,
                number=number,
                text=_need(raw, "text", at, optional=True),
                html=_need(raw, "html", at, optional=True),
                valid_from=_day(raw, "valid_from", at),
                valid_to=_day(raw, "valid_to", at),
                valid_to_pending=_need(raw, "valid_to_pending", at, bool),
                status=_enum(Status, _need(raw, "status", at), at, "status"),
                section_path=_titles(_need(raw, "section_path", at, list), at),
                nota=_need(raw, "nota", at, optional=True),
                amendments=tuple(amendments),
            )
        )
    _check_order(versions, where)
    return Article(article_id, code, number, tuple(versions))


def _titles(values: list, where: str) -> tuple[str, ...]:
    if not all(isinstance(value, str) for value in values):
        raise SourceError(where, "le champ « section_path » doit être une liste de titres (textes)")
    return tuple(values)


def _check_order(versions: list[Version], where: str) -> None:
    """Versions are stored oldest first (the store's "previous version" relies on it). A version whose
    start was never fixed is placed by its end; one with neither date comes last."""
    anchors = [v.valid_from or v.valid_to for v in versions]
    for index in range(1, len(versions)):
        before, after = anchors[index - 1], anchors[index]
        if (before is None and after is not None) or (before and after and after < before):
            raise SourceError(
                where,
                f"versions hors de l'ordre chronologique : {versions[index].version_id} ({after}) vient après "
                f"{versions[index - 1].version_id} ({before})",
            )
