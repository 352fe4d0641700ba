"""Article page: one version's text with live citations, its history, and who cites it."""

from __future__ import annotations

from datetime import date

import streamlit as st

from corpus.model import ChangeRole, Version
from search.service import SearchService
from ui import params, render
from ui.params import Screen
from ui.views.nav import html


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
    if not items:
        return render.paragraph(render.text("texte modificatif non renseigné dans la source"))
    return render.bullet_list(items, css="lx-meta")


def header(article: object, version: Version) -> render.Markup:
    return render.fragment(
        render.paragraph(render.text(article.code.title), "lx-title"),
        render.breadcrumb(version.section_path),
        render.paragraph(
            render.text(
                f"{render.validity(version.valid_from, version.valid_to, end_pending=version.valid_to_pending)}"
                f" · statut : {render.status_label(version.status)}"
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
    st.title(f"Article {version.number}")
    html(header(article, version))
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
        html(
            render.notices(
                ["Texte non disponible : cette version n'est connue que par ses métadonnées (dates, statut)."]
            )
        )
    else:
        spans = []
        for start, end, target_key, _kind, _detail in service.citations_in(version.version_id):
            target = service.resolve_citation(target_key, day) if target_key else None
            spans.append((start, end, params.article_url(target.version_id, day) if target else None))
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
    html(timeline(article.versions, version.version_id))
    st.subheader(f"Cité par (au {render.french_date(day)})")
    html(cited_by(service.cited_by(version.article_id, day), day))


def timeline(versions: tuple[Version, ...], current_id: str) -> render.Markup:
    """Every version, newest first, each with its text and diff links; metadata-only ones say so."""
    items = []
    current = None
    for index, version in enumerate(reversed(versions)):
        if version.version_id == current_id:
            current = index
        label = render.validity(version.valid_from, version.valid_to, end_pending=version.valid_to_pending)
        parts = [
            render.text(f"{label} · {render.status_label(version.status)}"),
            render.link(params.article_url(version.version_id), "texte"),
            render.link(params.diff_url(version.version_id), "modifications"),
        ]
        if version.text is None:
            parts.append(render.text("(connue par ses métadonnées seulement, sans texte)"))
        if version.version_id == current_id:
            parts.append(render.text("← version affichée"))
        items.append(render.join(parts, " · "))
    return render.bullet_list(items, css="lx-timeline", current=current)


def cited_by(rows: list, day: date) -> render.Markup:
    if not rows:
        return render.paragraph(
            render.text(
                f"Aucun article en vigueur au {render.french_date(day)} ne cite cet article dans le corpus."
            )
        )
    items = [
        render.fragment(
            render.link(params.article_url(row.version_id, day), f"Article {row.article}"),
            f" · {row.code} · {render.validity(row.valid_from, row.valid_to)}",
        )
        for row in rows
    ]
    return render.bullet_list(items)
