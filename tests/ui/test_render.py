"""ui.render: the only HTML the app makes; everything from the corpus or the user arrives escaped."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.diff import diff_words
from ui import params, render, render_diff

HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "[clic](javascript:alert(1))",
    "**gras** _it_ :material/home: $x^2$ \n\n<b>x</b>",
)
APP_TAGS = {"div", "span", "a", "mark", "ins", "del", "details", "summary", "ul", "li", "br", "strong"}
APP_TAGS |= {"table", "thead", "tbody", "tr", "th", "td"}  # the side-by-side diff


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def parsed(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(str(markup))
    parser.close()
    return parser


def assert_only_app_markup(markup: str) -> None:
    found = parsed(markup)
    assert {tag for tag, _ in found.tags} <= APP_TAGS
    for _tag, attrs in found.tags:
        assert not any(name.startswith("on") for name in attrs)
        assert attrs.get("href", "?").startswith("?")
    assert "\n" not in str(markup), "a newline could end Streamlit's raw-HTML block"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2018, 1, 1), "1er janvier 2018"),
        (date(2020, 8, 15), "15 août 2020"),
        (date(2024, 12, 31), "31 décembre 2024"),
        (None, "date non fixée"),
    ],
)
def test_french_dates(day: date | None, expected: str) -> None:
    assert render.french_date(day) == expected


def test_validity_phrases() -> None:
    assert render.validity(date(2018, 1, 1), None) == "en vigueur depuis le 1er janvier 2018"
    assert render.validity(date(2018, 1, 1), date(2020, 3, 3)) == "du 1er janvier 2018 au 3 mars 2020"
    assert render.validity(None, None) == "entrée en vigueur non fixée"
    assert render.validity(date(2998, 1, 1), None).startswith("en vigueur à compter du")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_reaches_the_page_as_text(hostile: str) -> None:
    markup = render.paragraph(render.text(hostile))
    assert_only_app_markup(markup)
    assert "".join(parsed(markup).data) == hostile


@pytest.mark.parametrize("hostile", HOSTILE)
def test_snippet_keeps_only_mark_tags(hostile: str) -> None:
    markup = render.snippet(f"avant <mark>licenciement</mark> {hostile} après")
    found = parsed(markup)
    assert [tag for tag, _ in found.tags] == ["div", "mark"]
    assert hostile in "".join(found.data)


def test_citations_become_links_and_the_rest_stays_text() -> None:
    body = "Voir l'article L. 1233-3 <script>x</script> et L. 9999-9."
    start = body.index("L. 1233-3")
    unresolved = body.index("L. 9999-9")
    markup = render.article_text(
        body,
        [
            (start, start + 9, "?view=article&version=LEGIARTI000036762081"),
            (unresolved, unresolved + 9, None),
        ],
    )
    assert_only_app_markup(markup)
    links = [attrs for tag, attrs in parsed(markup).tags if tag == "a"]
    assert links == [
        {"href": "?view=article&version=LEGIARTI000036762081", "target": "_self", "class": "lx-cite"}
    ]
    assert "".join(parsed(markup).data) == body


def test_overlapping_citation_spans_keep_the_first() -> None:
    markup = render.article_text("L. 1233-3 à L. 1233-5", [(0, 9, "?a"), (5, 21, "?b"), (12, 21, "?c")])
    hrefs = [attrs["href"] for tag, attrs in parsed(markup).tags if tag == "a"]
    assert hrefs == ["?a", "?c"]


def test_links_outside_the_app_are_refused() -> None:
    with pytest.raises(ValueError):
        render.link("javascript:alert(1)", "x")
    with pytest.raises(ValueError):
        render.link("https://example.org", "x")


def test_diff_marks_changes_with_tags_and_visible_signs() -> None:
    markup = str(
        render_diff.diff(diff_words("informe Pôle emploi sans délai", "informe France Travail sans délai"))
    )
    assert re.search(r"<del [^>]*>.*Pôle emploi.*</del>", markup)
    assert re.search(r"<ins [^>]*>.*France Travail.*</ins>", markup)
    assert "[−" in markup and "[+" in markup  # not by colour alone
    assert_only_app_markup(markup)


def test_long_unchanged_runs_are_folded() -> None:
    same = " ".join(f"mot{i}" for i in range(200))
    result = diff_words(same + " ancien", same + " nouveau")
    folded = str(render_diff.diff(result, collapse="details", context=5))
    assert "<details>" in folded and "mots inchangés" in folded
    assert "mot100" in folded  # still there, inside the collapsible part
    compact = str(render_diff.diff(result, collapse="gap", context=5))
    assert "mot100" not in compact and "195 mots inchangés" in compact


@given(st.text(), st.text())
def test_any_diff_is_only_app_markup(old: str, new: str) -> None:
    assert_only_app_markup(render_diff.diff(diff_words(old, new)))


def test_hit_row_escapes_every_field() -> None:
    evil = "<img src=x onerror=alert(1)>"
    row = SimpleNamespace(
        article=evil,
        code=evil,
        section_path=(evil, "Livre II"),
        snippet=f"<mark>{evil}</mark>",
        valid_from=date(2018, 1, 1),
        valid_to=None,
        status="in_force",
        amending_text=evil,
    )
    markup = render.hit(
        row, article_href="?view=article&version=X", diff_href="?view=diff&version=X", other_versions=()
    )
    assert_only_app_markup(markup)
    assert "en vigueur depuis le 1er janvier 2018" in "".join(parsed(markup).data)
    assert "".join(parsed(markup).data).count(evil) == 5


def test_paragraphs_of_the_source_html_become_line_breaks_outside_citations() -> None:
    body = "Constitue un licenciement : 1° A des difficultés ; 2° A des mutations, voir L. 1233-4."
    source = "<p>Constitue un licenciement :</p><p>1° A des difficultés ;</p><p>2° A des mutations, voir L. 1233-4.</p>"
    starts = render.paragraph_starts(body, source)
    assert starts == [body.index("1°"), body.index("2°")]
    cite = body.index("L. 1233-4")
    markup = str(render.article_text(body, [(cite, cite + 9, "?x")], breaks=[*starts, cite + 3]))
    assert markup.count("<br>") == 2
    assert_only_app_markup(markup)
    assert "".join(parsed(markup).data) == body


def test_blank_lines_of_plain_sources_are_kept() -> None:
    markup = render.article_text("Premier alinéa.\n\nSecond alinéa.", [])
    assert str(markup).count("<br>") == 2
    assert "".join(parsed(markup).data) == "Premier alinéa.Second alinéa."


def test_a_hit_at_a_past_date_shows_the_status_then_and_fits_in_four_blocks() -> None:
    from ui.views.search_page import _status_then

    row = SimpleNamespace(
        article="L1233-3",
        code="Code du travail",
        valid_from=date(2016, 12, 1),
        valid_to=date(2017, 9, 24),
        status="modified",
        snippet="le <mark>licenciement</mark>",
        section_path=("Partie législative", "Première partie", "Livre II", "Titre III", "Chapitre III"),
        amending_text=None,
    )
    screen = params.Screen(query="licenciement", at=date(2017, 1, 1))
    status = _status_then(screen, row)
    assert status == "en vigueur à cette date (aujourd'hui : modifié)"
    markup = str(render.hit(row, article_href="?a", diff_href="?d", other_versions=(), status_text=status))
    assert "en vigueur à cette date" in markup
    assert "… › Titre III › Chapitre III" in markup  # the path shortened, whole in its <details>
    assert markup.count('<div class="lx-') <= 4


def test_a_citation_of_a_code_not_loaded_is_a_reference_with_a_tooltip_not_a_link() -> None:
    body = "voir l'article L. 626-29 du code de commerce"
    tooltip = "Code de commerce, article L626-29 : ce code n'est pas chargé dans le corpus (pas de lien)."
    markup = str(render.article_text(body, [(5, 24, None, tooltip)]))
    assert '<span class="lx-ref" title="Code de commerce, article L626-29 : ce code' in markup
    assert "<a " not in markup


def test_an_annex_is_titled_by_itself() -> None:
    assert render.article_title("Annexe I à l'article R4312-1") == "Annexe I à l'article R4312-1"
    assert render.article_title("annexe") == "Annexe"
    assert render.article_title("L1233-3") == "Article L1233-3"


def test_side_by_side_rows_hold_paragraphs_in_two_cells() -> None:
    result = diff_words("Premier.\nSecond ancien.", "Premier.\nSecond nouveau.")
    markup = str(render_diff.diff_columns(result, old_label="Avant", new_label="Après"))
    assert markup.count("<tr class=") == 2 and markup.count("<td>") == 4
    assert "<del> ancien</del>" in markup and "<ins> nouveau</ins>" in markup
    assert_only_app_markup(
        render_diff.diff_columns(diff_words("<b>x</b>", "<i>y</i>"), old_label="<", new_label=">")
    )


def test_articles_of_the_same_text_are_folded_under_the_hit_as_links() -> None:
    row = SimpleNamespace(
        article="L1",
        code="Code d'essai",
        section_path=("Partie",),
        snippet="",
        valid_from=date(2018, 1, 1),
        valid_to=None,
        status="in_force",
        amending_text=None,
    )
    evil = "<script>x</script>"
    same = (("?view=article&version=V7", f"Article L7 ({evil})"),)
    markup = render.hit(row, article_href="?a", diff_href="?d", other_versions=(), same_text=same)
    assert_only_app_markup(markup)
    assert "même texte dans 1 autre article" in "".join(parsed(markup).data)
    assert "?view=article&amp;version=V7" in str(markup) and evil not in str(markup)
    assert "même texte" not in str(render.hit(row, article_href="?a", diff_href="?d", other_versions=()))
