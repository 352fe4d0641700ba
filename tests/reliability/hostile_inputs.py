"""Hostile inputs shared by the reliability tests and `scripts/fuzz.py`.

Untrusted text reaches lexsearch through queries, URL parameters and imported corpora. These strategies
generate what users and attackers actually send: random unicode, control characters, 100k-char strings,
Whoosh syntax fragments, nested quotes, only stop words, only punctuation, markup. Kept in one place so the
CI property tests and the long-budget fuzzer exercise the same shapes.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Whoosh query-language operators and brackets; each one has broken a naive parser somewhere.
SYNTAX_FRAGMENTS = (
    "AND",
    "OR",
    "NOT",
    "ANDNOT",
    "ANDMAYBE",
    "(",
    ")",
    '"',
    "*",
    "?",
    "~",
    "~2",
    "^",
    "^3",
    "[",
    "]",
    "{",
    "}",
    ":",
    "TO",
    "-",
    "+",
    "\\",
    "/",
    "'",
    "code:",
    "num:",
    "text:",
    "valid_from:",
    "*:*",
    "<",
    ">",
    "=",
)

# Real French words and references so generated queries also reach the analysis and ranking paths.
WORDS = (
    "licenciement",
    "motif",
    "économique",
    "salarié",
    "déléguée",
    "congé",
    "maternité",
    "prud'hommes",
    "L. 1233-3",
    "L1233-3",
    "art L123-4",
    "L. 3253-8 à L. 3253-12",
    "L. 1233-*",
    "R*611-1",
    "article 1343-5 du code civil",
    "C. trav.",
    "licenciment",
    "2020-06-01",
)

# French stop words (articles, prepositions, pronouns): a query of only these analyses to nothing.
STOP_WORDS = (
    "le",
    "la",
    "les",
    "de",
    "des",
    "du",
    "un",
    "une",
    "et",
    "ou",
    "à",
    "au",
    "aux",
    "en",
    "pour",
    "par",
    "sur",
    "dans",
    "que",
    "qui",
    "il",
    "elle",
    "ne",
    "pas",
    "se",
    "son",
    "sa",
    "ses",
    "ce",
    "est",
)

PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”‘’„…–—·§¶°•\u00a0\u202f"

MARKUP = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</mark><b>x</b>",
    "javascript:alert(1)",
    "&lt;script&gt;",
    '"><svg onload=alert(1)>',
)

CONTROL_CHARACTERS = "".join(chr(c) for c in [*range(0, 32), 127, *range(0x80, 0xA0)]) + (
    "\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202e\ufeff\ufffd\ufffe"
)

# Fixed cases that every run tries first: the regressions a random generator might take long to hit.
EXAMPLES = (
    "",
    " ",
    "\x00",
    '"',
    '""',
    '"""',
    '"licenciement',
    '"a "b "c" d" e"',
    "(",
    ")",
    "((((((((((licenciement",
    "licenciement))))))",
    "AND",
    "OR OR OR",
    "NOT",
    "NOT NOT licenciement",
    "*",
    "?",
    "*:*",
    "~",
    "^",
    "[",
    "[a TO",
    "{ TO }",
    "valid_from:[2020 TO",
    "code:",
    'code:"',
    "num:*",
    "text:(",
    "\\",
    "-",
    "--licenciement",
    "- - -",
    "le la les de des",
    "!!!???...",
    "«»…—",
    "L.",
    "L. -",
    "L. 1233-",
    "L. 1233-3 à",
    "à L. 3253-12",
    "L. 999999999999999999999-1",
    "article",
    "licenciement~99",
    "licenciement^999999999999",
    "x" * 100_000,
    "licenciement " * 10_000,
    "(" * 5_000,
    '"' * 5_001,
    "L. 1233-3 " * 3_000,
    *MARKUP,
    "licenciement \udcff",  # what argv holds for an invalid UTF-8 byte (surrogateescape)
    "e\u0301conomique",
    "ÉCONOMIQUE",
    "ｌｉｃｅｎｃｉｅｍｅｎｔ",
    "\u202elicenciement",
    "\n\t\r",
)


def _joined(parts: st.SearchStrategy[str], separators: tuple[str, ...] = (" ",)) -> st.SearchStrategy[str]:
    return st.tuples(st.lists(parts, min_size=1, max_size=25), st.sampled_from(separators)).map(
        lambda t: t[1].join(t[0])
    )


def _nested_quotes(depth: int) -> st.SearchStrategy[str]:
    word = st.sampled_from(WORDS + STOP_WORDS)
    if depth == 0:
        return word
    inner = _nested_quotes(depth - 1)
    return st.tuples(word, inner, word, st.booleans()).map(
        lambda t: f'{t[0]} "{t[1]}{"" if t[3] else chr(34)} {t[2]}'
    )


def _huge(base: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Strings up to 100k characters, built by repetition so generation stays cheap."""
    return st.tuples(base.filter(bool), st.integers(min_value=1_000, max_value=100_000)).map(
        lambda t: (t[0] * (t[1] // len(t[0]) + 1))[: t[1]]
    )


def hostile_text(*, huge: bool = True) -> st.SearchStrategy[str]:
    """Any of the hostile shapes; `huge=False` leaves out the 100k-char strings for fast CI runs."""
    shapes = [
        st.sampled_from(EXAMPLES if huge else tuple(e for e in EXAMPLES if len(e) < 2_000)),
        st.text(max_size=200),
        st.text(alphabet=CONTROL_CHARACTERS, max_size=50),
        _joined(st.sampled_from(SYNTAX_FRAGMENTS + WORDS), separators=(" ", "\t", "\n")),
        _joined(st.sampled_from(SYNTAX_FRAGMENTS + WORDS), separators=(" ", "(")),
        _joined(st.sampled_from(SYNTAX_FRAGMENTS + WORDS + MARKUP), separators=("",)),
        st.integers(min_value=0, max_value=6).flatmap(_nested_quotes),
        _joined(st.sampled_from(STOP_WORDS)),
        st.text(alphabet=PUNCTUATION, min_size=1, max_size=80),
        _joined(st.sampled_from(WORDS + MARKUP)),
        _joined(st.one_of(st.sampled_from(WORDS), st.text(alphabet=CONTROL_CHARACTERS + PUNCTUATION))),
    ]
    if huge:
        shapes.append(_huge(st.one_of(st.sampled_from(SYNTAX_FRAGMENTS + WORDS), st.text(min_size=1))))
    return st.one_of(*shapes)


def hostile_dates() -> st.SearchStrategy[str]:
    """Date-like strings for URL parameters: valid ISO dates, impossible ones, other formats, garbage."""
    return st.one_of(
        st.dates().map(lambda d: d.isoformat()),
        st.sampled_from(
            (
                "2020-02-30",
                "2020-13-01",
                "0000-01-01",
                "9999-12-31",
                "10000-01-01",
                "2020-1-1",
                "01/06/2020",
                "2020-06-01T00:00:00",
                "2020-06-01; DROP TABLE versions",
                "today",
                "-1",
                "",
                "2020-06-01\x00",
                "../../etc/passwd",
            )
        ),
        st.text(max_size=30),
    )


def hostile_version_ids() -> st.SearchStrategy[str]:
    """Version ids: real-looking LEGIARTI ids, path traversal, SQL, markup, unicode digits."""
    return st.one_of(
        st.integers(min_value=0, max_value=10**12).map(lambda n: f"LEGIARTI{n:012d}"),
        st.sampled_from(
            (
                "LEGIARTI",
                "LEGIARTI00000000000000000000000001",
                "../../../../etc/passwd",
                "/etc/passwd",
                "file:///etc/passwd",
                "LEGIARTI000006901125' OR '1'='1",
                "<script>alert(1)</script>",
                "LEGIARTI٠٠٠٠٠٠٠٠٠٠٠١",
                "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "",
            )
        ),
        st.text(max_size=60),
    )


def hostile_pages() -> st.SearchStrategy[str]:
    """Page numbers as they arrive in a URL: strings, negative, zero, huge, floats, garbage."""
    return st.one_of(
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.sampled_from(("", "0", "-1", "1.5", "1e9", "NaN", "inf", "٣", "1 ", " 2", "0x10", "1_000")),
        st.text(max_size=20),
    )
