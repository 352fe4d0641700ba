"""One Légifrance JSON snapshot (npm `@socialgouv/legi-data`, PISTE API format): finding and parsing it.

A snapshot is a code's tree as consolidated on one day: every article node carries the version in force
that day (its text, HTML and the amending texts that produced it) plus the metadata of all its versions
(`articleVersions`). Source field names stay in this module; `corpus.legifrance` merges snapshots.
"""

from __future__ import annotations

import json
import re
import tarfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from corpus.errors import SourceError
from corpus.model import LEGIFRANCE_STATUS, AmendingText, Code, Status

OPEN_END = date(2999, 1, 1)  # Légifrance's "no end date"
NOT_FIXED = date(2222, 2, 22)  # Légifrance's "entry into force not fixed yet"
_FILE_NAME = re.compile(r"^(LEGITEXT\d+)\.json$")
_ARTICLE_IN_TITLE = re.compile(r"\s+-\s+(art\..*)$")


@dataclass(frozen=True)
class VersionMeta:
    """One entry of `articleVersions`: what every snapshot knows of a version, text or not."""

    version_id: str
    status: Status
    valid_from: date | None
    valid_to: date | None
    valid_to_pending: bool


@dataclass(frozen=True)
class CapturedVersion:
    """The version an article node carries: the only one whose text and amending texts a snapshot gives."""

    version_id: str
    text: str
    html: str | None
    nota: str | None
    section_path: tuple[str, ...]
    links: tuple[tuple[str, AmendingText, str | None], ...]  # (link type, amending text, "art. 3")


@dataclass(frozen=True)
class SnapshotArticle:
    article_id: str
    number: str
    captured: CapturedVersion
    versions: tuple[VersionMeta, ...]


@dataclass(frozen=True)
class Snapshot:
    code: Code
    taken_on: date | None
    where: str
    articles: tuple[SnapshotArticle, ...]


# -- reading one snapshot --------------------------------------------------------------------------------


def parse_day(value: object, where: str, name: str) -> tuple[date | None, bool]:
    """(day, pending): epoch milliseconds or ISO text; 2999-01-01 → (None, False), 2222-02-22 → (None, True)."""
    try:
        if isinstance(value, bool):
            raise TypeError
        if isinstance(value, int | float):
            day = datetime.fromtimestamp(value / 1000, UTC).date()
        elif isinstance(value, str):
            day = date.fromisoformat(value[:10])
        else:
            raise TypeError
    except (TypeError, ValueError, OverflowError, OSError):
        raise SourceError(where, f"champ « {name} » : {value!r} n'est pas une date") from None
    if day.year >= OPEN_END.year:
        return None, False
    if day == NOT_FIXED:
        return None, True
    return day, False


def _optional_day(value: object, where: str, name: str) -> date | None:
    if value in (None, ""):
        return None
    return parse_day(value, where, name)[0]


def _field(record: dict, name: str, where: str) -> object:
    if not isinstance(record, dict):
        raise SourceError(where, f"objet JSON attendu, trouvé {type(record).__name__}")
    if name not in record or record[name] is None:
        raise SourceError(where, f"champ « {name} » absent")
    return record[name]


def _text_field(record: dict, name: str, where: str) -> str:
    value = _field(record, name, where)
    if not isinstance(value, str):
        raise SourceError(where, f"champ « {name} » : texte attendu")
    return value


def _list_field(record: dict, name: str, where: str, *, optional: bool = False) -> list:
    value = record.get(name) if optional else _field(record, name, where)
    if value is None and optional:
        return []
    if not isinstance(value, list):
        raise SourceError(where, f"champ « {name} » : liste attendue")
    return value


def _optional_text(record: dict, name: str, where: str) -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise SourceError(where, f"champ « {name} » : texte attendu")
    return value or None


def _status(value: str, where: str) -> Status:
    if value in ("", None):
        return (
            Status.UNKNOWN
        )  # some snapshots leave `etat` empty (9 versions of the Code de la sécurité sociale)
    status = LEGIFRANCE_STATUS.get(value)
    if status is None:
        raise SourceError(where, f"champ « etat » : valeur inconnue {value!r}")
    return status


def _clean(title: str) -> str:
    return " ".join(title.split())


def _code_root(document: object, where: str) -> dict:
    """Accept both layouts: 2.x (root `type: code`) and 1.x (root `type: section`, `data.type: code`)."""
    if isinstance(document, dict) and isinstance(document.get("data"), dict):
        kind, inner = document.get("type"), document["data"].get("type")
        if isinstance(document.get("children"), list) and (
            kind == "code" or (kind == "section" and inner == "code")
        ):
            return document
    found = sorted(document)[:6] if isinstance(document, dict) else type(document).__name__
    raise SourceError(
        where, f"structure de snapshot inconnue (attendu un arbre de code avec data/children, trouvé {found})"
    )


def _links(article: dict, where: str) -> tuple[tuple[str, AmendingText, str | None], ...]:
    links = []
    for index, link in enumerate(_list_field(article, "lienModifications", where, optional=True)):
        at = f"{where} lienModifications[{index}]"
        if not isinstance(link, dict) or link.get("linkOrientation") != "cible":
            continue  # "source" links point the other way: texts this article amended, not its amendments
        raw_title = _clean(_text_field(link, "textTitle", at))
        match = _ARTICLE_IN_TITLE.search(raw_title)
        title = raw_title[: match.start()] if match else raw_title
        text = AmendingText(
            text_id=_text_field(link, "textCid", at),
            title=title,
            nature=_optional_text(link, "natureText", at),
            signed_on=_optional_day(link.get("dateSignaTexte"), at, "dateSignaTexte"),
            published_on=_optional_day(link.get("datePubliTexte"), at, "datePubliTexte"),
        )
        links.append((_text_field(link, "linkType", at), text, match.group(1) if match else None))
    return tuple(links)


def _article(node: dict, path: tuple[str, ...], where: str) -> SnapshotArticle:
    data = _field(node, "data", where)
    key = (data.get("cid") or data.get("id") or "?") if isinstance(data, dict) else "?"
    where = f"{where} article {key}"
    version_id = _text_field(data, "id", where)
    metas = []
    for index, entry in enumerate(_list_field(data, "articleVersions", where)):
        at = f"{where} articleVersions[{index}]"
        valid_from, _ = parse_day(_field(entry, "dateDebut", at), at, "dateDebut")
        valid_to, pending = parse_day(_field(entry, "dateFin", at), at, "dateFin")
        metas.append(
            VersionMeta(
                _text_field(entry, "id", at),
                _status(_text_field(entry, "etat", at), at),
                valid_from,
                valid_to,
                pending,
            )
        )
    if version_id not in {meta.version_id for meta in metas}:
        valid_from, _ = parse_day(_field(data, "dateDebut", where), where, "dateDebut")
        valid_to, pending = parse_day(_field(data, "dateFin", where), where, "dateFin")
        metas.append(
            VersionMeta(
                version_id, _status(_text_field(data, "etat", where), where), valid_from, valid_to, pending
            )
        )
    captured = CapturedVersion(
        version_id=version_id,
        text=_text_field(data, "texte", where),
        html=_optional_text(data, "texteHtml", where),
        nota=(_optional_text(data, "nota", where) or "").strip() or None,
        section_path=path,
        links=_links(data, where),
    )
    number = _clean(_text_field(data, "num", where))
    if not number:
        raise SourceError(where, "champ « num » vide")
    return SnapshotArticle(_text_field(data, "cid", where), number, captured, tuple(metas))


def parse_snapshot(document: object, where: str) -> Snapshot:
    """Read one decoded snapshot document; every problem is a SourceError naming the record."""
    root = _code_root(document, where)
    data = root["data"]
    code = Code(_text_field(data, "id", where), _clean(_text_field(data, "title", where)))
    taken = data.get("dateDebutVersion") or data.get("dateModif") or data.get("jurisDate")
    taken_on = parse_day(taken, where, "dateDebutVersion")[0] if taken else None
    articles: list[SnapshotArticle] = []
    stack: list[tuple[dict, tuple[str, ...]]] = [(child, ()) for child in reversed(root["children"])]
    while stack:
        node, path = stack.pop()
        kind = node.get("type") if isinstance(node, dict) else None
        if kind == "article":
            articles.append(_article(node, path, where))
        elif kind == "section":
            section = _field(node, "data", where)
            at = f"{where} section {section.get('id', '?') if isinstance(section, dict) else '?'}"
            title = _clean(_text_field(section, "title", at))
            children = node.get("children") or []
            if not isinstance(children, list):
                raise SourceError(at, "champ « children » : liste attendue")
            stack.extend((child, (*path, title)) for child in reversed(children))
        else:
            raise SourceError(
                where, f"type de nœud inconnu {kind!r} sous {' > '.join(path) or 'la racine du code'}"
            )
    _check_unique(articles, where)
    return Snapshot(code, taken_on, where, tuple(articles))


def _check_unique(articles: list[SnapshotArticle], where: str) -> None:
    """A version id belongs to one article: the store relies on it. (One article may appear twice in
    a snapshot, each node carrying another captured version, e.g. L5212-10-1 in 1.1.13: that is fine.)"""
    owners: dict[str, str] = {}
    for article in articles:
        listed: set[str] = set()
        for meta in article.versions:
            owner = owners.setdefault(meta.version_id, article.article_id)
            if owner != article.article_id or meta.version_id in listed:
                raise SourceError(
                    f"{where} article {article.article_id}",
                    f"version {meta.version_id} en double (aussi listée sous l'article {owner})",
                )
            listed.add(meta.version_id)


def decode_snapshot(raw: bytes, where: str) -> Snapshot:
    """Bytes of one `LEGITEXT….json` → Snapshot, with one-line errors for bad encoding or JSON."""
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(
            where, f"pas en UTF-8 (octet 0x{raw[error.start]:02x} à la position {error.start})"
        ) from None
    try:
        document = json.loads(content)
    except json.JSONDecodeError as error:
        raise SourceError(f"{where}:{error.lineno}:{error.colno}", f"JSON invalide ({error.msg})") from None
    return parse_snapshot(document, where)


# -- finding snapshot files --------------------------------------------------------------------------------


def accepts(path: Path) -> bool:
    """A snapshot `.json`, an npm `.tgz` of legi-data, or a directory holding `LEGITEXT….json` files."""
    path = Path(path)
    if path.is_dir():
        return any(True for _ in _directory_files(path))
    name = path.name.lower()
    if name.endswith(".json"):
        return path.is_file()
    # npm packages are the only tarballs lexsearch reads: a damaged one is reported when read, not as
    # an "unknown source kind".
    return name.endswith((".tgz", ".tar.gz")) and path.is_file()


def _directory_files(path: Path) -> Iterator[Path]:
    for folder in (path, path / "data", path / "package" / "data"):
        if folder.is_dir():
            yield from sorted(p for p in folder.iterdir() if _FILE_NAME.match(p.name))
            return


def snapshot_files(path: Path, code_ids: set[str] | None = None) -> Iterator[tuple[str, Callable[[], bytes]]]:
    """(where, read bytes) for every snapshot file of one source, optionally only some codes."""
    path = Path(path)

    def wanted(name: str) -> bool:
        match = _FILE_NAME.match(Path(name).name)
        return match is not None and (code_ids is None or match.group(1) in code_ids)

    if path.is_dir():
        for file in _directory_files(path):
            if wanted(file.name):
                yield str(file), file.read_bytes
    elif path.name.lower().endswith((".tgz", ".tar.gz")):
        try:
            with tarfile.open(path, "r:gz") as archive:
                for member in archive:
                    if member.isfile() and wanted(member.name):
                        handle = archive.extractfile(member)
                        raw = handle.read() if handle else b""
                        yield f"{path}!{member.name}", lambda raw=raw: raw
        except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
            raise SourceError(str(path), f"paquet npm illisible ({error})") from None
    else:
        if not path.is_file():
            raise SourceError(str(path), "fichier introuvable")
        yield str(path), path.read_bytes


def iter_snapshots(paths: Iterable[Path], code_ids: set[str] | None = None) -> Iterator[Snapshot]:
    """Parse the snapshots of every source one at a time, so only one tree is in memory at once."""
    for path in paths:
        found = False
        for where, read in snapshot_files(Path(path), code_ids):
            found = True
            yield decode_snapshot(read(), where)
        if not found:
            raise SourceError(str(path), "aucun snapshot Légifrance (LEGITEXT….json) trouvé")
