"""Changeset page: everything one amending text created, modified or repealed on one day, each with its diff."""

from __future__ import annotations

import math

import streamlit as st

from corpus.model import ChangeRole, ChangesetEntry
from search.service import SearchService
from ui import params, render, render_diff
from ui.params import Screen
from ui.views.article_page import missing
from ui.views.diff_page import change_summary
from ui.views.nav import html

PAGE_SIZE = 20


def by_article(entries: tuple[ChangesetEntry, ...]) -> list[ChangesetEntry]:
    """One entry per article: a version it created wins over the version it ended the same day."""
    chosen: dict[str, ChangesetEntry] = {}
    for entry in entries:
        known = chosen.get(entry.version.article_id)
        if known is None or (known.role is ChangeRole.ENDED and entry.role is ChangeRole.CREATED):
            chosen[entry.version.article_id] = entry
    return list(chosen.values())


def action(entry: ChangesetEntry) -> str:
    if entry.role is ChangeRole.ENDED:
        return f"fin de version ({render.status_label(entry.version.status)})"
    return "modifié" if entry.previous_version_id else "créé"


def show(service: SearchService, screen: Screen) -> None:
    html(render.notices(screen.notices))
    changeset = service.changeset(screen.text, screen.day) if screen.text else None
    if changeset is None:
        missing("Aucun changement connu pour ce texte à cette date.")
        return
    text = changeset.text
    st.title(text.title)
    dates = []
    if text.signed_on:
        dates.append(f"signé le {render.french_date(text.signed_on)}")
    if text.published_on:
        dates.append(f"publié le {render.french_date(text.published_on)}")
    dates.append(
        f"changements en vigueur le {render.french_date(changeset.effective_on)}"
        if changeset.effective_on
        else "date d'effet non fixée"
    )
    entries = by_article(changeset.entries)
    html(
        render.fragment(
            render.paragraph(render.text(" · ".join(filter(None, [text.nature, text.text_id, *dates])))),
            render.paragraph(
                render.text(f"Ce qui a changé : {len(entries)} article{'s' if len(entries) > 1 else ''}"),
                "lx-title",
            ),
            render_diff.LEGEND,
        )
    )
    pages = max(1, math.ceil(len(entries) / PAGE_SIZE))
    page = min(screen.page, pages)
    for entry in entries[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]:
        version = entry.version
        head = render.fragment(
            render.paragraph(
                render.text(f"{render.article_title(version.number)} — {action(entry)}"), "lx-title"
            ),
            render.breadcrumb(version.section_path),
            render.paragraph(
                render.join(
                    [
                        render.text(render.version_validity(version)),
                        render.link(params.article_url(version.version_id), "Article"),
                        render.link(params.diff_url(version.version_id), "Modifications"),
                    ],
                    " · ",
                ),
                "lx-links",
            ),
        )
        if entry.role is ChangeRole.ENDED:
            body = render.paragraph(
                render.text(f"Version en vigueur {render.version_validity(version)}, terminée ce jour.")
            )
        else:
            body = change_summary(
                tuple(service.versions_of(version.article_id)), version, collapse="gap", context=8
            )
        html(render.paragraph(render.fragment(head, body), "lx-hit"))
    if pages > 1:
        parts = []
        if page > 1:
            parts.append(render.link(params.url(screen.with_(page=page - 1)), "← articles précédents"))
        parts.append(render.text(f"page {page} sur {pages}"))
        if page < pages:
            parts.append(render.link(params.url(screen.with_(page=page + 1)), "articles suivants →"))
        html(render.paragraph(render.join(parts, " · "), "lx-links"))
