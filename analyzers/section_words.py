"""Words of the code's structure, as lemmas (query time only: not part of the index's analysis)."""

from __future__ import annotations

# The structure's own words in section paths ("Partie législative", "Livre Ier", "Chapitre unique",
# "Sous-section 2", "Dispositions générales"), as lemmas: every article's path has some, so a query word
# found only there ("parties" in "classes de parties affectées") says nothing about the article. Query
# words matching these are looked for in the text only. "titre" is left out: "Titres-restaurant" is a
# section's content.
SECTION_BOILERPLATE = frozenset(
    [
        "partie",
        "legislatif",
        "reglementaire",
        "livre",
        "ier",
        "chapitre",
        "chapitrer",
        "section",
        "sous",
        "paragraphe",
        "preliminaire",
        "unique",
        "disposition",
        "general",
        "annexe",
    ]
)


def is_section_boilerplate(lemma: str) -> bool:
    """A structural word of section paths, or a number: paths number their parts ("Section 11",
    "Sous-section 2"), so "11" typed for "11 salariés" must not match every eleventh section."""
    return lemma in SECTION_BOILERPLATE or lemma.isdigit()
