"""Elided articles, pronouns and conjunctions, and the characters French texts use as apostrophes.

Data only. `analyzers.french.strip_elision` strips an elided head ("l'", "jusqu’") from the word that
follows it, so "l'employeur" and "employeur" meet. Other words with an apostrophe ("prud'hommes", "aujourd'hui") keep
their letters and lose the apostrophe when folded.
"""

from __future__ import annotations

# Straight apostrophe, right and left single quotation marks (typographic apostrophe and its common
# mistyping), modifier letter apostrophe, grave and acute accents and the prime typed in their place.
APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4\u2032"

# Heads that are elided before a vowel or a mute h, lower-case, without the apostrophe.
ELISIONS = frozenset(
    {
        "l",
        "d",
        "qu",
        "j",
        "n",
        "s",
        "c",
        "m",
        "t",
        "jusqu",
        "lorsqu",
        "puisqu",
        "quoiqu",
        "presqu",
        "quelqu",
    }
)
