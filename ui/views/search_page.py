"""Search page: the query box, filters and facets, and result rows that lead to the article and its diff."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

import streamlit as st

from corpus.dating import later_change_notice
from corpus.merge import CoverageGap
from corpus.model import STATUS_LABELS_FR, Status
from corpus.store_summary import Coverage
from search.coverage import status_at
from search.service import SearchRequest, SearchService
from ui import params, render
from ui.api.checks import MAX_OFFSET
from ui.params import Screen
from ui.views.nav import bind, html
from ui.views.timeline import gap_at

PAGE_SIZE = 10
# The last page: as deep as the HTTP API goes (ui.api.checks.MAX_OFFSET). A deeper page groups copies among
# thousands of texts read for it (seconds: search.same_text), for rows nobody browses to.
LAST_PAGE = MAX_OFFSET // PAGE_SIZE + 1
ALL_LABELS = {"partie": "toutes les parties", "livre": "tous les livres"}
NAMED_CODES = 4  # the coverage line names up to this many codes; beyond, it counts them (72 on all codes)
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
    if screen.page > LAST_PAGE:
        notice = (
            f"Page {screen.page} trop lointaine : au plus {LAST_PAGE} pages de {PAGE_SIZE} résultats ; "
            "la dernière est affichée, affinez la recherche pour aller au-delà."
        )
        screen = replace(screen, page=LAST_PAGE, notices=(*screen.notices, notice))
    html(render.paragraph(render.text("Recherche dans le droit en vigueur et ses versions passées"), "lx-h1"))
    html(render.notices(screen.notices))
    _query_box(screen)
    html(coverage_line(service))
    filters = st.expander(f"Filtres : {_filter_summary(service, screen)}")
    results = service.search(request_for(screen)) if screen.query.strip() else None
    with filters:
        _filters(service, screen, dict(results.facets.get("status", ())) if results else {})
    if results is None:
        _empty_query()
        return
    _summary(service, screen, results)
    if results.total == 0 or (_unmatched(results) and not results.hits):
        _no_results(screen, results)
        return
    with filters:
        _facets(screen, results)
    html(render.join(_row(screen, hit) for hit in results.hits))  # one element: one Markdown pass
    _pagination(screen, results.total)


def number(value: int) -> str:
    """French digit grouping: 11 543."""
    return f"{value:,}".replace(",", "\u202f")


@lru_cache(maxsize=8)
def text_complete_since(service: SearchService, today: date, codes: tuple[str, ...]) -> date | None:
    """The earliest 1st of January (going back year by year) from which at least 99 % of the articles in
    force have their text; None when even today's law is not that complete. `codes` keys the cache (a
    corpus added to the store changes them); `lexsearch app` computes it while the page is loading."""
    since = None
    for coverage in reversed(service.coverage_on_new_years(1800, today.year)):
        if coverage.in_force == 0 or coverage.share < 0.99:
            break
        since = coverage.day
    return since


@lru_cache(maxsize=8)
def coverage_today(service: SearchService, today: date, codes: tuple[str, ...]) -> Coverage:
    """The coverage line's count, read once a day (a count over every version: 0.2 s on all codes)."""
    return service.coverage_at(today)


def coverage_line(service: SearchService) -> render.Markup:
    """Which codes and dates the corpus covers, and how much of the law in force has its text."""
    codes = service.codes()
    today = date.today()
    now = coverage_today(service, today, tuple(code.code_id for code in codes))
    names = (
        ", ".join(code.title for code in codes) or "aucun code"
        if len(codes) <= NAMED_CODES
        else f"{len(codes)} codes (la liste est dans les filtres)"
    )
    since = text_complete_since(service, today, tuple(code.code_id for code in codes))
    line = (
        f"Corpus : {names} · texte connu pour {number(now.with_text)} des {number(now.in_force)} articles "
        "en vigueur aujourd'hui"
    )
    if since:
        line += (
            f" ; texte complet depuis le {render.french_date(since)}, partiel avant (dates et statuts seuls)"
        )
    return render.paragraph(render.text(line + "."), "lx-coverage")


def _filter_summary(service: SearchService, screen: Screen) -> str:
    """The folded filters' label says which are active, so folding them hides nothing."""
    active = []
    if screen.all_versions:
        active.append("toutes les versions")
    if screen.code:
        titles = {code.code_id: code.title for code in service.codes()}
        active.append(titles.get(screen.code, screen.code))
    if screen.status:
        active.append(f"statut « {render.status_label(screen.status)} »")
    active += [value for value in (screen.partie, screen.livre) if value]
    return ", ".join(active) if active else "aucun actif"


def _unmatched(results: object) -> tuple[str, ...]:
    """Query words the engine says matched nothing (a field the relevance work may add)."""
    return tuple(getattr(results, "unmatched_terms", ()) or ())


def _row(screen: Screen, hit: object) -> render.Markup:
    others = tuple(
        (
            params.article_url(ref.version_id),
            render.validity(ref.valid_from, ref.valid_to, start=ref.start_uncertain, end=ref.end_uncertain),
        )
        for ref in hit.other_versions
    )
    amending_id = getattr(hit, "amending_text_id", None)
    day = None if screen.all_versions else (screen.at or date.today())
    later = later_change_notice(hit.valid_to, hit.end_uncertain, day) if day else None
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
        status_text=_status_then(screen, hit),
        notices_shown=[later] if later else [],
        same_text=tuple(
            (
                params.article_url(same.version_id, screen.at),
                f"{render.article_title(same.article)} ({same.code})",
            )
            for same in getattr(hit, "same_text", ())
        ),
    )


def _status_then(screen: Screen, hit: object) -> str | None:
    """At a past date, the status the version had then, with today's when it differs."""
    if screen.all_versions or screen.at is None:
        return None
    then = status_at(hit.status, hit.valid_from, hit.valid_to, screen.at, date.today())
    if then == hit.status:
        return None
    return f"{render.status_label(then)} à cette date (aujourd'hui : {render.status_label(hit.status)})"


def _query_box(screen: Screen) -> None:
    columns = st.columns([4, 1])
    columns[0].text_input(
        "Rechercher : mots, expression, ou référence (« L. 1233-3 ») — Entrée pour lancer",
        max_chars=params.MAX_QUERY_CHARS,
        placeholder="licenciement pour motif économique",
        **bind("q", screen.query, lambda typed: screen.with_(query=typed.strip(), page=1)),
    )
    columns[1].text_input(
        "en vigueur au (JJ/MM/AAAA)",
        placeholder="aujourd'hui",
        disabled=screen.all_versions,
        help="Entrée ou sortie du champ pour appliquer ; vide : aujourd'hui.",
        **bind("at", _day_shown(screen.at), lambda typed: _with_day(screen, typed)),
    )


def _day_shown(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def typed_day(typed: str) -> date | str | None:
    """A date typed in the box: JJ/MM/AAAA (or J/M/AAAA, JJ-MM-AAAA, AAAA-MM-JJ); "" is today (None); what
    cannot be read is returned as typed, for the URL parser to refuse with a notice."""
    value = typed.strip()
    if not value:
        return None
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", value)
    iso = f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}" if match else value
    return params.parse_day(iso) or value


def _with_day(screen: Screen, typed: object) -> Screen | dict[str, str]:
    day = typed_day(str(typed or ""))
    if isinstance(day, str):  # unreadable: the URL parser says so and searches today
        return {**params.to_params(screen.with_(at=None, page=1)), "at": day[:40]}
    return screen.with_(at=None if day == date.today() else day, page=1)


def _filters(service: SearchService, screen: Screen, status_counts: dict[str, int]) -> None:
    """All versions, code and status; the status list shows how many results each status has (at a past
    date, the status then)."""
    columns = st.columns([2, 3, 3])
    columns[0].checkbox(
        "toutes les versions",
        help="Chercher aussi dans les rédactions passées et futures, pas seulement celles en vigueur à la date.",
        **bind("all", screen.all_versions, lambda ticked: screen.with_(all_versions=bool(ticked), page=1)),
    )
    codes = {code.code_id: code.title for code in service.codes()}
    # "" stands for "no filter": a None selection would show Streamlit's empty placeholder instead.
    code_options = ["", *codes]
    if screen.code and screen.code not in codes:
        code_options.append(screen.code)
    columns[1].selectbox(
        "code",
        code_options,
        format_func=lambda value: codes.get(value, value) if value else "tous les codes",
        placeholder="choisir un code",
        **bind("code", screen.code or "", lambda code: screen.with_(code=code or None, page=1)),
    )
    status_options = ["", *(status.value for status in Status if status is not Status.UNKNOWN)]
    columns[2].selectbox(
        "statut",
        status_options,
        format_func=lambda value: (
            f"{STATUS_LABELS_FR[Status(value)]} ({status_counts[value]})"
            if value in status_counts
            else STATUS_LABELS_FR[Status(value)]
            if value
            else "tous les statuts"
        ),
        placeholder="choisir un statut",
        **bind("status", screen.status or "", lambda status: screen.with_(status=status or None, page=1)),
    )


def facet_counts(facets: dict) -> dict[str, dict[str, int]]:
    """Partie and livre counts; a top-level "Livre …" (an article outside any partie, as in the pre-2008
    numbering) is listed with the livres, not among the parties."""
    parties = dict(facets.get("partie", ()))
    livres = dict(facets.get("livre", ()))
    for value in [v for v in parties if not re.search(r"\bpartie\b", v.split(":")[0], re.IGNORECASE)]:
        livres[value] = livres.get(value, 0) + parties.pop(value)
    return {"partie": parties, "livre": livres}


def _facets(screen: Screen, results: object) -> None:
    columns = st.columns(2)
    sections = facet_counts(results.facets)
    for column, name in ((columns[0], "partie"), (columns[1], "livre")):
        counts = sections[name]
        current = getattr(screen, name)
        options = ["", *counts]
        if current and current not in counts:
            options.append(current)
        clear_livre = {"livre": None} if name == "partie" else {}
        column.selectbox(
            name,
            options,
            placeholder=f"choisir : {name}",
            format_func=lambda value, counts=counts, name=name: (
                f"{value} ({counts.get(value, 0)})" if value else ALL_LABELS[name]
            ),
            **bind(
                name,
                current or "",
                lambda value, name=name, clear=clear_livre: screen.with_(
                    **{name: value or None, **clear}, page=1
                ),
            ),
        )


def _summary(service: SearchService, screen: Screen, results: object) -> None:
    count = f"{results.total} résultat{'s' if results.total > 1 else ''}"
    if screen.all_versions:
        where = "toutes les versions"
    else:
        where = results.filter_description or "en vigueur aujourd'hui"
    parts = [render.paragraph(render.text(f"{count} ({results.took_ms:.0f} ms) · {where}"), "lx-count")]
    if screen.at and not screen.all_versions:
        parts.append(_dated_coverage(service, screen.at))
    if not screen.all_versions:
        parts.append(
            uncovered(service, screen.at or date.today(), {hit.code_id: hit.code for hit in results.hits})
        )
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


def uncovered(service: SearchService, day: date, codes: dict[str, str]) -> render.Markup:
    """The results' codes that no source covers at `day`, one line per span: "Code civil, Code de commerce :
    versions après avril 2015 non couvertes par nos sources". A span between two sources is a warning;
    the days after the last source (today, for a code whose latest snapshot is older) a quieter line."""
    by_gap: dict[CoverageGap, list[str]] = {}
    for code_id, title in codes.items():
        gap = gap_at(service.coverage_gaps(code_id), day)
        if gap is not None:
            by_gap.setdefault(gap, []).append(title)
    warnings, after_last = [], []
    for gap, titles in by_gap.items():
        line = (
            f"{', '.join(titles)} : {gap.label} ; au {render.french_date(day)}, des versions peuvent manquer"
        )
        (warnings if gap.before else after_last).append(line + " ou être sans texte.")
    return render.join(
        [
            render.notices(warnings),
            *(render.paragraph(render.text(line), "lx-coverage") for line in after_last),
        ]
    )


def _dated_coverage(service: SearchService, day: date) -> render.Markup:
    """How much of the law in force at `day` the corpus has the text of: a dated search looks only there."""
    coverage = service.coverage_at(day)
    if coverage.in_force == 0:
        return render.notices(
            [f"Le corpus ne contient aucun article en vigueur au {render.french_date(day)}."]
        )
    share = round(100 * coverage.share)
    line = (
        f"Au {render.french_date(day)}, le texte est connu pour {number(coverage.with_text)} des {number(coverage.in_force)} "
        f"articles en vigueur ({share} %) : la recherche ne porte que sur ceux-là."
    )
    return render.notices([line]) if share < 99 else render.paragraph(render.text(line), "lx-coverage")


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
    if _unmatched(results):
        message = render.text(
            "Aucun article ne correspond à « " + screen.query + " » : ses mots ne figurent dans aucun "
            "article du corpus."
        )
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
    if screen.page < min(pages, params.MAX_PAGE, LAST_PAGE):
        parts.append(render.link(params.url(screen.with_(page=screen.page + 1)), "page suivante →"))
    html(render.paragraph(render.join(parts, " · "), "lx-links"))
