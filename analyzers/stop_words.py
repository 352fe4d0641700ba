"""French stop words, in folded form (lower-case ASCII), applied after accent folding.

Data only. The list is deliberately short: articles, determiners, pronouns, the most frequent
prepositions and auxiliary forms. Words that change what a legal sentence means are NEVER stop words,
even though general-purpose lists (spaCy's, Snowball's) drop them: negations ("ne", "pas", "non",
"sans", "ni", "aucun", "nul", "jamais"), exceptions and limits ("sauf", "hors", "excepte", "outre",
"moins", "plus", "seul"), time and order ("avant", "apres", "pendant", "depuis"…), conditions
("si", "lorsque") and numbers ("un", "deux", "premier"). `KEPT_WORDS` lists them so a test can check the
two sets never meet.
"""

from __future__ import annotations

_STOP_WORDS = """
    a au aux avec ce ceci cela ces cet cette d de des du elle elles en et eux il ils
    j l la le les leur leurs lui m ma mais me meme mes moi mon n nos notre nous on ou par
    pour qu que qui s sa se ses son sur t ta te tes toi ton tu vos votre vous y
    c est sont ete etre etait etaient sera seront soit soient ait aient avoir a ont
    dont dans laquelle lequel lesquels lesquelles auquel auxquels auxquelles duquel desquels desquelles
    celle celles celui ceux
"""

# Words that general stop lists drop but that change the meaning of a provision: kept in the index.
_KEPT_WORDS = """
    ne pas non sans ni aucun aucune nul nulle jamais rien personne
    sauf hors excepte outre moins plus seul seule seuls seules tout toute tous toutes
    avant apres pendant depuis durant jusque entre contre selon sous vers faute malgre
    si lorsque quand toutefois cependant neanmoins
    un une deux trois premier premiere dernier derniere
"""

STOP_WORDS = frozenset(_STOP_WORDS.split())
KEPT_WORDS = frozenset(_KEPT_WORDS.split())
