"""The families of references other French parsers read, each with cases written here: raw text in,
(code, article) pairs out, in order, plus invariants Hypothesis checks on generated lists.

Each table is one family of the grammar (a code abbreviation after the number, bare items before a code,
tax-code numbering, ordinals, arrêtés' dotted numbers, prefixes spelled loosely, typed queries, words
between a number and its code, context carried across sentences). None is copied from another
project's suite.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzers.citations import CODE_ARTICLE, OTHER_TEXT, find_citations

TRAVAIL = "Code du travail"
CIVIL = "Code civil"
PENAL = "Code pénal"
CGI = "Code général des impôts"
CESEDA = "Code de l'entrée et du séjour des étrangers et du droit d'asile"


def pairs(text: str, code: str | None = TRAVAIL, known=None) -> list[tuple[str | None, str]]:
    return [
        (citation.code, number)
        for citation in find_citations(text, code, known)
        if citation.kind == CODE_ARTICLE
        for number in citation.articles
    ]


ABBREVIATION_AFTER_NUMBER = [
    ("la responsabilité de l'article 1242 al. 2 C. civ. s'applique", [(CIVIL, "1242")]),
    ("art. 311-3 c. pén.", [(PENAL, "311-3")]),
    ("Articles 222-22 et 222-33 C. pén.", [(PENAL, "222-22"), (PENAL, "222-33")]),
    ("art. 700 CPC", [("Code de procédure civile", "700")]),
    ("L. 511-1 et 8 du CESEDA", [(CESEDA, "L511-1"), (CESEDA, "8")]),
    ("art. L. 112-2 C. propr. intell.", [("Code de la propriété intellectuelle", "L112-2")]),
    ("Art. L. 113-1, R. 113-2 et A113-3 C. assur.", [("Code des assurances", n) for n in ("L113-1", "R113-2", "A113-3")]),
]  # fmt: skip

LAST_ITEM_BEFORE_A_CODE = [
    ("Articles 6, 7-1, 9 et 16 C. civ.", [(CIVIL, n) for n in ("6", "7-1", "9", "16")]),
    ("articles 1103, 1104 et 1193 du code civil", [(CIVIL, n) for n in ("1103", "1104", "1193")]),
    ("Art. 455 et 458 CPC.", [("Code de procédure civile", "455"), ("Code de procédure civile", "458")]),
    # A bare number after a prefixed one stays out unless a code follows it.
    ("articles L. 1234-1 et 12 mois", [(TRAVAIL, "L1234-1")]),
]  # fmt: skip

TAX_CODE_NUMBERS = [
    ("l'article 200 quater A du code général des impôts", [(CGI, "200 quater A")]),
    ("l'article 244 quater C\nl'article 199 sexdecies", [(TRAVAIL, "244 quater C"), (TRAVAIL, "199 sexdecies")]),
    ("Après l'article 223 WB quaterdecies, il est", [(TRAVAIL, "223 WB quaterdecies")]),
    ("mentionnée au I de l'article 223 WT souscrite", [(TRAVAIL, "223 WT")]),
    ("l'article 1647 B sexies du code général des impôts", [(CGI, "1647 B sexies")]),
    # One capital and a sentence going on: the capital is not part of the number.
    ("l'article 12 A défaut de réponse", [(TRAVAIL, "12")]),
]  # fmt: skip

ORDINALS = [
    ("article premier", [(TRAVAIL, "1")]),
    ("selon l'article troisième", [(TRAVAIL, "3")]),
    ("article 5ème", [(TRAVAIL, "5")]),
    ("articles premier et second", [(TRAVAIL, "1"), (TRAVAIL, "2")]),
    ("des articles second à 4ème", [(TRAVAIL, "2"), (TRAVAIL, "4")]),
    ("de l'article premier à l'article quatrième", [(TRAVAIL, "1"), (TRAVAIL, "4")]),
    ("le 1er mars 2020", []),
]  # fmt: skip

DOTTED_NUMBERS = [
    ("article 3.2.c", [(TRAVAIL, "3.2.c")]),
    ("articles 2.1.4, 7.3.1 et 8.1", [(TRAVAIL, n) for n in ("2.1.4", "7.3.1", "8.1")]),
    ("articles 4.10.1 à 4.10.6", [(TRAVAIL, "4.10.1"), (TRAVAIL, "4.10.6")]),
    ("articles premier,3.b", [(TRAVAIL, "1"), (TRAVAIL, "3.b")]),
    ("un taux de 1.5 %", []),
]  # fmt: skip

LOOSE_PREFIXES = [
    ("Article R.  4321-2", [(TRAVAIL, "R4321-2")]),
    ("Article R-4321", [(TRAVAIL, "R4321")]),
    ("Article R-4321-2", [(TRAVAIL, "R4321-2")]),
    ("articles D. 4153 - 15 et D. 4153-16", [(TRAVAIL, "D4153-15"), (TRAVAIL, "D4153-16")]),
    ("Article R*4321-2", [(TRAVAIL, "R*4321-2")]),
    ("COVID-19 et catégorie D 1", []),
]  # fmt: skip

QUERIES = [
    ("code pénal art 121-3", None, [(PENAL, "121-3")]),
    ("art 1240 code civ", None, [(CIVIL, "1240")]),
    ("Code du travail\nArticle L. 1237-19", None, [(TRAVAIL, "L1237-19")]),
    ("l'art de la guerre", None, []),
]  # fmt: skip

WORDS_BETWEEN_NUMBER_AND_CODE = [
    ("article L. 312-1, phrases 2 et 3, du code de l'éducation", [("Code de l'éducation", "L312-1")]),
    ("article 1240, alinéa 1er, du code civil", [(CIVIL, "1240")]),
    ("l'article L. 6353-1 (II) du présent code", [(TRAVAIL, "L6353-1")]),
]  # fmt: skip

CONTEXT = [
    # A bill announcing the code it amends: what follows cites that code, until another is announced.
    (
        "I. – Le code civil est ainsi modifié :\n1° À l'article 2, les mots sont supprimés ;\n"
        "II. – Le code pénal est ainsi modifié :\n1° L'article 3 est abrogé.",
        [(CIVIL, "2"), (PENAL, "3")],
    ),
    # A code named after parts of it.
    (
        "en application de l'article D. 211-1 et des sections 1 et 2 du chapitre III du titre Ier du "
        "livre II de la partie réglementaire du code de la route",
        [("Code de la route", "D211-1")],
    ),
    (
        "aux articles L. 511-1 et L. 511-2, des titres II à IV et du chapitre Ier du titre V du code de "
        "l'environnement",
        [("Code de l'environnement", "L511-1"), ("Code de l'environnement", "L511-2")],
    ),
    # "mêmes articles", "même article N" after an earlier sentence.
    (
        "Les articles L. 1 et L. 2 du code de commerce s'appliquent. Les mêmes articles L. 1 et L. 2 aussi.",
        [("Code de commerce", "L1"), ("Code de commerce", "L2")] * 2,
    ),
    (
        "Les peines de l'article 131-38 du code pénal. Elles suivent le 2° du même article 131-39.",
        [(PENAL, "131-38"), (PENAL, "131-39")],
    ),
    ("selon l'article L. 5 du code rural. Au sens du même code, l'article L. 6", [
        ("Code rural et de la pêche maritime", "L5"), (TRAVAIL, "L6")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ABBREVIATION_AFTER_NUMBER, ids=lambda v: str(v)[:40])
def test_a_code_abbreviation_after_the_number_names_the_code(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), LAST_ITEM_BEFORE_A_CODE, ids=lambda v: str(v)[:40])
def test_the_last_item_before_a_code_stays_in_the_list(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), TAX_CODE_NUMBERS, ids=lambda v: str(v)[:40])
def test_tax_code_numbers_keep_their_suffixes_and_capitals(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), ORDINALS, ids=lambda v: str(v)[:40])
def test_ordinals_are_article_numbers(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), DOTTED_NUMBERS, ids=lambda v: str(v)[:40])
def test_dotted_numbers_of_arretes(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), LOOSE_PREFIXES, ids=lambda v: str(v)[:40])
def test_prefixes_spelled_loosely(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "code", "expected"), QUERIES, ids=lambda v: str(v)[:40])
def test_typed_queries_name_the_code_before_or_after(text, code, expected):
    assert pairs(text, code) == expected


@pytest.mark.parametrize(("text", "expected"), WORDS_BETWEEN_NUMBER_AND_CODE, ids=lambda v: str(v)[:40])
def test_sub_parts_between_the_number_and_its_code(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), CONTEXT, ids=lambda v: str(v)[:40])
def test_context_carries_across_sentences(text, expected):
    assert pairs(text) == expected


def test_a_number_the_default_code_cannot_have_goes_to_the_code_named_before():
    text = (
        "au sens de l'article L. 233-16 du code de commerce. Lorsque les seuils de l'article L. 225-100 "
        "sont atteints, l'article L. 1233-3 s'applique."
    )
    known = {"LEGITEXT000006072050": {"L1233-3", "L1233-4"}, "LEGITEXT000005634379": {"L233-16", "L225-100"}}
    assert pairs(text, TRAVAIL, known) == [
        ("Code de commerce", "L233-16"),
        ("Code de commerce", "L225-100"),
        (TRAVAIL, "L1233-3"),
    ]
    # Without the default code's articles nothing tells: the default code it is.
    assert pairs(text)[1] == (TRAVAIL, "L225-100")


def test_a_repealed_number_shaped_like_the_default_codes_stays_in_it():
    known = {"LEGITEXT000006072050": {f"R{n}-1" for n in range(1000, 1200)}}
    text = "l'article R. 5 du code de commerce. Les organismes mentionnés à l'article R. 5141-11"
    assert pairs(text, TRAVAIL, known)[-1] == (TRAVAIL, "R5141-11")


def test_a_written_star_is_kept_and_fitted_to_the_code_when_known():
    assert pairs("l'article R* 4321-2") == [(TRAVAIL, "R*4321-2")]
    assert pairs("l'article R* 4321-2", TRAVAIL, {"R4321-2"}) == [(TRAVAIL, "R4321-2")]
    assert pairs("l'article R. 4321-2", TRAVAIL, {"R*4321-2"}) == [(TRAVAIL, "R*4321-2")]


def test_an_article_of_a_text_other_than_a_code_keeps_its_dotted_number():
    (citation,) = find_citations("selon l'article 2.3 de ce règlement", TRAVAIL)
    assert (citation.kind, citation.articles) == (OTHER_TEXT, ("2.3",))


# -- invariants ------------------------------------------------------------------------------------------

# A list is written with prefixed numbers or with bare ones (mixing them is not how texts are written).
_PREFIXED = st.sampled_from(["L. 1233-3", "R. 4321-2", "L. 753-1", "A421-13", "D.  212-4", "L*111-1"])
_BARE = st.sampled_from(["1240", "12-4-6", "2", "1103", "199 quater B", "223 VO bis"])
_NUMBERS = st.one_of(_PREFIXED, _BARE)
_LISTS = st.one_of(st.lists(_PREFIXED, min_size=1, max_size=8), st.lists(_BARE, min_size=1, max_size=8))
_CODE_SPELLINGS = st.sampled_from(
    [("C. civ.", CIVIL), ("du code civil", CIVIL), ("c. pén.", PENAL), ("du CESEDA", CESEDA), ("CGI", CGI)]
)


@settings(max_examples=150, deadline=None)
@given(_LISTS, _CODE_SPELLINGS, st.sampled_from([", ", " et ", " ou "]))
def test_a_code_named_after_a_list_covers_every_item(numbers, spelling, last_link):
    """However the items are written, "articles a, b … et z <code>" cites every item in that code."""
    body = ", ".join(numbers[:-1]) + (last_link if len(numbers) > 1 else "") + numbers[-1]
    found = pairs(f"Articles {body} {spelling[0]}.")
    assert {code for code, _ in found} == {spelling[1]}
    assert len(found) == len(dict.fromkeys(numbers))


@settings(max_examples=150, deadline=None)
@given(st.lists(_NUMBERS, min_size=1, max_size=6), st.sampled_from([TRAVAIL, CIVIL, None]))
def test_citations_are_in_order_and_disjoint(numbers, code):
    text = " ; ".join(f"l'article {number}" for number in numbers)
    citations = find_citations(text, code)
    spans = [(c.start, c.end) for c in citations]
    assert spans == sorted(spans)
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))
    assert all(text[c.start : c.end] == c.text for c in citations)


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=1, max_value=10), st.sampled_from(["premier", "second", "troisième", "quatrième"])
)
def test_ordinal_and_number_spellings_agree(number, word):
    """ "article 3ème" and "article 3" cite the same article; so do "article troisième" and "article 3"."""
    assert pairs(f"article {number}ème") == pairs(f"article {number}")
    digits = {"premier": "1", "second": "2", "troisième": "3", "quatrième": "4"}[word]
    assert pairs(f"article {word}") == pairs(f"article {digits}")


def test_a_code_named_after_its_parts_leaves_the_default_codes_own_articles():
    text = (
        "les articles L. 1271-1 à L. 1271-16 et de la sous-section 2 de la section 1 du chapitre III bis "
        "du livre Ier du code de la sécurité sociale"
    )
    known = {"L1271-1", "L1271-16", "L1233-3"}
    assert pairs(text, TRAVAIL, known) == [(TRAVAIL, "L1271-1"), (TRAVAIL, "L1271-16")]
    # Without the default code's articles, the code named last is all there is to go by.
    assert {code for code, _ in pairs(text)} == {"Code de la sécurité sociale"}
