"""Article bodies as the markdown sources hold them: plain paragraphs, `<div>`, `<br/>`, tables, links (shapes
seen in the Code civil export and the CPI; the animaux body is article 515-14 verbatim)."""

from __future__ import annotations

import pytest

from corpus.article_body import collapse_blanks, split_body

BODIES = [
    # body, expected text, html kept?
    (
        "Premier alinéa.\n\n\n\nSecond alinéa.  \n",
        "Premier alinéa.\n\nSecond alinéa.",
        False,
    ),
    (
        '<div align="left">Les  animaux sont des êtres vivants doués de sensibilité. Sous réserve des  lois qui les '
        "protègent, les animaux sont soumis au régime des biens.</div>",
        "Les animaux sont des êtres vivants doués de sensibilité. Sous réserve des lois qui les protègent, les "
        "animaux sont soumis au régime des biens.",
        True,
    ),
    (
        "Le bailleur est appelé à l'instance. <br/>\nLe juge apprécie la demande.",
        "Le bailleur est appelé à l'instance.\n\nLe juge apprécie la demande.",
        True,
    ),
    (
        "<table><tr><th>NATURE DES INDICATIONS</th><td>20..</td></tr></table>",
        "NATURE DES INDICATIONS 20..",
        True,
    ),
    (
        "<p>Dommages &amp; intérêts : <a href='/code-civil/1231-1.md'>l'article 1231-1</a>.</p>",
        "Dommages & intérêts : l'article 1231-1.",
        True,
    ),
    ("Un montant < 10 % reste du texte.", "Un montant < 10 % reste du texte.", False),
]


@pytest.mark.parametrize(("body", "text", "has_html"), BODIES)
def test_body_gives_plain_text_and_keeps_its_html(body, text, has_html):
    found_text, html = split_body(body)
    assert found_text == text
    assert (html == body.strip()) if has_html else html is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'avis du             comité social", "l'avis du comité social"),
        ("Premier alinéa.\n\nSecond  alinéa.", "Premier alinéa.\n\nSecond alinéa."),
        ("un\u00a0 espace insécable", "un espace insécable"),
        ("", ""),
        (None, None),
    ],
)
def test_runs_of_blanks_collapse_to_one_space_and_line_breaks_stay(text, expected) -> None:
    assert collapse_blanks(text) == expected
