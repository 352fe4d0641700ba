"""The regular grammar of French legal references, compiled once.

Kept apart from the resolver (`analyzers.citations`) so the patterns can be read as a grammar: article
numbers, the words that introduce them, the connectors of a list, the sub-parts ("2° du I", "cinquième
alinéa") and the designations that follow a list (a code, "du présent code", "du même code", a loi or
décret). Every pattern is anchored or bounded so that no input can make it backtrack badly.
"""

from __future__ import annotations

import re

from unidecode import unidecode

from analyzers.code_names import CODES, ORDINAL_NUMBERS

_ACCENTS = {
    "a": "[aàâä]",
    "e": "[eéèêë]",
    "i": "[iîï]",
    "o": "[oôö]",
    "u": "[uùûü]",
    "c": "[cç]",
}


def folded(phrase: str) -> str:
    """A pattern matching `phrase` whatever its accents, apostrophes and spacing."""
    out = []
    for char in phrase:
        base = char.lower()
        for klass in _ACCENTS.values():
            if base in klass:
                out.append(klass)
                break
        else:
            if char in "'’":
                out.append(r"['’ʼ]\s*")
            elif char == " ":
                out.append(r"\s+")
            else:
                out.append(re.escape(char))
    return "".join(out)


def _abbreviation(abbreviation: str) -> str:
    """ "C. com." also as "C.com.", "C com" and with non-breaking spaces, case as written; a dotted
    abbreviation also in any case when its dots are written ("c. pén.", "C. Pr. Int."), since an acronym
    in lowercase ("css", "cgi") is an ordinary word but "c. pén." is not."""
    relaxed, dotted = [], []
    for char in abbreviation:
        if char == ".":
            relaxed.append(r"\.?")
            dotted.append(r"\.")
        elif char == " ":
            relaxed.append(r"\s*")
            dotted.append(r"\s*")
        else:
            relaxed.append(re.escape(char))
            dotted.append(re.escape(char))
    if "." not in abbreviation:
        return "".join(relaxed)
    return "(?:" + "".join(relaxed) + "|(?i:" + "".join(dotted) + "))"


# -- article numbers -------------------------------------------------------------------------------------

# Latin multiplicative suffixes: bis, ter… decies, and compounds such as "tersexagies", "quatervicies".
SUFFIX_WORD = (
    r"(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|novies"
    r"|[a-z]{0,9}(?:decies|vicies|tricies|agies|ogies))"
)
# An uppercase tail ("39 AH", "7 tersexagies A") only when what follows cannot be a sentence going on.
# Two capitals ("223 WW souscrite") may be followed by any lowercase word: a sentence does not go on
# with two capitals. A code's abbreviation may follow ("199 quater B CGI", "1649 A C. gén. impôts").
_UPPER_TAIL = (
    r"(?:\s[A-Z]{1,2}(?![\w'’])(?!\.?\s?\*{0,2}\.?\s?\d)(?!\.\s*[a-zà-ÿ])"
    r"(?=[^\S\n]*(?:[,;.:)\]»\n]|\Z|[A-Z]{3,}\b|[Cc]\.\s*[a-zà-ÿ]"
    r"|(?:et|ou|à|du|de|des|au|aux|sont|est|précités?|ainsi|" + SUFFIX_WORD + r")\b))"
    r"|\s[A-Z]{2}(?=\s+[a-zà-ÿ]))"
)
_HYPHEN = r"[-‑‐]"
_DIGITS = rf"\d+(?:{_HYPHEN}\d+)*"
# After a prefix and a trigger the hyphen may be spaced ("R. 512 - 74"), never before an item ("2°").
_SPACED_DIGITS = rf"\d+(?:(?:{_HYPHEN}|\s{_HYPHEN}\s)\d+(?!\s?°))*"
_SUFFIXES = rf"(?:\s+{SUFFIX_WORD}\b(?:{_HYPHEN}\d+)?)*"

# "L. 1233-3", "L1233-3", "R. 611-47-1", "L.O. 111-3", "R* 611-1", "R. * 7123-9", "D** 7", "L. 400 bis",
# "L. 135 ZO" (Livre des procédures fiscales).
_LETTER_PREFIX = r"(?:L\.?\s?O|[LRD])"
_STARS = r"(?:\*{1,2}\.?\s?)"
PREFIX = rf"{_LETTER_PREFIX}\.?\s?{_STARS}?"
# After "article": two spaces ("D.  212-4"), a hyphen ("D-212-4"), and "A" for the arrêtés' articles
# of some codes ("A421-13" of the Code des assurances), whose number always has a hyphen.
_TRIGGERED_PREFIX = (
    rf"(?:{_LETTER_PREFIX}(?:\.?\s{{0,2}}{_STARS}?|{_HYPHEN}(?=\d))|A\.?\s?(?=\d+{_HYPHEN}\d))"
)
PREFIXED = rf"(?<![\w'’]){_TRIGGERED_PREFIX}{_SPACED_DIGITS}{_SUFFIXES}(?:{_UPPER_TAIL})?"
# Without a trigger word, a prefixed number needs a dot, a hyphen or a star, so that "catégorie D 1" or
# "L2" as a code name are left alone; a lowercase prefix (queries: "l1233-3") needs the hyphen.
PREFIXED_STRICT = (
    rf"(?<![\w'’])(?:(?:{PREFIX}|A\.?\s?)\d+{_HYPHEN}\d+(?:{_HYPHEN}\d+)*"
    rf"|{_LETTER_PREFIX}\.?\s?{_STARS}\d+(?:{_HYPHEN}\d+)*"
    rf"|(?:L\.\s?O|[LRD])\.\s?\d+(?:{_HYPHEN}\d+)*"
    rf"|(?<!/)[lrd]\d+{_HYPHEN}\d+(?:{_HYPHEN}\d+)*(?!\.\w)){_SUFFIXES}(?:{_UPPER_TAIL})?(?!\w)"
)
_MONTHS = (
    r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre"
    r"|décembre|decembre)"
)
# Ordinals name articles in arrêtés and old texts ("article quatrième", "articles second à 10ème"); in a
# list, a sub-part ("5 et deuxième alinéa") is tried first and a bare ordinal must end the item.
_ORDINAL_NUMBER = (
    r"(?:" + "|".join(word for word in ORDINAL_NUMBERS if word.isalpha()) + r"|liminaire|préliminaire)\b"
)
# Arrêtés number their articles with dots ("article 4.1.b", "articles 6.18.1 à 6.18.7").
_DOTTED = r"\d+(?:\.(?:\d+|[a-z](?![\w'’])))+(?![\w%])(?!\.\d)"
# "1343-5", "1er", "2ème", "premier", "7 tersexagies A", "199 quater B", "4.1.b"; never a date ("1er
# janvier").
BARE = (
    rf"(?:{_DOTTED}"
    rf"|(?:\d+(?:er|ère|re|ème|eme|è)?(?:{_HYPHEN}\d+)*{_SUFFIXES}(?:{_UPPER_TAIL}{_SUFFIXES})?)"
    rf"(?!\s*°)(?![\w%])(?!\.\d)"
    rf"|{_ORDINAL_NUMBER})(?!\s+{_MONTHS})"
)
NUMBER = rf"(?:{PREFIXED}|{BARE})"
# "art 2" without a dot only before a number (typed queries: "code civil art 2").
TRIGGER = r"(?:\b(?:[Aa]rticles?|ARTICLES?|[Aa]rt\.|[Aa]rts?(?=\s+\d))\s*)"

# A chain starts at a trigger word followed by a number, or at a prefixed number on its own.
# A bare hyphenated number directly followed by a code ("1343-5 code civil", as typed in a query) too.
START = re.compile(
    rf"(?P<trigger>{TRIGGER})(?P<first>{NUMBER})|(?P<alone>{PREFIXED_STRICT})"
    rf"|(?P<coded>(?<![\w'’/.,-])\d+(?:{_HYPHEN}\d+)+(?=\s+(?:du\s+)?(?i:code)\s))"
)

# -- sub-parts (kept as the citation's detail) -----------------------------------------------------------

_ORDINAL = (
    r"(?:premier|première|premiers|premières|second|seconde|deuxième|troisième|quatrième|cinquième"
    r"|sixième|septième|huitième|neuvième|dixième|onzième|douzième|treizième|quatorzième|quinzième"
    r"|seizième|dernier|dernière|derniers|dernières|avant-dernier|avant-dernière|\d{1,2}(?:e|ème|er|re))"
)
_COUNT = r"(?:deux|trois|quatre|cinq|six)"
_ROMAN = r"\b[IVX]{1,6}(?:\s(?:bis|ter|quater|[A-H]))?\b"
_ITEM = r"\b\d{1,2}\s?°(?:\s?(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)\b)?"
_LETTER = r"(?:(?<=au )|(?<=le )|(?<=du )|(?<=et )|(?<=, )|(?<=aux ))[a-z](?:\s?(?:bis|ter))?\)?(?=\s+(?:du|de|des|et|à)\b)"
_ALINEA = (
    rf"(?:(?:{_COUNT}\s+)?{_ORDINAL}(?:\s+(?:et|à)\s+{_ORDINAL})?\s+(?:alinéas?|phrases?|paragraphes?|tirets?)"
    r"|(?:alinéas?|al\.|phrases?)\s+\d{1,2}(?:er)?(?:\s+(?:et|à)\s+\d{1,2})?(?![\w°-]))"
)
_ATOM = rf"(?:{_ALINEA}|{_ITEM}|{_ROMAN}|{_LETTER})"
_ATOM_LINK = (
    r"(?:\s*,\s*|\s+(?:et|ou|à)\s+(?:(?:au|aux|du|des)\s+)?|\s+(?:du|de\s+la|des)\s+|\s+de\s+l['’]\s*)"
)
DETAIL = rf"(?:{_ATOM}(?:{_ATOM_LINK}{_ATOM})*)"
# Looked for just before "article": "… au 2° du I de l'" + "article".
DETAIL_BEFORE = re.compile(rf"(?P<detail>{DETAIL})\s+(?:de\s+l['’]\s*|des\s+|du\s+|aux?\s+)\Z")
DETAIL_WINDOW = 160
# The last atom of a sub-part, just before "de l'": a cheap test before the full (backtracking) pattern.
DETAIL_TAIL = re.compile(
    r"(?:°(?:\s?[a-z]+)?|alinéas?(?:\s+\d+)?|phrases?|paragraphes?|tirets?|[IVX]{1,6}(?:\s(?:bis|ter|quater|[A-H]))?"
    r"|\b[a-z]\)?(?:\s?(?:bis|ter))?)\s+(?:de\s+l['’]\s*|des\s+|du\s+|aux?\s+)\Z"
)

# -- links between the items of one list -----------------------------------------------------------------

RANGE = re.compile(rf"\s+(?:à|au)\s+(?:l['’]\s*article\s+)?(?P<last>{PREFIXED}|{BARE})")
FOLLOWING = re.compile(r"\s+et\s+suivants\b")
_CONJ = r"(?:(?:et|ou|ainsi\s+qu['’]\s*|ainsi\s+que|voire|puis|sauf|ni)\s*)"
_PREP = r"(?:(?:à|de|aux|des|du|au|par|les|le|la|pour)\s+|(?:l|d|qu)['’]\s*)"
CONTINUE = re.compile(
    rf"(?:\s*,\s*{_CONJ}?|\s*;\s*{_CONJ}?|\s+{_CONJ})"
    rf"(?:{_PREP}(?:{_PREP})?)?"
    rf"(?:(?P<detail>{DETAIL})\s+(?:de\s+l['’]\s*|des\s+|du\s+))?"
    rf"(?P<trigger>{TRIGGER})?"
    rf"(?P<number>{PREFIXED}|{BARE})"
)
# A bare number continuing a list ("articles 5, 6 et 7") must be followed by what ends a list item.
BARE_END = re.compile(r"\s*(?:[,;.:)\]]|$|(?:et|ou|à|du|de|des|au|aux|précités?|ci-dessus|ci-après)\b)")
IS_BARE = re.compile(rf"\A(?:{BARE})\Z")
AFTER_ITEM = re.compile(
    r"\s*(?:précités?|précitées?|susvisés?|susvisées?|susmentionnés?|ci-dessus|ci-après)\b"
)
# A sub-part written after the number: "L. 631-19 (II)", "L. 641-4, dernier alinéa, L. 641-10".
# Also "1240 al. 1 C. civ." and "L. 123-4, phrases 1 et 2, du code de l'éducation".
DETAIL_AFTER = re.compile(
    rf"\s*\(\s*(?P<detail>{DETAIL})\s*\)|\s*,\s*(?P<tail>{DETAIL})(?=\s*[,;.]|\s+(?:et|ou)\b)"
    r"|\s+(?P<inline>(?:al\.|alinéas?)\s+\d{1,2}(?:er)?)(?![\w°-])"
)

# -- what a list refers to -------------------------------------------------------------------------------

_DATE = rf"\d{{1,2}}(?:er)?\s+{_MONTHS}\s+\d{{4}}"
_TEXT_NUMBER = rf"n[°o]\s*\d+(?:{_HYPHEN}\d+)+"
_NATURE = (
    r"(?:loi\s+organique|loi\s+constitutionnelle|loi|ordonnance|décret-loi|décret|arrêté|décision)"
    r"(?:\s+(?:en\s+Conseil\s+d['’][ÉE]tat|simple))?"
)
OTHER_TEXT = (
    rf"(?:{_NATURE}\s+(?:{_TEXT_NUMBER}(?:\s+du\s+{_DATE})?|du\s+{_DATE})"
    r"|règlement\s+(?:délégué\s+|d['’]exécution\s+)?\((?:UE|CE|CEE)\)\s+(?:n°\s*)?\d+\s?/\s?\d+(?:/\w+)?"
    r"|directive\s+(?:\((?:UE|CE|CEE)\)\s+)?(?:n°\s*)?\d+/\d+(?:/\w+)?"
    r"|(?:présente|même|cette|ladite)\s+(?:loi|ordonnance|directive|convention)"
    r"|(?:présent|même|ce|ledit)\s+(?:décret|règlement|arrêté|accord|traité)"
    rf"|(?:loi|ordonnance|décret|règlement|directive|convention)\s+(?:précitée?|susvisée?|susmentionnée?)"
    rf"(?:\s+du\s+{_DATE})?"
    r"|règlement\s+(?:mentionné|cité|visé)"
    rf"|convention(?:\s+[\w-]+){{0,4}}?\s+du\s+{_DATE}"
    r"|Constitution(?:\s+du\s+4\s+octobre\s+1958)?"
    r"|traité\s+sur\s+le\s+fonctionnement\s+de\s+l['’]Union\s+européenne"
    r"|[Dd]éclaration\s+des\s+droits\s+de\s+l['’][Hh]omme\s+et\s+du\s+citoyen(?:\s+(?:du\s+26\s+août\s+)?1789)?)"
)
# A reference to a loi, décret or ordonnance on its own ("décret n° 2021-1887"), with its number.
OTHER_TEXT_ALONE = re.compile(
    rf"(?<!\w)(?i:{_NATURE})\s+(?:{_TEXT_NUMBER}(?:\s+du\s+{_DATE})?)",
)

_NAMES = sorted(
    ((name, title) for title, _id, names, _abbr, _aliases in CODES for name in names),
    key=lambda pair: -len(pair[0]),
)
_ABBREVIATIONS = sorted(
    ((abbr, title) for title, _id, _names, abbrs, _aliases in CODES for abbr in abbrs),
    key=lambda pair: -len(pair[0]),
)
# Group name → code title, for the alternation below (a named group per spelling keeps matching cheap).
CODE_GROUPS: dict[str, str] = {}
_alternatives = []
for _index, (_name, _title) in enumerate(_NAMES):
    CODE_GROUPS[f"n{_index}"] = _title
    _alternatives.append(rf"(?P<n{_index}>(?i:{folded(_name)}))")
_CODE_NAME = "(?:" + "|".join(_alternatives) + r")(?!\w)"
_abbreviation_alternatives = []
for _index, (_abbr, _title) in enumerate(_ABBREVIATIONS):
    CODE_GROUPS[f"a{_index}"] = _title
    _abbreviation_alternatives.append(rf"(?P<a{_index}>{_abbreviation(_abbr)})")
_CODE_ABBREVIATION = "(?:" + "|".join(_abbreviation_alternatives) + r")(?![\w])"

# The four alternations of every code's names and abbreviations below (CODE_MENTION, DESIGNATION,
# CODE_AFTER, DESIGNATION_BEFORE) are written here and compiled on first use (`__getattr__`): compiling
# them took 0.19 s of every start (0.38 s on a slow core), nine tenths of this module's import, and a
# search whose query names no code never uses them.
_LAZY: dict[str, str] = {}
_LAZY["CODE_MENTION"] = _CODE_NAME + "|" + rf"(?<![\w]){_CODE_ABBREVIATION}"
# Where a code mention can start (names begin with these words, abbreviations with a capital): scanning
# for these first is far cheaper than trying the whole alternation at every position.
CODE_MENTION_CANDIDATE = re.compile(r"(?i:\b(?:code|livre|annexe|nouveau))|\b[A-Z]")

_INTRO = r"(?:(?:du|des|au|aux|de\s+la|à\s+la|de|en|dans\s+le)\s+|(?:de|à)\s+l['’]\s*)"
# What a designation can start with, tested before the long alternation of DESIGNATION.
DESIGNATION_START = re.compile(
    r"(?:\s*,)?\s*(?:(?:du|des|de|au|aux|à|en|dans|dudit)\b|(?i:code|livre|annexe|nouveau)\b|[A-Z]|c\.)"
)
_LAZY["DESIGNATION"] = (
    r"(?:\s*,)?\s*(?:"
    rf"(?P<present>(?i:{_INTRO}présent\s+code))"
    rf"|(?P<same>(?i:(?:{_INTRO}(?:même\s+(?:code|livre)|ce\s+code|code\s+précité))|dudit\s+code))"
    rf"|(?:{_INTRO})?(?P<code>{_CODE_NAME})"
    rf"|(?:{_INTRO})?(?P<abbreviation>{_CODE_ABBREVIATION})"
    rf"|(?P<other>{_INTRO}(?:(?:la|le|l['’])\s*)?(?P<other_text>(?i:{OTHER_TEXT}))(?:\s+précitée?)?)"
    r")"
)
# Parts of a code named after a list, before the code itself: ", des titres II à VII et du chapitre II
# du titre VIII du livre Ier" + "du code minier". Each part has its number, so "du livre des procédures
# fiscales" stays a code's name.
_PART_NUMBER = r"(?:[IVXL]{1,6}|\d{1,3}|Ier|premier|préliminaire|unique)(?:\s+(?:bis|ter|quater))?"
_PART = (
    r"(?:(?:première|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième)\s+partie"
    r"|partie\s+(?:législative|réglementaire|arrêtés)"
    rf"|(?:sous-sections?|sections?|chapitres?|titres?|livres?|paragraphes?|parties?)\s+{_PART_NUMBER}"
    rf"(?:\s*(?:,|et|à)\s*{_PART_NUMBER}){{0,6}})"
)
_PART_INTRO = r"(?:du|des|de\s+la|de\s+l['’]\s*|au|aux|à\s+la|le|la|les)\s+"
STRUCTURE = re.compile(
    rf"(?:\s*,\s*(?:et\s+|ou\s+)?|\s+(?:et|ou)\s+){_PART_INTRO}{_PART}"
    rf"(?:\s*,?\s*(?:et\s+|ou\s+)?{_PART_INTRO}{_PART}){{0,8}}(?=\s*,?\s*(?:du|de\s+la|de\s+l['’]|au)\s)"
)
# A code named right after a number, for a bare number to go on a list ("15 et 27 C. civ.").
_LAZY["CODE_AFTER"] = (
    rf"\s*(?:(?:du|de\s+la|de\s+l['’]|au)\s*)?(?:(?<![\w]){_CODE_ABBREVIATION}|{_CODE_NAME})"
)
# Between a code's name and a list that it heads ("code civil art 2", "Code du travail :\nArticle L. 1").
BETWEEN_CODE_AND_LIST_CHARS = " \t\n\r\u00a0\u202f,:"
BETWEEN_CODE_AND_LIST = re.compile(r"[\s,:]*")
_LAST_WORDS = frozenset(
    variant
    for _title, _id, names, abbreviations, _aliases in CODES
    for spelling in (*names, *abbreviations)
    for variant in (spelling.split()[-1].lower(), unidecode(spelling.split()[-1]).lower())
)


def may_end_a_code_name(word: str) -> bool:
    """Can a code's name end with this word ("civil", "(nouveau)", "civ.", "CESEDA")? A test before
    the scan of the whole text for code names."""
    return word[-1:] == "." or word.isupper() or word.lower() in _LAST_WORDS


# After a code's name, a bill announcing the code it amends.
AMENDED_CODE = re.compile(r"\s+(?:est|sont)\s+(?:ainsi\s+)?(?:modifiée?s?|complétée?s?)\b")
AMENDED_CODE_HINT = re.compile(r"(?:est|sont)\s+(?:ainsi\s+)?(?:modifi|complét)")
# A code named just before the list: "du code de la sécurité sociale prévues aux articles L. 311-3 et …",
# "le code de l'environnement, notamment en ses articles R. 551-1 à …".
_LAZY["DESIGNATION_BEFORE"] = (
    rf"(?:{_CODE_NAME})\s*,?\s*(?:(?:et\s+)?notamment\s+)?"
    r"(?:(?:en\s+|par\s+|dans\s+)?ses\s+|(?:prévu|mentionn|défini|fix|relati)\w*\s+(?:aux\s+|à\s+l['’]\s*|par\s+l(?:es\s+|['’]\s*)))\Z"
)
DESIGNATION_BEFORE_END = re.compile(r"(?:\baux|\bl['’]|\bles|\bses)\s*\Z")
DESIGNATION_WINDOW = 120
# Words just before a list that exclude it ("à l'exception de l'article …"): kept, and marked.
EXCLUSION_BEFORE = re.compile(
    r"(?:à\s+l['’]exception|à\s+l['’]exclusion|\bsauf|\bexcepté|\bhormis)\b[^.;:,()]{0,40}"
    r"(?:\bde\s+l['’]\s*|\bdes\s+|\bdu\s+|\bles\s+|\bl['’]\s*|\baux?\s+)\Z",
    re.IGNORECASE,
)
EXCLUSION_WINDOW = 80
SPACES = re.compile(r"\s+")


def __getattr__(name: str) -> re.Pattern[str]:
    """One of the `_LAZY` patterns, compiled at its first use and kept as the module's attribute (a
    second thread compiling it at the same time compiles the same pattern)."""
    pattern = _LAZY.get(name)
    if pattern is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    compiled = globals()[name] = re.compile(pattern)
    return compiled
