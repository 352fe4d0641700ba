"""The French analysis chain: tables of real strings from the Code du travail, and invariants."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzers.french import (
    analyze,
    analyze_lemmas,
    analyze_surface,
    lemma_analyzer,
    surface_analyzer,
)
from analyzers.lemmas import LEMMATIZER
from analyzers.stop_words import KEPT_WORDS, STOP_WORDS
from analyzers.tokenize import article_token


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("conformément à l'article L. 1233-3", "l1233-3"),
        ("mentionnés à l'article L1233-3", "l1233-3"),
        ("prévue à l'article R. 611-47-1", "r611-47-1"),
        ("dans les conditions de l'article D. 3141-9", "d3141-9"),
        ("l'article R* 611-1", "r*611-1"),
        ("l'article R.* 611-1", "r*611-1"),
        ("l'article L.O. 111-3", "lo111-3"),
        ("les articles L. 400 bis et suivants", "l400 bis"),
        ("article D** 7", "d**7"),
        ("au 2° de l'article L.\u00a03253-8", "l3253-8"),
        ("l’article R.\u202f6315-3 du code de la santé publique", "r6315-3"),
        ("l1233-3", "l1233-3"),  # as typed in a query
    ],
)
def test_article_number_is_one_canonical_token(text: str, number: str) -> None:
    assert number in analyze_surface(text)
    assert number in analyze_lemmas(text)


def _linked_versions() -> list[dict]:
    path = Path(__file__).parent.parent / "data" / "analyzers" / "linked_versions.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("record", _linked_versions(), ids=lambda record: record["number"])
def test_every_article_legifrance_links_to_is_a_token_of_the_text(record: dict) -> None:
    """Real versions of the Code du travail: each number Légifrance links (and prints) is one token."""
    surface, lemmas = set(analyze_surface(record["text"])), set(analyze_lemmas(record["text"]))
    for number in record["targets"]:
        assert article_token(number) in surface
        assert article_token(number) in lemmas


def test_article_token_agrees_with_corpus_normalization() -> None:
    assert article_token("L. 1233-3") == "l1233-3"
    assert article_token("R* 611-1") == "r*611-1"


@pytest.mark.parametrize(
    ("text", "not_an_article"),
    [
        ("le décret n° 2016-1691 du 9 décembre 2016", "2016-1691"),
        ("d 12", "12"),
        ("le 1er janvier", "1er"),
    ],
)
def test_plain_numbers_stay_numbers(text: str, not_an_article: str) -> None:
    assert not_an_article in analyze_surface(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'employeur", ["employeur"]),
        ("l’employeur", ["employeur"]),
        ("d'un salarié", ["un", "salarie"]),
        ("qu'il", ["il"]),
        ("jusqu'à", ["a"]),
        ("jusqu’au terme", ["au", "terme"]),
        ("lorsqu'un accord", ["un", "accord"]),
        ("puisqu'elle", ["elle"]),
        ("quoiqu'il", ["il"]),
        ("n'est pas", ["est", "pas"]),
        ("s'il", ["il"]),
        ("c'est-à-dire", ["est", "a", "dire"]),
        ("j'ai", ["ai"]),
        ("m'a", ["a"]),
        ("t'a", ["a"]),
        ("le conseil de prud'hommes", ["le", "conseil", "de", "prudhommes"]),
        ("le conseil de prud’hommes", ["le", "conseil", "de", "prudhommes"]),
        ("la mise en œuvre", ["la", "mise", "en", "oeuvre"]),
        ("« Art. L. 1233-3. »", ["art", "l1233-3"]),
        ("DÉLÉGUÉE SYNDICALE", ["deleguee", "syndicale"]),
    ],
)
def test_surface_stream_folds_and_drops_elisions(text: str, expected: list[str]) -> None:
    assert analyze_surface(text) == expected


@pytest.mark.parametrize(
    "variants",
    [
        ("deleguee syndicale", "DÉLÉGUÉE SYNDICALE", "déléguée syndicale", "Déléguée Syndicale"),
        ("l'employeur", "employeur", "L’EMPLOYEUR", "l’employeur"),
        ("comité social et économique", "comite social et economique", "COMITÉ SOCIAL ET ÉCONOMIQUE"),
        ("prud'hommes", "prud’hommes", "prudhommes", "PRUD'HOMMES"),
        ("œuvre", "oeuvre", "ŒUVRE"),
        ("de\u0301le\u0301gue\u0301e", "déléguée"),  # decomposed accents (NFD)
    ],
)
def test_accents_case_and_elisions_do_not_matter(variants: tuple[str, ...]) -> None:
    assert len({tuple(analyze_lemmas(text)) for text in variants}) == 1
    assert len({tuple(analyze_surface(text)) for text in variants}) == 1


@pytest.mark.parametrize(
    ("forms", "lemma"),
    [
        (("parties", "partie"), None),  # spaCy's odd lemmas are harmless when both sides agree
        (("employeur", "employeurs"), "employeur"),
        (("syndicale", "syndicales", "syndical"), "syndical"),
        (("cotisation", "cotisations"), "cotisation"),
        (("indemnité", "indemnités", "indemnite"), "indemnite"),
        (("licenciement", "licenciements"), "licenciement"),
        (("travail", "travaux"), "travail"),
        (("économique", "économiques", "economiques"), "economique"),
    ],
)
def test_inflections_meet_in_the_lemma_stream(forms: tuple[str, ...], lemma: str | None) -> None:
    lemmas = {tuple(analyze_lemmas(form)) for form in forms}
    assert len(lemmas) == 1
    if lemma is not None:
        assert lemmas == {(lemma,)}


def test_lemma_of_a_word_does_not_depend_on_its_context() -> None:
    alone = analyze_lemmas("parties")
    in_code = analyze_lemmas("Les parties au contrat de travail peuvent convenir de la rupture")
    in_query = analyze_lemmas("accord des parties")
    assert alone[0] in in_code
    assert alone[0] in in_query


def test_lemma_stream_keeps_negations_and_legal_connectives() -> None:
    text = "L'employeur ne peut pas, sauf accord, licencier sans motif ni hors des cas prévus, aucun délai"
    lemmas = analyze_lemmas(text)
    for word in ("ne", "pas", "sauf", "sans", "ni", "hors", "aucun"):
        assert word in lemmas
    for word in ("le", "la", "des", "de"):
        assert word not in lemmas


def test_stop_list_never_drops_a_word_that_changes_the_meaning() -> None:
    assert STOP_WORDS.isdisjoint(KEPT_WORDS)
    assert all(word.isascii() and word == word.lower() for word in STOP_WORDS)


def test_surface_stream_keeps_stop_words_for_exact_phrases() -> None:
    assert analyze_surface("contrat de travail à durée déterminée") == [
        "contrat",
        "de",
        "travail",
        "a",
        "duree",
        "determinee",
    ]


def test_offsets_point_at_the_original_text() -> None:
    text = "Lorsque l’employeur envisage le licenciement, conformément à l'article L. 1233-3."
    tokens = analyze(text, lemmas=False)
    assert [text[token.start : token.end] for token in tokens][:3] == ["Lorsque", "employeur", "envisage"]
    article = next(token for token in tokens if token.text == "l1233-3")
    assert text[article.start : article.end] == "L. 1233-3"
    assert [token.pos for token in tokens] == list(range(len(tokens)))


def test_lemma_positions_are_renumbered_after_stop_words() -> None:
    tokens = analyze("le contrat de travail")  # consecutive, so "contrat de travail" is a phrase
    assert [token.text for token in tokens] == ["contrat", "travail"]
    assert tokens[1].pos == tokens[0].pos + 1


def test_whoosh_analyzers_give_positions_and_chars() -> None:
    text = "Le salarié protégé"
    for analyzer in (lemma_analyzer(), surface_analyzer()):
        tokens = [(t.text, t.pos, t.startchar, t.endchar) for t in analyzer(text, positions=True, chars=True)]
        assert tokens[-1][2:] == (11, 18)


def test_analyzers_survive_pickling_as_whoosh_schemas_do() -> None:
    for analyzer in (lemma_analyzer(), surface_analyzer()):
        clone = pickle.loads(pickle.dumps(analyzer))
        assert [t.text for t in clone("Les délégués syndicaux")] == [
            t.text for t in analyzer("Les délégués syndicaux")
        ]


def test_whoosh_highlighting_works_on_the_original_text() -> None:
    from whoosh import highlight

    text = "L'employeur informe les délégués syndicaux de la procédure."
    fragments = highlight.highlight(
        text,
        {"delegues"},
        surface_analyzer(),
        highlight.WholeFragmenter(),
        highlight.HtmlFormatter(tagname="mark"),
    )
    assert '<mark class="match term0">délégués</mark>' in fragments


def test_lemmas_are_cached_per_form() -> None:
    analyze_lemmas("licenciement pour motif économique")
    before = LEMMATIZER.stats()
    analyze_lemmas("licenciement pour motif économique")
    after = LEMMATIZER.stats()
    assert after.misses == before.misses
    assert after.hits > before.hits


# Any code point but surrogates, and text weighted towards what French legal text is made of.
HOSTILE_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(
        alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cf"]),
        max_size=300,
    ),
)


@settings(max_examples=150, deadline=None)
@given(HOSTILE_TEXT)
def test_analyzers_never_raise_and_offsets_stay_in_the_text(text: str) -> None:
    for lemmas in (True, False):
        tokens = analyze(text, lemmas=lemmas)
        for token in tokens:
            assert 0 <= token.start < token.end <= len(text)
            assert token.text
    assert isinstance(analyze_surface(text), list)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["L.", "R*", " ", "1233", "-", "3", "l'", "’", "é", "\u00a0", "bis", "x"])))
def test_citation_like_noise_never_raises(parts: list[str]) -> None:
    text = "".join(parts)
    for token in analyze(text, lemmas=False):
        assert 0 <= token.start < token.end <= len(text)


@settings(max_examples=10, deadline=None)
@given(HOSTILE_TEXT.filter(bool))
def test_a_hundred_thousand_random_characters(chunk: str) -> None:
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    for token in analyze(text, lemmas=False):
        assert 0 <= token.start < token.end <= len(text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=50))
def test_whoosh_query_modes_never_raise(text: str) -> None:
    for analyzer in (lemma_analyzer(), surface_analyzer()):
        list(analyzer(text, mode="query", removestops=False))
        list(analyzer(text, tokenize=False, positions=True, chars=True))


def test_a_hundred_thousand_characters_with_control_chars() -> None:
    text = ("Art. L. 1233-3\x00\x1f l'employeur\u200b « déléguée » \ufeff" * 3000)[:100_000]
    tokens = analyze(text)
    assert tokens and all(0 <= token.start < token.end <= len(text) for token in tokens)
    assert analyze_lemmas("") == [] and analyze_surface("") == []


def test_priming_gives_the_same_lemmas_as_analyzing() -> None:
    from analyzers.french import prime_lemmas

    text = "Les déléguées syndicales et les salariées intérimaires bénéficient des congés payés."
    expected = analyze_lemmas(text)
    stats = prime_lemmas([text, "Les délégués du personnel"])
    assert stats.size >= len(set(expected))
    assert analyze_lemmas(text) == expected


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("France", "france"),  # a name, not the plural of "franc"
        ("Mayotte", "mayotte"),
        ("données", "donnee"),  # the noun, not the lookup table's verb "donner"
        ("mesures", "mesure"),
        ("sous", "sous"),  # kept function words are their own lemma, not "sou"
        ("entre", "entre"),
    ],
)
def test_lemma_choices_that_matter_in_the_code(word: str, lemma: str) -> None:
    assert analyze_lemmas(word) == [lemma]
