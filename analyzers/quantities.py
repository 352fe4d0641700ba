"""How the code states a quantity, and how a question asks for one: data only.

A question that asks how much or how long ("combien de congés payés", "montant de l'indemnité",
"durée du préavis", "calcul de l'ancienneté") is answered by the article that states the figure
("deux jours et demi ouvrables par mois", "un quart de mois de salaire par année"). Words are the
analyzers' lemmas (folded), as the index holds them.
"""

from __future__ import annotations

# Words of a question that ask for an amount, a duration, a rate or a count (folded, as typed). With
# "délai": the time limit is usually set by a decree (« dans un délai de quinze jours »), which such a
# question does not discount (RankingConfig.quantity_regulatory_factor): CDTN dev nDCG@10 0.4404 →
# 0.4413, our legal questions 0.699 → 0.703, the other groups unchanged.
QUANTITY_QUESTION_WORDS = frozenset(
    {
        "delai",
        "delais",
        "combien",
        "montant",
        "montants",
        "duree",
        "durees",
        "taux",
        "pourcentage",
        "calcul",
        "calculer",
        "calcule",
        "nombre",
    }
)

# Numbers as the lemma stream holds them besides digits ("un" and "une" are left out: they are
# articles far more often than numbers).
NUMBER_WORDS = frozenset(
    {
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "treize",
        "quatorze",
        "quinze",
        "seize",
        "vingt",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
        "cent",
        "mille",
        "demi",
        "quart",
        "tiers",
        "moitie",
        "dixieme",
        "douzieme",
    }
)

# Figures written in digits ("25 heures", "10 %"): the code's days, hours and percentages stay below 100
# but for a few that are spelled out.
DIGITS = frozenset(str(number) for number in range(1, 101))

# Units a figure of the code counts in.
UNITS = frozenset({"jour", "semaine", "mois", "an", "annee", "heure", "minute", "euro", "salaire", "smic"})
