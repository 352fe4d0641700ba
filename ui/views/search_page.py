"""Search page: the query box, filters and facets, and result rows that lead to the article and its diff."""

from __future__ import annotations

import math
from datetime import date

import streamlit as st

from corpus.model import STATUS_LABELS_FR, Status
from search.service import SearchRequest, SearchService
from ui import params, render
from ui.params import Screen
from ui.views.nav import bind, html

PAGE_SIZE = 10
EXAMPLES = ("licenciement pour motif économique", "L. 1233-3", "durée du travail 35 heures")


def request_for(screen: Screen) -> SearchRequest:
    """The service request a search screen stands for (partie/livre facets become one section filter)."""
    return SearchRequest(
        query=screen.query,
        at=None if screen.all_versions else screen.at,
        all_versions=screen.all_versions,
        code=screen.code,
        limit=PAGE_SIZE,
        offset=(screen.page - 1) * PAGE_SIZE,
        status=screen.status,
        section=screen.livre or screen.partie,
    )


def show(service: SearchService, screen: Screen) -> None:
    st.title("Recherche dans le droit en vigueur et ses versions passées")
    html(render.notices(screen.notices))
    _query_box(screen)
    results = service.search(request_for(screen)) if screen.query.strip() else None
    _filters(service, screen, dict(results.facets.get("status", ())) if results else {})
    if results is None:
        _empty_query()
        return
    _summary(screen, results)
    if results.total == 0:
        _no_results(screen, results)
        return
    _facets(screen, results)
    html(render.join(_row(screen, hit) for hit in results.hits))  # one element: one Markdown pass
    _pagination(screen, results.total)


def _row(screen: Screen, hit: object) -> render.Markup:
    others = tuple(
        (params.article_url(ref.version_id), render.validity(ref.valid_from, ref.valid_to))
        for ref in hit.other_versions
    )
    amending_id = getattr(hit, "amending_text_id", None)
    return render.hit(
        hit,
        article_href=params.article_url(hit.version_id, screen.at),
        diff_href=params.diff_url(hit.version_id),
        other_versions=others,
        amending_href=(
            params.changeset_url(amending_id, hit.valid_from)
            if amending_id and params.valid_text_id(amending_id)
            else None
        ),
    )


def _query_box(screen: Screen) -> None:
    st.text_input(
        "Rechercher (mots, expression, ou référence comme « L. 1233-3 ») — Entrée pour lancer",
        max_chars=params.MAX_QUERY_CHARS,
        placeholder="licenciement pour motif économique",
        **bind("q", screen.query, lambda typed: screen.with_(query=typed.strip(), page=1)),
    )


def _filters(service: SearchService, screen: Screen, status_counts: dict[str, int]) -> None:
    """Date, all versions, code and status; the status list shows how many results each status has."""
    today = date.today()
    columns = st.columns([2, 2, 3, 3])
    columns[0].date_input(
        "en vigueur au",
        min_value=params.MIN_DAY,
        max_value=params.MAX_DAY,
        format="DD/MM/YYYY",
        disabled=screen.all_versions,
        **bind(
            "at",
            screen.at or today,
            lambda day: screen.with_(at=None if day in (None, today) else day, page=1),
        ),
    )
    columns[1].checkbox(
        "toutes les versions",
        help="Chercher aussi dans les rédactions passées et futures, pas seulement celles en vigueur à la date.",
        **bind("all", screen.all_versions, lambda ticked: screen.with_(all_versions=bool(ticked), page=1)),
    )
    codes = {code.code_id: code.title for code in service.codes()}
    # "" stands for "no filter": a None selection would show Streamlit's empty placeholder instead.
    code_options = ["", *codes]
    if screen.code and screen.code not in codes:
        code_options.append(screen.code)
    columns[2].selectbox(
        "code",
        code_options,
        format_func=lambda value: codes.get(value, value) if value else "tous les codes",
        **bind("code", screen.code or "", lambda code: screen.with_(code=code or None, page=1)),
    )
    status_options = ["", *(status.value for status in Status if status is not Status.UNKNOWN)]
    columns[3].selectbox(
        "statut",
        status_options,
        format_func=lambda value: (
            f"{STATUS_LABELS_FR[Status(value)]} ({status_counts[value]})"
            if value in status_counts
            else STATUS_LABELS_FR[Status(value)]
            if value
            else "tous les statuts"
        ),
        **bind("status", screen.status or "", lambda status: screen.with_(status=status or None, page=1)),
    )


def _facets(screen: Screen, results: object) -> None:
    columns = st.columns(2)
    for column, name in ((columns[0], "partie"), (columns[1], "livre")):
        counts = dict(results.facets.get(name, ()))
        current = getattr(screen, name)
        options = ["", *counts]
        if current and current not in counts:
            options.append(current)
        clear_livre = {"livre": None} if name == "partie" else {}
        column.selectbox(
            name,
            options,
            format_func=lambda value, counts=counts, name=name: (
                f"{value} ({counts.get(value, 0)})" if value else f"toutes les {name}s"
            ),
            **bind(
                name,
                current or "",
                lambda value, name=name, clear=clear_livre: screen.with_(
                    **{name: value or None, **clear}, page=1
                ),
            ),
        )


def _summary(screen: Screen, results: object) -> None:
    count = f"{results.total} résultat{'s' if results.total > 1 else ''}"
    if screen.all_versions:
        where = "toutes les versions"
    else:
        where = results.filter_description or "en vigueur aujourd'hui"
    parts = [render.paragraph(render.text(f"{count} ({results.took_ms:.0f} ms) · {where}"), "lx-count")]
    if results.understood_references:
        parts.append(
            render.paragraph(render.text("Référence comprise : " + ", ".join(results.understood_references)))
        )
    parts.append(render.notices(results.notices))
    if results.suggestion:
        parts.append(
            render.paragraph(
                render.fragment(
                    "Vouliez-vous dire : ",
                    render.link(
                        params.url(screen.with_(query=results.suggestion, page=1)), results.suggestion
                    ),
                    " ?",
                )
            )
        )
    html(render.join(parts))


def _no_results(screen: Screen, results: object) -> None:
    removals = []
    if screen.at and not screen.all_versions:
        removals.append(("la date (chercher en vigueur aujourd'hui)", screen.with_(at=None)))
    if not screen.all_versions:
        removals.append(("chercher dans toutes les versions", screen.with_(all_versions=True)))
    if screen.code:
        removals.append(("le filtre de code", screen.with_(code=None)))
    if screen.status:
        removals.append(("le filtre de statut", screen.with_(status=None)))
    if screen.partie or screen.livre:
        removals.append(("les filtres partie/livre", screen.with_(partie=None, livre=None)))
    message = render.text("Aucun résultat pour « " + screen.query + " ».")
    items = [render.link(params.url(target.with_(page=1)), label) for label, target in removals]
    body = render.paragraph(message)
    if items:
        body = render.fragment(body, render.paragraph(render.text("Essayez : ")), render.bullet_list(items))
    html(body)


def _empty_query() -> None:
    examples = [render.link(params.url(Screen(query=example)), example) for example in EXAMPLES]
    html(
        render.fragment(
            render.paragraph(
                render.text(
                    "Tapez des mots ou une référence d'article puis Entrée. Par défaut on cherche le texte en "
                    "vigueur aujourd'hui ; cochez « toutes les versions » pour retrouver une rédaction passée."
                )
            ),
            render.paragraph(render.text("Exemples :")),
            render.bullet_list(examples),
        )
    )


def _pagination(screen: Screen, total: int) -> None:
    pages = max(1, math.ceil(total / PAGE_SIZE))
    if pages == 1:
        return
    parts = []
    if screen.page > 1:
        parts.append(render.link(params.url(screen.with_(page=screen.page - 1)), "← page précédente"))
    parts.append(render.text(f"page {screen.page} sur {pages}"))
    if screen.page < min(pages, params.MAX_PAGE):
        parts.append(render.link(params.url(screen.with_(page=screen.page + 1)), "page suivante →"))
    html(render.paragraph(render.join(parts, " · "), "lx-links"))
