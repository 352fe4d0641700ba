"""Hostile inputs for the citation tokenizer, shared by the CI property tests and `scripts/fuzz.py`.

Random unicode rarely reaches the grammar's deep paths; text made of the grammar's own words does: lists
that never end, designations that never come, suffixes, ordinals, dotted numbers, parts of codes and bill
headers repeated until the text is 100k characters long. A slow pattern shows as a slow input (the fuzz
script's per-input timeout), a bug as an exception: the tokenizer has no safety net.
"""

from __future__ import annotations

from hypothesis import strategies as st

# The grammar's words, and the pieces that sit between them.
WORDS = (
    "article", "articles", "Art.", "art", "l'", "l’", "de l'", "aux", "à", "au", "et", "ou", ",", ";", ":",
    ".", "(", ")", "«", "»", "\n", "\u00a0", " ", "L.", "R.", "D.", "R*", "D*", "L.O.", "A", "A.", "-",
    " - ", "1233", "3", "12", "1er", "2ème", "111è", "premier", "second", "quatrième", "4.1.b", "6.18",
    ".a", "bis", "ter", "quaterdecies", "VO", "WW", "B", "199 quater B", "2°", "II", "al. 1",
    "phrases 1 et 2", "troisième alinéa du I de l'", "du", "code", "civil", "du code civil", "C. civ.",
    "c. pén.", "CESEDA", "CGI", "code civ", "du même code", "dudit code", "du présent code", "mêmes",
    "même article", "des sections 2 et 3", "du chapitre II", "du titre II", "du livre IV",
    "de la partie réglementaire", "Le code général des impôts est ainsi modifié :", "loi n° 2016-1691",
    "du 9 décembre 2016", "et suivants", "à l'exception", "précités", "janvier",
)  # fmt: skip

KNOWN_ARTICLES = st.sampled_from(
    [
        None,
        frozenset({"L1233-3", "R*1233-3-4", "L1", "D212-4"}),
        {"LEGITEXT000006070721": {"2", "1240", "1343-5"}, "LEGITEXT000006072050": {"L1233-3"}},
        {"LEGITEXT000006070721": {"2"}}.get,
        frozenset({"LEGITEXT000006072050:L1233-3", "LEGITEXT000006070719:131-39"}),
        lambda _code_id: True,  # a predicate: ignored, not fatal
    ]
)
CODES = st.sampled_from([None, "Code du travail", "Code civil", "LEGITEXT000006069577", "", "<b>"])


def legal_text(max_words: int = 80) -> st.SearchStrategy[str]:
    """Text made of the grammar's words, with a little noise between them."""
    piece = st.one_of(st.sampled_from(WORDS), st.text(max_size=3))
    separator = st.sampled_from(["", " ", " ", ", ", "\n", "\u00a0"])
    return st.lists(st.tuples(piece, separator), max_size=max_words).map(
        lambda pairs: "".join(word + space for word, space in pairs)
    )


def huge_legal_text() -> st.SearchStrategy[str]:
    """One legal-word text repeated to about 100k characters."""
    return legal_text(max_words=30).filter(bool).map(lambda text: text * (100_000 // len(text) + 1))


# Worst cases, written out: each keeps one part of the grammar busy for 100k characters or so.
HUGE = (
    "articles " + ", ".join(f"L. {n}-1" for n in range(12_000)),
    "articles " + ", ".join(str(n) for n in range(20_000)) + " C. civ.",
    "L. 1" + " et L. 1" * 15_000 + " du même code",
    "article 1 " + "bis " * 25_000,
    "article 223 " + "VO " * 30_000,
    "l'article D. 1-1" + " et des sections 2 et 3 du chapitre II" * 3_000 + " du code civil",
    "Le code civil est ainsi modifié : " * 3_000 + "article 2",
    "art 2 code civ " * 7_000,
    "les mêmes articles " * 6_000,
    "article 4" + ".1" * 40_000,
    "articles R. 512" + " - 74" * 20_000,
    "article premier " * 7_000,
    "code civil " * 10_000 + "art 2",
    "au troisième alinéa du I de l'" * 3_000 + "article L. 1",
    "du code de commerce. " * 5_000 + "l'article L. 821-40",
)
