"""Highlighting marks the original text, accent- and lemma-aware, and escapes everything else."""

from __future__ import annotations

from search.highlight import snippet
from search.matching import analyze_query
from search.query import parse_query


def _terms(query: str):
    return analyze_query(parse_query(query))


def test_accentless_query_marks_accented_words() -> None:
    html = str(snippet("La salariée déléguée syndicale est protégée.", _terms("deleguee")))
    assert "<mark>déléguée</mark>" in html


def test_phrase_is_marked_whole() -> None:
    html = str(snippet("Le congé de maternité est de seize semaines.", _terms('"congé de maternité"')))
    assert "<mark>congé de maternité</mark>" in html


def test_text_and_query_markup_are_escaped_with_only_mark_added() -> None:
    text = "Un texte <script>alert(1)</script> et <img src=x onerror=alert(1)> sur le licenciement."
    html = str(snippet(text, _terms("<script> licenciement")))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert html.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_snippet_centers_on_the_best_passage_and_marks_cuts() -> None:
    text = (
        ("Préambule sans rapport. " * 30)
        + "Le licenciement pour motif économique est motivé."
        + (" Suite." * 60)
    )
    html = str(snippet(text, _terms("licenciement économique")))
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>licenciement</mark>" in html and "<mark>économique</mark>" in html


def test_citation_spans_are_marked() -> None:
    text = "Dans les conditions de l'article L. 1233-3, le salarié est informé."
    start = text.index("L. 1233-3")
    html = str(snippet(text, _terms(""), [(start, start + len("L. 1233-3"))]))
    assert "<mark>L. 1233-3</mark>" in html
