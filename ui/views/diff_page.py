"""Diff page ("Modifications"): what one version changed in the article, word by word, and by which text."""

from __future__ import annotations

import streamlit as st

from corpus.model import Version
from search.diff import diff_words
from search.service import SearchService
from ui import params, render
from ui.params import Screen
from ui.views.article_page import amending_links, missing
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


def change_summary(
    versions: tuple[Version, ...], version: Version, *, collapse: str, context: int
) -> render.Markup:
    """The diff of `version` against what it replaced, or the sentence saying why there is none to show."""
    previous, compared = baseline(versions, version)
    if previous is None:
        note = "Création de l'article : c'est sa première version connue, il n'y a pas de version précédente."
        body = (
            render.article_text(version.text, [], breaks=render.paragraph_starts(version.text, version.html))
            if version.text
            else render.Markup("")
        )
        return render.fragment(render.paragraph(render.text(note)), body)
    if version.text is None or compared is None:
        which = "de cette version" if version.text is None else "des versions précédentes"
        note = (
            f"Comparaison impossible : le texte {which} n'est pas dans le corpus "
            "(versions connues par leurs métadonnées seulement)."
        )
        body = render.article_text(version.text, []) if version.text else render.Markup("")
        return render.fragment(render.notices([note]), body)
    parts = []
    if compared is not previous:
        parts.append(
            render.notices(
                [
                    f"Le texte de la version précédente ({render.validity(previous.valid_from, previous.valid_to)}) "
                    "n'est pas connu : comparaison avec la dernière version antérieure dont le texte est connu "
                    f"({render.validity(compared.valid_from, compared.valid_to)})."
                ]
            )
        )
    result = diff_words(compared.text, version.text)
    if not result.changed:
        parts.append(
            render.paragraph(
                render.text("Texte identique à la version comparée (seules les métadonnées changent).")
            )
        )
        return render.fragment(*parts)
    parts.append(
        render.paragraph(
            render.text(f"+{result.inserted_words} mots ajoutés, −{result.deleted_words} mots supprimés")
        )
    )
    parts.append(render.diff(result, collapse=collapse, context=context))
    return render.fragment(*parts)


def show(service: SearchService, screen: Screen) -> None:
    html(render.notices(screen.notices))
    version = service.version(screen.version) if screen.version else None
    if version is None:
        missing("Version introuvable : impossible d'afficher ses modifications.")
        return
    article = service.article_of(version.version_id)
    previous, _ = baseline(article.versions, version)
    st.title(f"Modifications de l'article {version.number}")
    period = render.validity(version.valid_from, version.valid_to, end_pending=version.valid_to_pending)
    replaced = (
        f"remplace la version {render.validity(previous.valid_from, previous.valid_to)}"
        if previous
        else "première version de l'article"
    )
    html(
        render.fragment(
            render.paragraph(render.text(f"{article.code.title} · version {period} · {replaced}")),
            render.breadcrumb(version.section_path),
            amending_links(version),
            render.paragraph(
                render.join(
                    [
                        render.link(params.article_url(version.version_id), "texte de cette version"),
                        *(
                            [
                                render.link(
                                    params.article_url(previous.version_id), "texte de la version précédente"
                                )
                            ]
                            if previous
                            else []
                        ),
                    ],
                    " · ",
                ),
                "lx-links",
            ),
        )
    )
    html(render.LEGEND)
    html(change_summary(article.versions, version, collapse="details", context=15))
