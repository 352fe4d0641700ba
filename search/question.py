"""Question framing: how a question is asked, set aside so that what it is about drives the ranking.

People ask in sentences ("mon employeur peut-il changer les horaires ?", "puis-je refuser…", "comment
faire pour…"). The question's frame (interrogatives, a verb with its inverted subject, modal verbs, the
asker's own pronouns) says how they ask, not what about: the content words must drive the ranking, and
"peut-il" must not pull every article saying "peut". Folded forms, matched word by word. "un", "une"
are kept in the index (numbers matter in the code: "un an") but in a question they are articles ("une
rupture conventionnelle"); the unit that follows carries the number's meaning.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from search.query import ParsedQuery

_INVERTED = re.compile(r"^(?:[a-z]+)?(?:-?t)?-(?:je|tu|il|elle|on|ils|elles|nous|vous)$")
FRAMING_WORDS = frozenset(
    [
        "quel",
        "quelle",
        "quels",
        "quelles",
        "lequel",
        "laquelle",
        "lesquels",
        "lesquelles",
        "comment",
        "combien",
        "pourquoi",
        "quand",
        "quoi",
        "est-ce",
        "qu'est-ce",
        "qu'est",
        "est-ce-que",
        "c'est",
        "ce-que",
        "peux",
        "peut",
        "peuvent",
        "pouvons",
        "pouvez",
        "pourrait",
        "pourrais",
        "pourraient",
        "puis-je",
        "dois",
        "doit",
        "doivent",
        "devons",
        "devez",
        "devrait",
        "devrais",
        "faut",
        "faudrait",
        "veux",
        "veut",
        "voudrais",
        "voudrait",
        "aimerais",
        "souhaite",
        "souhaiterais",
        "je",
        "j'",
        "moi",
        "me",
        "m'",
        "mon",
        "ma",
        "mes",
        "tu",
        "te",
        "toi",
        "ton",
        "ta",
        "tes",
        "savoir",
        "connaitre",
        "svp",
        "merci",
        "bonjour",
        "un",
        "une",
        # avoir, as the asker's own verb ("j'ai", "ai-je droit", "combien ai-je de congés")
        "ai",
        "as",
        "avons",
        "avez",
        # être, as the asker's ("je suis en CDD", "vous êtes cadre"): the code never says it, and its
        # lemma matched every version that says "seraient" ("sommes" is left: the code's sums of money)
        "suis",
        "etes",
    ]
)
# "droit" after avoir ("ai-je droit à", "a-t-on le droit de") and "possible" after être ("est-il
# possible de") say that the asker wants to know whether, not what about.
_AVOIR = frozenset(
    {"ai", "as", "a", "avons", "avez", "ont", "avoir", "ai-je", "as-tu", "a-t-il", "a-t-elle", "a-t-on"}
)
_ETRE = frozenset({"est", "est-il", "est-elle", "est-ce", "serait", "serait-il", "serait-ce", "sont-ils"})
_AFTER = {
    "droit": _AVOIR,
    "possible": _ETRE,
    # "comment se passe", "comment ça marche", "à quoi sert", "à quel moment", "de quelle façon", "par
    # exemple": how the asker words the question; the code says "passe", "moment", "manière" otherwise.
    "passe": frozenset({"se"}),
    "marche": frozenset({"ca"}),
    "sert": frozenset({"quoi"}),
    "moment": frozenset({"quel"}),
    "facon": frozenset({"quelle"}),
    "maniere": frozenset({"quelle"}),
    "exemple": frozenset({"par"}),
}
# In a question (`is_question`), the aspect asked about the subject ("le rôle du", "les différents types
# de", "les principales clauses", "la différence entre", "le sort de"): rare in the code, so each of them
# outweighed the subject and pulled the few articles that say "rôle" or "types" about anything else.
ASPECT_WORDS = frozenset(
    {
        "role",
        "roles",
        "type",
        "types",
        "different",
        "differents",
        "differente",
        "differentes",
        "difference",
        "differences",
        "principal",
        "principaux",
        "principale",
        "principales",
        "sort",
        "definition",
        "etape",
        "etapes",
        "fonctionnement",
    }
)
_BETWEEN = frozenset({"le", "du", "un", "la", "je", "tu", "il", "elle", "on", "nous", "vous", "t"})
_NOT_FRAMING = frozenset({"rendez-vous", "vis-a-vis", "peut-etre", "c'est-a-dire"})
_ELIDED = re.compile(r"^(?:qu|j|m|t|l|d|s|n|c)'")

# A question typed without its hyphens ("peut il", "ai je", "a t il"): an auxiliary or modal verb followed
# by a subject pronoun (never so in the code's statements, which do not invert); "quand" or "qui" opening
# the query ("qui fixe les dates…"; inside it "qui" is mostly relative: "entreprise qui accepte…").
_INVERTIBLE = frozenset(
    [
        "peut",
        "peux",
        "peuvent",
        "doit",
        "dois",
        "doivent",
        "puis",
        "faut",
        "a",
        "ai",
        "est",
        "sont",
        "va",
        "vais",
        "avez",
        "pouvez",
        "devez",
        "suis",
        "serait",
        "aurait",
        "ont",
    ]
)
_SUBJECTS = frozenset(["je", "il", "elle", "on", "ils", "elles", "vous", "nous"])
_OPENING_ASKERS = frozenset({"quand", "qui"})


def _unhyphenated_inversions(words: list[str]) -> set[int]:
    """Positions of the verb, the "t" and the pronoun of each inversion typed without hyphens ("peut il",
    "a t il"), among folded words: the frame that "peut-il" is as one token."""
    found: set[int] = set()
    for index, word in enumerate(words[:-1]):
        pronoun = index + 2 if words[index + 1] == "t" else index + 1
        if word in _INVERTIBLE and pronoun < len(words) and words[pronoun] in _SUBJECTS:
            found.update(range(index, pronoun + 1))
    return found


def _folded_word(word: str) -> str:
    text = unicodedata.normalize("NFD", word.casefold().replace("’", "'"))
    return "".join(char for char in text if unicodedata.category(char) != "Mn").strip('.,;!?«»"')


def _forms(words: list[str]) -> tuple[list[str], list[str]]:
    """Each word folded, and folded without its elided head ("qu'advient-il" → "advient-il")."""
    folded = [_folded_word(word) for word in words]
    return folded, [_ELIDED.sub("", word) for word in folded]


def framing_words(text: str) -> tuple[str, ...]:
    """The words of `text` that frame a question rather than say what it is about, as typed."""
    words = text.split()
    folded, bare = _forms(words)
    asking = "?" in text or _asks(folded, bare)
    framed = _unhyphenated_inversions(bare)
    for index, (word, stripped) in enumerate(zip(folded, bare, strict=True)):
        if (
            word in FRAMING_WORDS
            or (asking and word in ASPECT_WORDS)
            or stripped in FRAMING_WORDS
            or (_INVERTED.match(stripped) and stripped not in _NOT_FRAMING)
            or (word == "faire" and index and folded[index - 1] in ("comment", "que", "quoi"))
            or (word in _AFTER and _follows(bare, index, _AFTER[word]))
            or _in_locution(folded, bare, index)
        ):
            framed.add(index)
    return tuple(words[index] for index in sorted(framed))


_ASKING = frozenset(
    {"quel", "quelle", "quels", "quelles", "comment", "combien", "pourquoi", "quoi", "est-ce", "qu'est-ce"}
)


def is_question(text: str) -> bool:
    """A question in words: a question mark, an interrogative word or an inverted subject ("peut-il"),
    not merely a frame word such as "un" or "peut" (which statements of the code use too). The pipeline
    passes `ParsedQuery.text`, from which the query syntax characters, "?" included, are gone: there only
    the words count (a bare "?" taken as a question sign measured worse on the dev set's sentences)."""
    return "?" in text or _asks(*_forms(text.split()))


def _asks(folded: list[str], bare: list[str]) -> bool:
    """Whether words (`_forms`) ask: an opening "qui"/"quand", an interrogative word, an inversion."""
    if (bare and bare[0] in _OPENING_ASKERS) or _unhyphenated_inversions(bare):
        return True
    return any(
        word in _ASKING or stripped in _ASKING or (_INVERTED.match(stripped) and stripped not in _NOT_FRAMING)
        for word, stripped in zip(folded, bare, strict=True)
    )


# "à partir de" (from): a preposition in three words, whose "partir" is no departure ("à partir de quel
# effectif", "à partir de quand"); "partir à la retraite" keeps its verb.
_LOCUTIONS = {"partir": ("a", ("de", "du", "des", "d'"))}


def _in_locution(folded: list[str], bare: list[str], index: int) -> bool:
    """Whether the word at `index` is the middle of a locution (`_LOCUTIONS`): the word before it and the
    start of the word after it (its elided head kept: "d'un") as the locution has them."""
    locution = _LOCUTIONS.get(bare[index])
    if locution is None or index == 0 or index + 1 >= len(bare):
        return False
    before, after = locution
    return bare[index - 1] == before and folded[index + 1].startswith(after)


def _follows(bare: list[str], index: int, verbs: frozenset[str]) -> bool:
    """Whether the word at `index` follows one of `verbs` (a subject or an article between them allowed);
    `bare`: the words as `_forms` gives them without their elided heads."""
    before = bare[max(0, index - 4) : index]
    while before and before[-1] in _BETWEEN:
        before.pop()
    return bool(before) and before[-1] in verbs


def without_framing(parsed: ParsedQuery) -> ParsedQuery:
    """The query with its question frame set aside (`framing`); unchanged when nothing else would remain."""
    framed = framing_words(parsed.text)
    if not framed:
        return parsed
    drop = list(framed)
    kept = []
    for word in parsed.text.split():
        if drop and word == drop[0]:
            drop.pop(0)
            continue
        kept.append(word)
    if not kept:
        return parsed
    return replace(parsed, text=" ".join(kept), framing=framed)
