"""Diff page ("Modifications"): what one version changed in the article, word by word, and by which text;
inline (a redline) or old | new side by side (`layout=columns`), and what replaced it."""

from __future__ import annotations

import streamlit as st

from corpus.dating import span, stated
from corpus.model import DatePrecision, Version
from search.diff import diff_words
from search.service import SearchService
from ui import params, render, render_diff
from ui.params import Screen
from ui.views.article_page import METADATA_ONLY, amending_links, missing, neighbours
from ui.views.nav import html


def baseline(versions: tuple[Version, ...], version: Version) -> tuple[Version | None, Version | None]:
    """(the version this one replaced, the latest earlier version whose text is known) — often the same."""
    earlier = []
    for candidate in versions:
        if candidate.version_id == version.version_id:
            break
        earlier.append(candidate)
    previous = earlier[-1] if earlier else None
    with_text = next((v for v in reversed(earlier) if v.text is not None), None)
    return previous, with_text


def paragraph_text(version: Version) -> str:
    """The version's text with a line break at each paragraph start (from its source HTML), so the diff
    keeps the paragraphs."""
    body = version.text or ""
    starts = render.paragraph_starts(body, version.html)
    pieces, cursor = [], 0
    for start in starts:
        pieces.append(body[cursor:start].rstrip())
        cursor = start
    pieces.append(body[cursor:])
    return "\n".join(pieces)


def change_summary(
    versions: tuple[Version, ...], version: Version, *, collapse: str, context: int, layout: str = "inline"
) -> render.Markup:
    """The diff of `version` against what it replaced, or the sentence saying why there is none to show."""
    previous, compared = baseline(versions, version)
    if previous is None:
        note = "Création de l'article : c'est sa première version connue, il n'y a pas de version précédente."
        body = (
            render.article_text(version.text, [], breaks=render.paragraph_starts(version.text, version.html))
            if version.text
            else render.notices([METADATA_ONLY])
        )
        return render.fragment(render.paragraph(render.text(note)), body)
    if version.text is None or compared is None:
        which = "de cette version" if version.text is None else "des versions précédentes"
        note = (
            f"Comparaison impossible : le texte {which} n'est pas dans le corpus. "
            "Ces versions sont connues par les métadonnées de Légifrance (dates, statut, texte modificatif) : "
            "leur texte n'est dans aucun des instantanés consolidés chargés."
        )
        body = render.article_text(version.text, []) if version.text else render.Markup("")
        return render.fragment(render.notices([note]), body)
    parts = []
    if compared is not previous:
        parts.append(
            render.notices(
                [
                    f"Le texte de la version précédente ({render.version_validity(previous)}) "
                    "n'est pas connu : comparaison avec la dernière version antérieure dont le texte est connu "
                    f"({render.version_validity(compared)})."
                ]
            )
        )
    result = diff_words(paragraph_text(compared), paragraph_text(version))
    if not result.changed:
        parts.append(
            render.paragraph(
                render.text(
                    "Texte identique à la version comparée, aux espaces près (seules les métadonnées changent)."
                )
            )
        )
        return render.fragment(*parts)
    parts.append(
        render.paragraph(
            render.text(f"+{result.inserted_words} mots ajoutés, −{result.deleted_words} mots supprimés")
        )
    )
    if layout == "columns":
        parts.append(
            render_diff.diff_columns(
                result,
                old_label=f"Avant : version {render.validity(compared.valid_from, compared.valid_to)}",
                new_label=f"Après : version {render.validity(version.valid_from, version.valid_to)}",
            )
        )
    else:
        parts.append(render_diff.diff(result, collapse=collapse, context=context))
    return render.fragment(*parts)


def _layout_switch(screen: Screen) -> render.Markup:
    """Inline redline or side by side, each a link (the choice lives in the URL)."""
    choices = []
    for layout, label in (("inline", "en ligne (texte annoté)"), ("columns", "côte à côte (avant | après)")):
        if layout == screen.layout:
            choices.append(
                render.Markup('<strong aria-current="true">{}</strong>').format(render.text(label))
            )
        else:
            choices.append(render.link(params.diff_url(screen.version or "", layout), label))
    return render.paragraph(render.fragment("Présentation : ", render.join(choices, " · ")), "lx-links")


def _links(version: Version, previous: Version | None, following: Version | None) -> render.Markup:
    links = [render.link(params.article_url(version.version_id), "texte de cette version")]
    if previous:
        links.append(render.link(params.article_url(previous.version_id), "texte de la version précédente"))
    parts = [render.paragraph(render.join(links, " · "), "lx-links")]
    if following:
        period = render.validity(following.valid_from, following.valid_to)
        parts.append(
            render.paragraph(
                render.fragment(
                    f"Remplacée par la version {period} : ",
                    render.link(params.diff_url(following.version_id), "ce qu'elle a changé"),
                    " · ",
                    render.link(params.article_url(following.version_id), "son texte"),
                ),
                "lx-links",
            )
        )
    return render.fragment(*parts)


def uncertain_change(version: Version, previous: Version | None) -> render.Markup:
    """When the change happened on a day no source gives, the span it lies in, said first."""
    if version.start_uncertain is None or version.valid_from is None:
        return render.Markup("")
    since = (
        f"nos sources montrent la rédaction précédente jusqu'au {render.french_date(version.start_uncertain.after)}"
        if previous is not None and version.start_uncertain.after is not None
        else "aucune source ne montre de rédaction antérieure"
    )
    precision = version.start_uncertain.precision
    captured = ("de " if precision is DatePrecision.MONTH else "du ") + stated(version.valid_from, precision)
    when = span(version.start_uncertain, version.valid_from)
    return render.notices(
        [f"Changement intervenu {when} : {since}, et celle-ci dans une capture {captured}."]
    )


def show(service: SearchService, screen: Screen) -> None:
    html(render.notices(screen.notices))
    version = service.version(screen.version) if screen.version else None
    if version is None:
        missing("Version introuvable : impossible d'afficher ses modifications.")
        return
    article = service.article_of(version.version_id)
    previous, _ = baseline(article.versions, version)
    _, following = neighbours(article.versions, version)
    st.title(f"Modifications — {render.article_title(version.number)}")
    period = render.version_validity(version)
    replaced = (
        f"remplace la version {render.version_validity(previous)}"
        if previous
        else "première version de l'article"
    )
    html(
        render.fragment(
            render.paragraph(render.text(f"{article.code.title} · version {period} · {replaced}")),
            render.breadcrumb(version.section_path),
            uncertain_change(version, previous),
            amending_links(version),
            _links(version, previous, following),
        )
    )
    if version.text is not None and previous is not None:
        html(render.fragment(_layout_switch(screen), render_diff.LEGEND))
    html(change_summary(article.versions, version, collapse="details", context=15, layout=screen.layout))
