"""Article page: one version's text with live citations, its history, and who cites it."""

from __future__ import annotations

from datetime import date

import streamlit as st

from corpus.code_names import CODE_IDENTITIES
from corpus.dating import later_change_notice
from corpus.model import ChangeRole, Version
from search.service import SearchService
from ui import params, render
from ui.params import Screen
from ui.views import timeline
from ui.views.nav import html

# Why a version can have no text: said the same way on every page that meets one.
METADATA_ONLY = (
    "Texte non disponible : cette version est connue par les métadonnées de Légifrance (dates, statut, "
    "texte modificatif) mais son texte ne figure dans aucun des instantanés consolidés chargés dans le "
    "corpus (ils couvrent surtout les versions en vigueur depuis 2020)."
)
CODE_TITLES = {code.code_id: code.title for code in CODE_IDENTITIES} | {
    alias: code.title for code in CODE_IDENTITIES for alias in code.alias_ids
}


def neighbours(versions: tuple[Version, ...], version: Version) -> tuple[Version | None, Version | None]:
    """The versions just before and just after `version` in the article's history."""
    ids = [v.version_id for v in versions]
    if version.version_id not in ids:
        return None, None
    index = ids.index(version.version_id)
    return (versions[index - 1] if index else None), (versions[index + 1] if index + 1 < len(ids) else None)


def nearest_with_text(versions: tuple[Version, ...], version: Version) -> list[tuple[str, Version]]:
    """The closest earlier and later versions whose text is known, each with how it relates."""
    ids = [v.version_id for v in versions]
    index = ids.index(version.version_id) if version.version_id in ids else 0
    earlier = next((v for v in reversed(versions[:index]) if v.text is not None), None)
    later = next((v for v in versions[index + 1 :] if v.text is not None), None)
    found = [("texte antérieur le plus proche", earlier), ("texte postérieur le plus proche", later)]
    return [(label, v) for label, v in found if v is not None]


def reference_day(version: Version, asked: date | None) -> date:
    """The day the page speaks of: the asked date if this version was in force then, else a day it was."""
    today = date.today()
    if asked and version.in_force_at(asked):
        return asked
    if version.in_force_at(today) or version.valid_from is None:
        return today
    return version.valid_from


def amending_links(version: Version) -> render.Markup:
    """The texts that made or ended this version, each linking to everything it changed that day."""
    items = []
    for amendment in version.amendments:
        day = version.valid_from if amendment.role is ChangeRole.CREATED else version.valid_to
        verb = "créée ou modifiée par" if amendment.role is ChangeRole.CREATED else "abrogée par"
        items.append(
            render.fragment(
                f"{verb} : ",
                render.link(params.changeset_url(amendment.text.text_id, day), amendment.text.title),
                f" ({amendment.article_in_text})" if amendment.article_in_text else "",
            )
        )
    if not items and version.start_uncertain is not None:
        return render.paragraph(
            render.text("texte modificatif inconnu : cette rédaction vient d'une capture du code, sans dates")
        )
    if not items:
        return render.paragraph(render.text("texte modificatif non renseigné dans la source"))
    return render.bullet_list(items, css="lx-meta")


def header(article: object, version: Version) -> render.Markup:
    return render.fragment(
        render.paragraph(render.text(article.code.title), "lx-title"),
        render.breadcrumb(version.section_path),
        render.paragraph(
            render.text(
                f"{render.version_validity(version)} · statut : {render.status_label(version.status)}"
            )
        ),
        amending_links(version),
    )


def missing(what: str) -> None:
    html(
        render.fragment(
            render.notices([what]),
            render.paragraph(render.link(params.url(Screen()), "Retour à la recherche")),
        )
    )


def show(service: SearchService, screen: Screen) -> None:
    version = service.version(screen.version) if screen.version else None
    html(render.notices(screen.notices))
    if version is None:
        missing("Version introuvable : le lien est incomplet ou cette version n'est pas dans le corpus.")
        return
    article = service.article_of(version.version_id)
    day = reference_day(version, screen.at)
    st.title(render.article_title(version.number))
    html(header(article, version))
    notice = later_change_notice(version.valid_to, version.end_uncertain, day)
    html(render.notices([notice] if notice else []))
    html(
        render.paragraph(
            render.join(
                [
                    render.link(
                        params.diff_url(version.version_id),
                        "Modifications (par rapport à la version précédente)",
                    ),
                    render.link(params.url(Screen(query=version.number)), "Chercher cet article"),
                ],
                " · ",
            ),
            "lx-links",
        )
    )
    st.subheader("Texte")
    if version.text is None:
        html(render.fragment(render.notices([METADATA_ONLY]), _nearest(article.versions, version)))
    else:
        spans = citation_spans(service, version, day)
        html(
            render.article_text(
                version.text, spans, breaks=render.paragraph_starts(version.text, version.html)
            )
        )
        html(
            render.paragraph(
                render.text(f"Liens de citation : versions en vigueur au {render.french_date(day)}.")
            )
        )
    if version.nota:
        with st.expander("Nota"):
            html(render.paragraph(render.text(version.nota), "lx-text"))
    st.subheader("Historique des versions")
    gaps = service.coverage_gaps(article.code.code_id)
    html(timeline.timeline(article.versions, version.version_id, gaps))
    st.subheader(f"Cité par (au {render.french_date(day)})")
    html(cited_by(service.cited_by(version.article_id, day), day))


def citation_spans(service: object, version: Version, day: date) -> list[tuple[int, int, str | None, str]]:
    """Each citation as (start, end, link to the cited version in force at `day` or None, tooltip)."""
    known = {code.code_id for code in service.codes()}
    spans = []
    for start, end, target_key, _kind, _detail in service.citations_in(version.version_id):
        code_id, _, number = (target_key or "").partition(":")
        if code_id and code_id not in known:
            title = CODE_TITLES.get(code_id, "ce code")
            tooltip = f"{title}, article {number} : ce code n'est pas chargé dans le corpus (pas de lien)."
            spans.append((start, end, None, tooltip))
            continue
        target = service.resolve_citation(target_key, day) if target_key else None
        if target is not None:
            spans.append((start, end, params.article_url(target.version_id, day), ""))
            continue
        gap = timeline.gap_at(service.coverage_gaps(code_id), day) if code_id else None
        if gap is not None:  # no source covers that day: the version in force then may just be missing
            tooltip = f"Article {number} au {render.french_date(day)} : {gap.label}."
        else:
            tooltip = (
                f"Article {number} : aucune version en vigueur au {render.french_date(day)} dans le corpus."
            )
        spans.append((start, end, None, tooltip if number else ""))
    return spans


def _nearest(versions: tuple[Version, ...], version: Version) -> render.Markup:
    links = [
        render.fragment(
            f"{label} : version {render.validity(v.valid_from, v.valid_to)} — ",
            render.link(params.article_url(v.version_id), "texte"),
        )
        for label, v in nearest_with_text(versions, version)
    ]
    return render.bullet_list(links, css="lx-meta") if links else render.Markup("")


def cited_by(rows: list, day: date) -> render.Markup:
    if not rows:
        return render.paragraph(
            render.text(
                f"Aucun article en vigueur au {render.french_date(day)} ne cite cet article dans le corpus."
            )
        )
    items = [
        render.fragment(
            render.link(params.article_url(row.version_id, day), render.article_title(row.article)),
            f" · {row.code} · "
            f"{render.validity(row.valid_from, row.valid_to, start=row.start_uncertain, end=row.end_uncertain)}",
        )
        for row in rows
    ]
    return render.bullet_list(items)
