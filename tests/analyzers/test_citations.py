"""The citation tokenizer, form by form, on real strings from the seeds and the codes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzers.citations import (
    CODE_ARTICLE,
    OTHER_TEXT,
    find_citations,
    order_key,
    resolve_code,
)

TRAVAIL = "Code du travail"

# (text, default code, expected [(code, articles, detail)] for code articles, in order)
FORMS = [
    ("L. 1233-3", TRAVAIL, [(TRAVAIL, ("L1233-3",), None)]),
    ("L1233-3", TRAVAIL, [(TRAVAIL, ("L1233-3",), None)]),
    ("l1233-3", None, [(None, ("L1233-3",), None)]),
    ("L.\u00a01233-3", TRAVAIL, [(TRAVAIL, ("L1233-3",), None)]),
    ("article L.\u202f1233-3", TRAVAIL, [(TRAVAIL, ("L1233-3",), None)]),
    ("prévues à l'article R. 611-47-1", "Code de commerce", [("Code de commerce", ("R611-47-1",), None)]),
    ("les articles D. 3141-9 et D. 3141-10", TRAVAIL, [(TRAVAIL, ("D3141-9", "D3141-10"), None)]),
    ("de l'article 1343-5 du code civil", "Code de commerce", [("Code civil", ("1343-5",), None)]),
    ("de l'article 1343-5 du Code Civil", None, [("Code civil", ("1343-5",), None)]),
    (
        "articles L. 626-29 et L. 626-30",
        "Code de commerce",
        [("Code de commerce", ("L626-29", "L626-30"), None)],
    ),
    ("articles L. 1, L. 2 et L. 3", TRAVAIL, [(TRAVAIL, ("L1", "L2", "L3"), None)]),
    ("L. 5422-1 et suivants du code du travail", "Code de commerce", [(TRAVAIL, ("L5422-1",), None)]),
    ("l'article L. 626-6 du présent code", "Code de commerce", [("Code de commerce", ("L626-6",), None)]),
    (
        "à l'article L. 355-1 du code de la sécurité sociale ; au troisième alinéa de l'article L. 434-2 du même code",
        TRAVAIL,
        [
            ("Code de la sécurité sociale", ("L355-1",), None),
            ("Code de la sécurité sociale", ("L434-2",), "troisième alinéa"),
        ],
    ),
    ("l'article L. 3311-1 du présent code", TRAVAIL, [(TRAVAIL, ("L3311-1",), None)]),
    (
        "au sens de l'article L. 233-16 du code de commerce",
        TRAVAIL,
        [("Code de commerce", ("L233-16",), None)],
    ),
    ("article L. 1233-3 C. trav.", None, [(TRAVAIL, ("L1233-3",), None)]),
    ("art. L. 233-3 C. com.", None, [("Code de commerce", ("L233-3",), None)]),
    ("art. L. 242-1 CSS", None, [("Code de la sécurité sociale", ("L242-1",), None)]),
    ("art. 1240 C. civ.", None, [("Code civil", ("1240",), None)]),
    ("1343-5 code civil", None, [("Code civil", ("1343-5",), None)]),
    ("délai de 2 du code civil", None, []),
    ("II de l'article L. 622-17", "Code de commerce", [("Code de commerce", ("L622-17",), "II")]),
    ("2° de l'article L. 3253-8", TRAVAIL, [(TRAVAIL, ("L3253-8",), "2°")]),
    (
        "au cinquième alinéa de l'article L. 611-6",
        "Code de commerce",
        [("Code de commerce", ("L611-6",), "cinquième alinéa")],
    ),
    ("au 2° du I de l'article L. 5134-19-1", TRAVAIL, [(TRAVAIL, ("L5134-19-1",), "2° du I")]),
    ("aux I et II de l'article L. 233-3", "Code de commerce", [("Code de commerce", ("L233-3",), "I et II")]),
    (
        "articles L. 631-17 , L. 631-19 (II), L. 641-4",
        "Code de commerce",
        [
            ("Code de commerce", ("L631-17",), None),
            ("Code de commerce", ("L631-19",), "II"),
            ("Code de commerce", ("L641-4",), None),
        ],
    ),
    ("L. 400 bis", "Code de commerce", [("Code de commerce", ("L400 bis",), None)]),
    ("l'article 1er", TRAVAIL, [(TRAVAIL, ("1",), None)]),
    ("l'article premier du code civil", TRAVAIL, [("Code civil", ("1",), None)]),
    ("l'article premier de la Constitution", None, []),
    (
        "article 7 tersexagies A du code général des impôts",
        None,
        [("Code général des impôts", ("7 tersexagies A",), None)],
    ),
    (
        "article 44 sexies-0 A du code général des impôts",
        None,
        [("Code général des impôts", ("44 sexies-0 A",), None)],
    ),
    (
        "article L. 135 ZO du livre des procédures fiscales",
        None,
        [("Livre des procédures fiscales", ("L135 ZO",), None)],
    ),
    ("article L.O. 111-3", None, [(None, ("LO111-3",), None)]),
    ("article R* 611-1", None, [(None, ("R*611-1",), None)]),
    ("l'article R. * 7123-9", TRAVAIL, [(TRAVAIL, ("R*7123-9",), None)]),
    ("article D** 7", None, [(None, ("D**7",), None)]),
    (
        "l’article R. 6315-3 du code de la santé publique",
        TRAVAIL,
        [("Code de la santé publique", ("R6315-3",), None)],
    ),
    ("l'article 12", TRAVAIL, [(TRAVAIL, ("12",), None)]),
    ("l'article 12", None, [(None, ("12",), None)]),
    (
        "les articles 714 à 718 du code de procédure civile",
        "Code de commerce",
        [("Code de procédure civile", ("714", "718"), None)],
    ),
    (
        "les articles L. 433-3 , L. 433-5 et L. 433-6 du code pénal",
        TRAVAIL,
        [("Code pénal", ("433-3", "433-5", "433-6"), None)],
    ),
    ("du code la sécurité sociale", TRAVAIL, []),
    (
        "des articles 640,641 et 642 du code de procédure civile",
        TRAVAIL,
        [("Code de procédure civile", ("640", "641", "642"), None)],
    ),
    (
        "de l'article 231 du code général des impôts , prévues aux articles L. 6331-53 et L. 6331-54",
        TRAVAIL,
        [("Code général des impôts", ("231",), None), (TRAVAIL, ("L6331-53", "L6331-54"), None)],
    ),
    (
        "les dispositions du code de la sécurité sociale prévues aux articles L. 311-3 et L. 412-8",
        TRAVAIL,
        [
            ("Code de la sécurité sociale", ("L311-3", "L412-8"), None),
        ],
    ),
    (
        "à l'article L. 233-1 , aux I et II de l'article L. 233-3 et à l'article L. 233-16 du code de commerce",
        TRAVAIL,
        [
            ("Code de commerce", ("L233-1",), None),
            ("Code de commerce", ("L233-3",), "I et II"),
            ("Code de commerce", ("L233-16",), None),
        ],
    ),
    (
        "aux articles L. 6331-48 , L. 6331-53 et L. 6331-65 et à l'article L. 718-2-1 du code rural et de la pêche maritime",
        TRAVAIL,
        [
            (TRAVAIL, ("L6331-48", "L6331-53", "L6331-65"), None),
            ("Code rural et de la pêche maritime", ("L718-2-1",), None),
        ],
    ),
    ("le 1er janvier 2020", TRAVAIL, []),
    ("à compter du 1er janvier 2024, l'article L. 1", TRAVAIL, [(TRAVAIL, ("L1",), None)]),
    ("catégorie D 1 et classe R 2", TRAVAIL, []),
    ("", TRAVAIL, []),
]


@pytest.mark.parametrize(("text", "code", "expected"), FORMS, ids=[form[0][:50] for form in FORMS])
def test_citation_forms_resolve_to_code_articles(text, code, expected):
    found = [
        (c.code, c.articles, c.detail) for c in find_citations(text, code=code) if c.kind == CODE_ARTICLE
    ]
    assert found == expected


def test_citation_spans_are_the_reference_with_its_sub_part_and_code():
    text = "mentionnée au cinquième alinéa de l'article L. 611-6 du code de commerce. Le président"
    (citation,) = find_citations(text, code=TRAVAIL)
    assert citation.text == "cinquième alinéa de l'article L. 611-6 du code de commerce"
    assert text[citation.start : citation.end] == citation.text
    assert citation.code_id == "LEGITEXT000005634379"
    assert citation.keys == ("LEGITEXT000005634379:L611-6",)


def test_citation_of_another_text_is_its_own_kind():
    text = "l'article 10-1 de la loi n° 2016-1691 du 9 décembre 2016 relative à la transparence"
    (citation,) = find_citations(text, code=TRAVAIL)
    assert citation.kind == OTHER_TEXT
    assert citation.code is None and citation.keys == ()
    assert citation.articles == ("10-1",)
    assert citation.other_text == "loi n° 2016-1691 du 9 décembre 2016"


def test_text_named_without_article_is_an_other_text_citation():
    (citation,) = find_citations("Décret n° 2021-1887 du 29 décembre 2021 relatif au registre", code=None)
    assert (citation.kind, citation.articles, citation.other_text) == (
        OTHER_TEXT,
        (),
        "Décret n° 2021-1887 du 29 décembre 2021",
    )


def test_citation_range_keeps_endpoints_without_known_articles():
    (citation,) = find_citations("les articles L. 3253-8 à L. 3253-12", code=TRAVAIL)
    assert citation.articles == ("L3253-8", "L3253-12")
    assert citation.ranges == (("L3253-8", "L3253-12"),)


def test_citation_range_expands_to_existing_articles():
    known = {"L3253-6", "L3253-8", "L3253-8-1", "L3253-9", "L3253-10", "L3253-12", "L3253-13", "R3253-9"}
    (citation,) = find_citations("les articles L. 3253-8 à L. 3253-12", code=TRAVAIL, known_articles=known)
    assert citation.articles == ("L3253-8", "L3253-8-1", "L3253-9", "L3253-10", "L3253-12")


def test_citation_range_expansion_accepts_a_mapping_or_a_callable():
    known = {"LEGITEXT000006073189": {"L241-1", "L241-2", "L241-3"}}
    text = "articles L. 241-1 à L. 241-3 du code de la sécurité sociale"
    by_mapping = find_citations(text, code=TRAVAIL, known_articles=known)
    by_callable = find_citations(text, code=TRAVAIL, known_articles=known.get)
    assert by_mapping[0].articles == by_callable[0].articles == ("L241-1", "L241-2", "L241-3")


def test_citation_range_expansion_accepts_article_keys_of_any_code():
    known = frozenset(
        {"LEGITEXT000006072050:L3253-8", "LEGITEXT000006072050:L3253-9", "LEGITEXT000006072050:L3253-10"}
        | {"LEGITEXT000006073189:L241-1", "LEGITEXT000006073189:L241-2", "LEGITEXT000006073189:L241-3"}
    )
    text = "articles L. 3253-8 à L. 3253-10 et articles L. 241-1 à L. 241-3 du code de la sécurité sociale"
    found = [(c.code, c.articles) for c in find_citations(text, code=TRAVAIL, known_articles=known)]
    assert found == [
        (TRAVAIL, ("L3253-8", "L3253-9", "L3253-10")),
        ("Code de la sécurité sociale", ("L241-1", "L241-2", "L241-3")),
    ]


def test_a_predicate_for_known_articles_is_ignored_not_fatal():
    (citation,) = find_citations("articles L. 1 à L. 3", code=TRAVAIL, known_articles=lambda key: True)
    assert citation.articles == ("L1", "L3")


def test_list_mixing_suffixes_and_ranges():
    text = "les articles L. 410 bis, L. 441-3 à L. 441-4-1 et L. 470"
    known = {"L410 bis", "L441-3", "L441-4", "L441-4-1", "L441-5", "L470"}
    (citation,) = find_citations(text, code="Code de commerce", known_articles=known)
    assert citation.articles == ("L410 bis", "L441-3", "L441-4", "L441-4-1", "L470")


def test_known_articles_restore_the_star_of_starred_articles():
    (citation,) = find_citations("l'article R. 1233-3-4", code=TRAVAIL, known_articles={"R*1233-3-4"})
    assert citation.articles == ("R*1233-3-4",)


def test_et_suivants_cites_the_first_article():
    (citation,) = find_citations("les articles L. 5212-1 et suivants", code=TRAVAIL)
    assert citation.articles == ("L5212-1",) and citation.following


def test_exclusion_is_kept_and_marked():
    text = "les chapitres II à VIII, à l'exception des articles L. 622-19 et L. 625-9 ;"
    (citation,) = find_citations(text, code="Code de commerce")
    assert citation.articles == ("L622-19", "L625-9") and citation.excluded
    assert not find_citations("prévue à l'article L. 622-19", code="Code de commerce")[0].excluded


def test_ci_apres_and_precite_do_not_break_a_list():
    text = "les articles L. 1 précités et L. 2 ci-après du code de commerce"
    (citation,) = find_citations(text, code=TRAVAIL)
    assert citation.code == "Code de commerce" and citation.articles == ("L1", "L2")


def test_curly_apostrophes_and_elisions():
    text = "en application de l’article L. 5122-1 et de l’article L. 5122-2"
    assert [c.articles for c in find_citations(text, code=TRAVAIL)] == [("L5122-1",), ("L5122-2",)]


def test_same_code_follows_the_code_named_last():
    text = (
        "au 3° de l'article L. 221-1 du code de la sécurité sociale et de l'article L. 262-1 dudit code, "
        "puis à l'article L. 2 du même code"
    )
    assert {c.code for c in find_citations(text, code=TRAVAIL)} == {"Code de la sécurité sociale"}


def test_meme_article_stays_in_the_text_cited_just_before():
    text = "à l'article 83 de la loi n° 2006-1640 du 21 décembre 2006, prévue au même article 83."
    kinds = [(c.kind, c.articles, c.other_text) for c in find_citations(text, code=TRAVAIL)]
    assert kinds == [(OTHER_TEXT, ("83",), "loi n° 2006-1640 du 21 décembre 2006")] * 2


def test_resolve_code_accepts_titles_names_abbreviations_and_ids():
    assert resolve_code("code du travail") == (TRAVAIL, "LEGITEXT000006072050")
    assert resolve_code("C. com.")[0] == "Code de commerce"
    assert resolve_code("LEGITEXT000006071367")[0] == "Code rural et de la pêche maritime"
    assert resolve_code("Code inconnu") == ("Code inconnu", None)
    assert resolve_code(None) == (None, None)


def test_order_key_follows_the_codes_order():
    numbers = ["L3253-10", "L3253-8-1", "L3253-8", "L3253-9", "L400 bis", "L400"]
    assert sorted(numbers, key=order_key) == [
        "L400",
        "L400 bis",
        "L3253-8",
        "L3253-8-1",
        "L3253-9",
        "L3253-10",
    ]


def test_code_du_travail_articles_find_their_legifrance_links(data_dir):
    """Real articles with hard cases; targets are Légifrance's own links (see tests/data/citations)."""
    lines = (data_dir / "citations" / "code_du_travail_links.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines:
        record = json.loads(line)
        known = {number for code, number in record["targets"] if code == TRAVAIL}
        found = {
            (c.code, number)
            for c in find_citations(record["text"], code=TRAVAIL, known_articles=known)
            for number in c.articles
        }
        missing = {tuple(target) for target in record["targets"]} - found
        assert not missing, f"{record['number']}: {sorted(missing)}"


@pytest.mark.parametrize(
    "text",
    [
        "(((((article L. 1233-3",
        "article " * 12500,  # 100 000 characters
        "L. " + "1-" * 3000,
        "\x00\x01\ufffd article L\x00. 12",
        "au " + "2° du I de l'" * 400 + "article L. 1",
        "à l'exception " * 2000 + "de l'article L. 1",
        "code du travail article L. 1 du même code " * 2000,  # was quadratic before mentions were cached
        "articles " + ", ".join(str(n) for n in range(3000)),
    ],
)
def test_tokenizer_survives_hostile_inputs(text):
    citations = find_citations(text, code=TRAVAIL)
    assert all(0 <= c.start < c.end <= len(text) for c in citations)


def test_tokenizer_returns_a_list_for_non_text():
    assert find_citations(None) == [] and find_citations(b"L. 1233-3") == []  # type: ignore[arg-type]


_LEGAL_ALPHABET = st.sampled_from(
    [
        "article",
        "articles",
        " ",
        "\u00a0",
        "L.",
        "R*",
        "D.",
        "1233",
        "-",
        "3",
        "à",
        "et",
        ",",
        "du",
        "code",
        "civil",
        "de la",
        "sécurité sociale",
        "même",
        "présent",
        "2°",
        "II",
        "de l'",
        "’",
        "(",
        ")",
        "bis",
        "A",
        "loi n°",
        "2016-1691",
        "1er",
        "janvier",
        "alinéa",
        "premier",
        "suivants",
        "à l'exception",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LEGAL_ALPHABET, max_size=40).map("".join), st.sampled_from([None, TRAVAIL, "Code civil"]))
def test_tokenizer_never_raises_and_spans_stay_in_the_text(text, code):
    citations = find_citations(text, code=code)
    for citation in citations:
        assert 0 <= citation.start < citation.end <= len(text)
        assert citation.text == text[citation.start : citation.end]
        assert citation.kind in (CODE_ARTICLE, OTHER_TEXT)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_tokenizer_never_raises_on_any_text(text):
    for citation in find_citations(text, code=TRAVAIL):
        assert 0 <= citation.start < citation.end <= len(text)
